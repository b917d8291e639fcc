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
}
