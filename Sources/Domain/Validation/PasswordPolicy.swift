/// NCSC guidance: length over composition rules; an upper bound keeps bcrypt
/// (which reads only 72 bytes) honest and stops huge inputs.
public enum PasswordPolicy {
    public static let minimumLength = 12
    public static let maximumBytes = 72

    public static func check(_ password: String, confirmation: String, field: String = "password") -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        if password.count < minimumLength {
            issues.append(.init(field: field, messageKey: "validation.password_too_short"))
        } else if password.utf8.count > maximumBytes {
            issues.append(.init(field: field, messageKey: "validation.password_too_long"))
        }
        if password != confirmation {
            issues.append(.init(field: "password_confirmation", messageKey: "validation.password_mismatch"))
        }
        return issues
    }
}
