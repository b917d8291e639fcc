import Domain
import Vapor

/// One field of a form as data, drawn by `partials/field.leaf`: its label,
/// hint, what was typed and what was refused, so every form in the product
/// shows them the same way and links its message to the input.
struct FormField: Encodable {
    enum Kind: String, Encodable { case text, email, tel, number, password, date, time, search, textarea, select, checkbox, file }

    let id: String
    let name: String
    let kind: Kind
    let label: String
    let hint: String?
    let value: String
    let error: String?
    /// For a select: its options, and the empty first choice ("Kies…") when nothing needs to be pre-chosen.
    let options: [Option]
    let choose: String?
    let maxLength: Int?
    let rows: Int?
    let autocomplete: String?
    let inputMode: String?
    let checked: Bool
    /// A label only screen readers read (a status select in a table row, named after its row).
    let labelHidden: Bool
    /// The hint and the message, read out with the input.
    let describedBy: String?
    /// Announced as required (the server still checks: forms are `novalidate` where it matters).
    var required = false
    var minLength: Int? = nil
    /// A number's bounds.
    var min: Int? = nil
    var max: Int? = nil
    /// A username or code: no capital at the start, no spelling check.
    var verbatim = false
    /// A file input's accepted types, and whether it takes several files.
    var accept: String? = nil
    var multiple = false
}

/// Checkboxes or radio buttons under one legend (`partials/choices.leaf`).
struct ChoiceGroup: Encodable {
    let id: String
    let name: String
    let legend: String
    let hint: String?
    let error: String?
    let type: String
    let options: [Option]
}

/// A form's fields in the order they are shown: a page lists these and the
/// template draws each with its partial.
enum FormPart: Encodable {
    case field(FormField)
    case choices(ChoiceGroup)

    private enum CodingKeys: String, CodingKey { case field, choices }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .field(let field): try container.encode(field, forKey: .field)
        case .choices(let group): try container.encode(group, forKey: .choices)
        }
    }
}

/// The legend of a group of separately named boxes, and the group's message.
struct Legend: Encodable {
    let id: String
    let text: String
    let error: String?
}

/// Builds the fields of one form from what was typed and what was refused.
/// Messages are looked up by the field's id (the anchor the error summary
/// links to); each label it hands out is kept, so the summary can name the
/// field its message belongs to.
struct FieldBuilder {
    let speaker: any Speaking
    let errors: FormErrors
    private(set) var labels: [String: String] = [:]
    /// The fields' ids in the order the form shows them.
    private(set) var order: [String] = []

    init(_ speaker: any Speaking, errors: FormErrors = .none) {
        self.speaker = speaker
        self.errors = errors
    }

    /// `labelText` is a label already in words (a language's or a location's name) instead of a key;
    /// `sharedHint` the id of a hint the template shows once for several fields (the weekly hours).
    mutating func field(
        _ id: String, name: String? = nil, _ kind: FormField.Kind = .text, label: String = "", labelText: String? = nil, hint: String? = nil,
        sharedHint: String? = nil,
        value: String? = nil, options: [Option] = [], choose: Bool = false, chooseLabel: String = "form.choose", maxLength: Int? = nil, rows: Int? = nil,
        autocomplete: String? = nil, inputMode: String? = nil, checked: Bool = false, hiddenLabel: String? = nil,
        required: Bool = false, minLength: Int? = nil, min: Int? = nil, max: Int? = nil, verbatim: Bool = false,
        accept: String? = nil, multiple: Bool = false
    ) -> FormField {
        let labelText = (labelText ?? speaker.t(label)) + (hiddenLabel.map { " " + $0 } ?? "")
        labels[id] = labelText
        order.append(id)
        let error = errors.fields[id]
        let described = [sharedHint, hint.map { _ in id + "-hint" }, error.map { _ in id + "-error" }].compactMap { $0 }
        return FormField(
            id: id, name: name ?? id, kind: kind, label: labelText, hint: hint.map { speaker.t($0) }, value: value ?? "",
            error: error, options: options, choose: choose ? speaker.t(chooseLabel) : nil,
            maxLength: maxLength, rows: kind == .textarea ? rows ?? 5 : nil,
            autocomplete: autocomplete, inputMode: inputMode, checked: checked, labelHidden: hiddenLabel != nil,
            describedBy: described.isEmpty ? nil : described.joined(separator: " "),
            required: required, minLength: minLength, min: min, max: max, verbatim: verbatim, accept: accept, multiple: multiple
        )
    }

    mutating func choices(_ id: String, name: String, legend: String, hint: String? = nil, options: [Option], radio: Bool = false) -> ChoiceGroup {
        let legendText = speaker.t(legend)
        labels[id] = legendText
        order.append(id)
        return ChoiceGroup(id: id, name: name, legend: legendText, hint: hint.map { speaker.t($0) }, error: errors.fields[id],
                           type: radio ? "radio" : "checkbox", options: options)
    }

    /// A legend the template draws itself over boxes that each send their own
    /// name (`domain_finances`, `domain_housing`…): the group's message, anchored
    /// at `id` (its first box), is named by the legend, not by that box's label.
    mutating func legend(_ id: String, _ legend: String) -> Legend {
        let text = speaker.t(legend)
        labels[id] = text
        order.append(id)
        return Legend(id: id, text: text, error: errors.fields[id])
    }

    /// The refusals with each summary line naming its field ("Titel: Vul dit veld in."),
    /// in the order of the fields on the form.
    var namedErrors: FormErrors { errors.naming(labels, order: order) }
}

extension FormErrors {
    /// The summary with the field's label before each message, for fields whose label is known.
    func naming(_ labels: [String: String], order: [String] = []) -> FormErrors {
        let position = { (field: String) in order.firstIndex(of: field) ?? order.count }
        let named = summary.enumerated()
            .sorted { (position($0.element.field), $0.offset) < (position($1.element.field), $1.offset) }
            .map { _, item in labels[item.field].map { Item(field: item.field, message: $0 + ": " + item.message) } ?? item }
        return FormErrors(summary: named, fields: fields)
    }
}

extension Speaking {
    /// Life domains to choose from, in their usual order, with the chosen ones marked.
    func domainOptions(_ domains: [LifeDomain] = LifeDomain.allCases, chosen: Set<String>) -> [Option] {
        domains.map { Option(value: $0.rawValue, label: t("domain.\($0.rawValue)"), selected: chosen.contains($0.rawValue)) }
    }
}
