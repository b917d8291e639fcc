/// What passes for a phone number or an e-mail address, wherever one is
/// typed: a resident's, a professional's work contact, a service's.
public enum ContactDetails {
    /// Digits with spaces, +, - and brackets, as people write numbers: "06-12345678", "+31 (0)20 123 4567".
    public static func isPhone(_ text: String) -> Bool {
        text.count <= 30 && text.filter(\.isNumber).count >= 3
            && text.allSatisfy { ($0.isASCII && $0.isNumber) || " +-()".contains($0) }
    }

    public static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !parts[1].hasPrefix(".") && !parts[1].hasSuffix(".")
            && !text.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" })
    }
}

extension FormValidator {
    /// An optional phone number: nil when empty or refused.
    public mutating func phone(_ field: String, _ raw: String?) -> String? {
        guard let text = text(field, raw, required: false, maxLength: 30) else { return nil }
        guard ContactDetails.isPhone(text) else { add(field, "validation.phone_one_invalid"); return nil }
        return text
    }

    /// An optional e-mail address: nil when empty or refused.
    public mutating func email(_ field: String, _ raw: String?) -> String? {
        guard let text = text(field, raw, required: false, maxLength: 200) else { return nil }
        guard ContactDetails.isEmail(text) else { add(field, "validation.email_invalid"); return nil }
        return text
    }
}
