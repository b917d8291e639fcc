import Domain
import Fluent
import Vapor

/// Registering a household: the person, how to reach them, the address, the
/// life domains to work on and, for a partner organisation, the consent.
struct IntakePage: Encodable {
    let action: String
    let person: [FormPart]
    let address: [FormPart]
    let domains: ChoiceGroup
    /// Only for a partner organisation, which needs the resident's consent.
    let consent: [FormPart]?
    let errors: FormErrors
    let duplicate: IntakeDuplicate?
    /// The early-signal case this intake comes from, carried through the form.
    var signalCase: String? = nil

    static func build(_ form: IntakeForm, partner: Bool, errors: FormErrors, duplicate: IntakeDuplicate?, in context: Context) -> IntakePage {
        var fields = FieldBuilder(context, errors: errors)
        let text = { (id: String, label: String, value: String?, maxLength: Int) in
            FormPart.field(fields.field(id, label: label, value: value, maxLength: maxLength, autocomplete: "off"))
        }
        let person: [FormPart] = [
            text("given_name", "intake.given_name", form.given_name, 100),
            text("family_name", "intake.family_name", form.family_name, 100),
            .field(fields.field("birth_date", label: "intake.birth_date", hint: "intake.date_hint", value: form.birth_date, maxLength: 12,
                                autocomplete: "off", inputMode: "numeric")),
            .field(fields.field("bsn", label: "intake.bsn", hint: "intake.bsn_hint", value: form.bsn, maxLength: 20, autocomplete: "off", inputMode: "numeric")),
            .field(fields.field("phone", .tel, label: "contact.phone", hint: "contact.optional", value: form.phone, maxLength: 30, autocomplete: "off")),
            .field(fields.field("email", .email, label: "contact.email", hint: "contact.optional", value: form.email, maxLength: 200, autocomplete: "off")),
            .field(fields.field("contact_for_volunteers", .checkbox, label: "contact.for_volunteers", checked: form.contact_for_volunteers == "on")),
        ]
        let address: [FormPart] = [
            text("street", "intake.street", form.street, 120),
            text("postcode", "intake.postcode", form.postcode, 10),
            text("city", "intake.city", form.city, 80),
            text("neighbourhood_code", "intake.neighbourhood", form.neighbourhood_code, 20),
        ]
        let chosen = Set(form.domains ?? [])
        let domains = fields.choices("domains", name: "domains[]", legend: "intake.domains",
                                     options: context.domainOptions(chosen: chosen))
        let consent: [FormPart]? = partner ? [
            .field(fields.field("consent_method", .select, label: "consent.method",
                                options: ConsentMethod.allCases.filter { $0 != .portal }.map { Option(value: $0.rawValue, label: context.t("consent.method.\($0.rawValue)"), selected: $0.rawValue == form.consent_method) },
                                choose: true)),
            .field(fields.field("consent_purpose", label: "consent.purpose", value: form.consent_purpose, maxLength: 200)),
        ] : nil
        return IntakePage(action: SiteRoute.households.path(), person: person, address: address, domains: domains, consent: consent,
                          errors: fields.namedErrors, duplicate: duplicate, signalCase: form.signal_case_id)
    }
}
