import Domain
import Vapor

/// The organisation form as data: its fields built from what was typed and
/// what was refused, and what is stored now when someone else saved first.
struct OrganizationFormPage: Encodable {
    struct Conflict: Encodable { let name: String; let kind: String; let kvk: String }

    let form: FormPage.Form
    let errors: FormErrors
    let conflict: Conflict?

    static func build(action: String, values: OrganizationForm, errors: FormErrors = .none, conflict: Conflict? = nil, in speaker: any Speaking) -> Self {
        var fields = FieldBuilder(speaker, errors: errors)
        let kinds = OrganizationKind.allCases.map {
            Option(value: $0.rawValue, label: speaker.t("organization.kind.\($0.rawValue)"), selected: $0.rawValue == values.kind)
        }
        let parts: [FormPart] = [
            .field(fields.field("name", label: "organizations.name", value: values.name, maxLength: 120, required: true)),
            .field(fields.field("kind", .select, label: "organizations.kind", options: kinds, choose: true, required: true)),
            .field(fields.field("kvk_number", label: "organizations.kvk_optional", hint: "organizations.kvk_hint", value: values.kvk_number,
                                maxLength: 20, inputMode: "numeric")),
            .field(fields.field("intake_email", .email, label: "organizations.intake_email", hint: "organizations.intake_email_hint",
                                value: values.intake_email, maxLength: 200, autocomplete: "off")),
            .field(fields.field("part_of_municipality", .checkbox, label: "organizations.part_of_municipality",
                                hint: "organizations.part_of_municipality_hint", checked: values.part_of_municipality == "on")),
        ]
        let form = FormPage.Form(
            action: action, parts: parts, submit: speaker.t("form.save"), cancelHref: SiteRoute.organizations.path(),
            hidden: [.init(name: "version", value: String(values.version ?? 0))]
        )
        // A conflict is about the whole form, not one field: its line is not named.
        return Self(form: form, errors: conflict == nil ? fields.namedErrors : errors, conflict: conflict)
    }
}
