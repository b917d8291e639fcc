import Vapor

/// A new tenant and its first tenant admin, as data: the tenant's fields,
/// then the admin's under their own legend.
struct TenantFormPage: Encodable {
    let form: FormPage.Form
    /// The first tenant admin's name and username.
    let admin: [FormField]
    let errors: FormErrors

    static func build(_ typed: TenantController.TenantForm, errors: FormErrors = .none, in speaker: any Speaking) -> Self {
        var fields = FieldBuilder(speaker, errors: errors)
        let parts: [FormPart] = [
            .field(fields.field("name", label: "tenants.name", value: typed.name, maxLength: 120, required: true)),
            .field(fields.field("slug", label: "tenants.slug", hint: "tenants.slug_hint", value: typed.slug, maxLength: 40, required: true, verbatim: true)),
        ]
        let admin = [
            fields.field("admin_name", label: "users.display_name", value: typed.admin_name, maxLength: 120, required: true),
            fields.field("admin_username", label: "users.username", value: typed.admin_username, maxLength: 64, required: true, verbatim: true),
        ]
        return Self(
            form: .init(action: SiteRoute.tenants.path(), parts: parts, submit: speaker.t("tenants.create"), cancelHref: SiteRoute.tenants.path()),
            admin: admin, errors: fields.namedErrors
        )
    }
}
