import Foundation

/// One problem with one field of user input. `messageKey` names a string in
/// the localization files, so the user reads it in their own language.
public struct ValidationIssue: Equatable, Sendable, Error {
    public let field: String
    public let messageKey: String

    public init(field: String, messageKey: String) {
        self.field = field
        self.messageKey = messageKey
    }
}

/// Collects issues over a whole form so the user sees all of them at once.
public struct FormValidator: Sendable {
    public private(set) var issues: [ValidationIssue] = []
    public init() {}

    public var isValid: Bool { issues.isEmpty }

    public mutating func add(_ field: String, _ messageKey: String) {
        issues.append(ValidationIssue(field: field, messageKey: messageKey))
    }

    /// Trims the value and checks it is present (when required) and not too long.
    @discardableResult
    public mutating func text(
        _ field: String, _ value: String?, required: Bool = true, maxLength: Int = 200, allowLineBreaks: Bool = false
    ) -> String? {
        let trimmed = (value ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty {
            if required { add(field, "validation.required") }
            return nil
        }
        if trimmed.count > maxLength {
            add(field, "validation.too_long")
            return nil
        }
        let lineBreaks: Set<Unicode.Scalar> = allowLineBreaks ? ["\n", "\r", "\t"] : []
        if trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && !lineBreaks.contains($0) }) {
            add(field, "validation.invalid_characters")
            return nil
        }
        return trimmed
    }
}
