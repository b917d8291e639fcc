import Domain
import Vapor

/// Validation issues ready for a template: a summary at the top of the form
/// (linking to each field) and a message next to each field.
struct FormErrors: Encodable {
    struct Item: Encodable { let field: String; let message: String }

    let summary: [Item]
    let fields: [String: String]

    static let none = FormErrors(summary: [], fields: [:])

    init(summary: [Item], fields: [String: String]) {
        self.summary = summary
        self.fields = fields
    }

    init(_ issues: [ValidationIssue], req: Request) {
        self.init(issues, localizer: req)
    }

    init(_ issues: [ValidationIssue], localizer speaker: any Speaking) {
        let items = issues.map { Item(field: $0.field, message: speaker.t($0.messageKey)) }
        summary = items
        fields = Dictionary(items.map { ($0.field, $0.message) }, uniquingKeysWith: { first, _ in first })
    }
}

/// One option of a select list.
struct Option: Encodable {
    let value: String
    let label: String
    let selected: Bool
    /// The label's language when it differs from the page's ("Nederlands" on an English page).
    var lang: String? = nil

    /// The value as it can stand in an element's id, which has no spaces ("read write" → "read-write").
    var key: String { value.split(whereSeparator: \.isWhitespace).joined(separator: "-") }

    private enum CodingKeys: String, CodingKey { case value, label, selected, lang, key }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(value, forKey: .value)
        try container.encode(label, forKey: .label)
        try container.encode(selected, forKey: .selected)
        try container.encodeIfPresent(lang, forKey: .lang)
        try container.encode(key, forKey: .key)
    }
}
