import Domain
import Fluent
import Vapor

/// The tenant admin's settings for their municipality: for now, after how
/// many months the worklist asks for a reassessment.
struct TenantSettingsController {
    struct Form: Content { var reassessment_months: String? }

    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.tenantSettings, use: show)
        routes.post(SiteRoute.tenantSettings, use: update)
    }

    func show(req: Request) async throws -> Response {
        let tenant = try await Self.tenant(req)
        return try await page(req, months: String(tenant.reassessmentInterval), errors: .none)
    }

    func update(req: Request) async throws -> Response {
        let tenant = try await Self.tenant(req)
        let form = try req.content.decode(Form.self)
        let raw = (form.reassessment_months ?? "").trimmingCharacters(in: .whitespaces)
        guard let months = Int(raw), Tenant.reassessmentMonthsRange.contains(months) else {
            let errors = FormErrors([.init(field: "reassessment_months", messageKey: "settings.months_invalid")], req: req)
            return try await page(req, months: String(raw.prefix(10)), errors: errors, status: .unprocessableEntity)
        }
        try await req.db.transaction { tx in
            tenant.reassessmentMonths = months
            try await tenant.save(on: tx)
            try await req.audit("tenant.settings", outcome: .success, basis: .administration, objectType: "tenant", objectID: tenant.id?.uuidString, on: tx)
        }
        return req.redirect(to: SiteRoute.tenantSettings.path(), notice: .settingsSaved)
    }

    static func tenant(_ req: Request) async throws -> Tenant {
        let actor = try req.requireActor()
        guard let tenant = try await Tenant.find(actor.tenantID, on: req.db) else { throw AppError.notFound }
        return tenant
    }

    private func page(_ req: Request, months: String, errors: FormErrors, status: HTTPStatus = .ok) async throws -> Response {
        try await req.formPage(Self.page(months: months, errors: errors, in: req), status: status)
    }

    /// The settings are one form: the months, within the range a tenant may choose.
    static func page(months: String, errors: FormErrors = .none, in speaker: any Speaking) -> FormPage {
        let range = Tenant.reassessmentMonthsRange
        var fields = FieldBuilder(speaker, errors: errors)
        let months = fields.field("reassessment_months", .number, label: "settings.reassessment_months", hint: "settings.reassessment_hint",
                                  value: months, inputMode: "numeric", min: range.lowerBound, max: range.upperBound)
        return FormPage(
            title: speaker.t("settings.title"), lead: nil,
            form: .init(action: SiteRoute.tenantSettings.path(), parts: [.field(months)], submit: speaker.t("form.save"), cancelHref: SiteRoute.home.path()),
            errors: fields.namedErrors
        )
    }
}
