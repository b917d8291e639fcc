import Domain
import Fluent
import SQLKit
import Vapor

/// Where a professional who is refused a household can, in an emergency,
/// open it anyway: with a reason of some substance, for a limited time,
/// flagged for the privacy officer.
struct BreakTheGlassController {
    struct OpenForm: Content { var reason: String? }

    struct OfferPage: Encodable {
        let action: String
        let hours: Int
        let reason: FormField
        let errors: FormErrors
    }

    static let minimumReason = 20

    func register(_ routes: any RoutesBuilder) {
        routes.post(SiteRoute.breakTheGlass, use: open)
    }

    func open(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        guard actor.role == .professional,
              let householdID = req.id(.householdID),
              let household = try await Household.scoped(to: actor.tenantID, on: req.db).filter(\.$id == householdID).first()
        else {
            try await req.audit("break_the_glass.opened", outcome: .denied, basis: .none, objectType: "household", objectID: req.text(.householdID))
            throw AppError.notFound
        }
        let form = try req.content.decode(OpenForm.self)
        var validator = FormValidator()
        let reason = validator.text("reason", form.reason, maxLength: 1000, allowLineBreaks: true)
        if let reason, reason.count < Self.minimumReason { validator.add("reason", "validation.reason_too_short") }
        guard validator.isValid, let reason, reason.count >= Self.minimumReason else {
            return try await Self.offer(req, householdID: householdID, reason: form.reason ?? "", errors: FormErrors(validator.issues, req: req), status: .unprocessableEntity)
        }
        let now = Date()
        let opening = BreakTheGlassOpening(
            tenantID: household.tenantID, householdID: householdID, userID: actor.userID, reason: reason,
            openedAt: now, expiresAt: now.addingTimeInterval(TimeInterval(req.application.config.breakTheGlassHours) * 3600)
        )
        try await req.db.transaction { tx in
            try await opening.create(on: tx)
            try await req.audit("break_the_glass.opened", outcome: .allowed, basis: .breakTheGlass, subjectID: householdID, purpose: String(reason.prefix(200)), objectType: "break_the_glass", objectID: opening.id?.uuidString, on: tx)
        }
        // The coordinator hears of it at once, not only at the privacy officer's review.
        let opened = try await req.residentAccess().open(householdID, .planOverview, event: "break_the_glass.coordinator_told")
        try await TeamNotices.tellCoordinator(opened, "notification.break_the_glass", actor: actor, on: req.db)
        return req.redirect(to: SiteRoute.household.path(householdID), notice: .emergencyOpened)
    }

    /// The refusal page for a professional, with the emergency form.
    static func offer(_ req: Request, householdID: UUID, reason: String = "", errors: FormErrors = .none, status: HTTPStatus = .forbidden) async throws -> Response {
        var fields = FieldBuilder(req, errors: errors)
        let reasonField = fields.field("reason", .textarea, label: "break_the_glass.reason", hint: "break_the_glass.reason_hint", value: reason, maxLength: 1000, rows: 4)
        let page = OfferPage(action: SiteRoute.breakTheGlass.path(householdID), hours: req.application.config.breakTheGlassHours, reason: reasonField, errors: fields.namedErrors)
        return try await req.page("households/refused", title: req.t("break_the_glass.refused_title"), page, status: status)
    }

    /// The households among `ids` this user has an unexpired opening for.
    static func openHouseholds(among ids: [UUID], userID: UUID, tenantID: UUID, on db: any Database) async throws -> Set<UUID> {
        guard !ids.isEmpty else { return [] }
        let rows = try await db.sql.raw("""
            SELECT household_id FROM break_the_glass_openings
            WHERE tenant_id = \(bind: tenantID) AND user_id = \(bind: userID) AND household_id IN (\(binds: ids)) AND expires_at > \(bind: Date())
            """).all()
        return Set(try rows.map { try $0.decode(column: "household_id", as: UUID.self) })
    }
}
