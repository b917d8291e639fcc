import Domain
import Fluent
import Vapor

/// A provider of the social map, as data: its form's fields built from what
/// was typed and what was refused, and for an existing one its locations
/// with a form to add one.
struct ProviderFormPage: Encodable {
    struct Location: Encodable { let name: String; let address: String; let deleteAction: String }
    let form: FormPage.Form
    let errors: FormErrors
    let conflictName: String?
    let locations: [Location]
    let locationAction: String?
    let locationErrors: FormErrors
    let locationFields: [FormField]

    struct Input {
        var action: String
        var values: ProviderEditing.Form
        var errors: FormErrors = .none
        var conflictName: String?
        /// Offered to tenant admins only: linking the provider to one of the tenant's organisations.
        var organizations: [(id: UUID, name: String)]?
        var locations: [Location] = []
        var locationAction: String?
        var location = ProviderEditing.LocationForm()
        var locationErrors: FormErrors = .none
    }

    static func build(_ input: Input, in speaker: any Speaking) -> Self {
        let values = input.values
        var fields = FieldBuilder(speaker, errors: input.errors)
        var parts: [FormPart] = [
            .field(fields.field("name", label: "socialmap.name", value: values.name, maxLength: 120, required: true)),
            .field(fields.field("description", .textarea, label: "socialmap.description", value: values.description, rows: 4, required: true)),
            .field(fields.field("informal", .checkbox, label: "socialmap.informal_label", checked: values.informal == "on")),
        ]
        if let organizations = input.organizations {
            let chosen = values.organization_id ?? ""
            let options = [Option(value: "", label: speaker.t("socialmap.not_linked"), selected: chosen.isEmpty)]
                + organizations.map { Option(value: $0.id.uuidString, label: $0.name, selected: $0.id.uuidString == chosen) }
            parts.append(.field(fields.field("organization_id", .select, label: "socialmap.linked_organization",
                                             hint: "socialmap.linked_organization_hint", options: options)))
        }
        parts += [
            .field(fields.field("phones", label: "socialmap.phones", value: values.phones, maxLength: 200)),
            .field(fields.field("email", label: "socialmap.email", value: values.email, maxLength: 200)),
            .field(fields.field("website", label: "socialmap.website", value: values.website, maxLength: 300)),
        ]
        // The location form's inputs carry a prefix (the provider's own name field is on the same page);
        // its refusals, keyed by what was posted, are moved onto those ids.
        var locationFields = FieldBuilder(speaker, errors: input.locationErrors.prefixed("location_"))
        let location = input.location
        let locationParts = [
            locationFields.field("location_name", name: "name", label: "socialmap.location_name", value: location.name, maxLength: 120),
            locationFields.field("location_address_1", name: "address_1", label: "socialmap.address", value: location.address_1, maxLength: 200),
            locationFields.field("location_postal_code", name: "postal_code", label: "socialmap.postal_code", value: location.postal_code, maxLength: 10),
            locationFields.field("location_city", name: "city", label: "socialmap.city", value: location.city, maxLength: 80),
            locationFields.field("location_phones", name: "phones", label: "socialmap.phones", value: location.phones, maxLength: 200),
        ]
        let form = FormPage.Form(
            action: input.action, parts: parts, submit: speaker.t("form.save"), cancelHref: SiteRoute.socialMapProviders.path(),
            hidden: [.init(name: "version", value: String(values.version ?? 0))]
        )
        return Self(
            form: form, errors: input.conflictName == nil ? fields.namedErrors : input.errors, conflictName: input.conflictName,
            locations: input.locations, locationAction: input.locationAction,
            locationErrors: locationFields.namedErrors, locationFields: locationParts
        )
    }
}

extension FormErrors {
    /// The same refusals for inputs whose ids carry `prefix`.
    func prefixed(_ prefix: String) -> FormErrors {
        FormErrors(
            summary: summary.map { Item(field: prefix + $0.field, message: $0.message) },
            fields: Dictionary(fields.map { (prefix + $0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        )
    }
}
