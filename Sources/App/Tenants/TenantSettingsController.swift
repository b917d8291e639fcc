import Domain
import Fluent
import Vapor

/// The tenant admin's settings for their municipality: for now, after how
/// many months the worklist asks for a reassessment.
struct TenantSettingsController {
    struct Form: Content { var reassessment_months: String? }

    struct Page: Encodable {
        let action: String
        let reassessmentMonths: String
        let minimum: Int
        let maximum: Int
        let errors: FormErrors
    }

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
        let range = Tenant.reassessmentMonthsRange
        let page = Page(action: SiteRoute.tenantSettings.path(), reassessmentMonths: months, minimum: range.lowerBound, maximum: range.upperBound, errors: errors)
        return try await req.page("admin/settings", title: req.t("settings.title"), page, status: status)
    }
}
