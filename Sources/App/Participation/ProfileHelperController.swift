import Domain
import Fluent
import Vapor

/// A professional helps a member write their participation profile (issue
/// 24): the portal's form, on the household, for whoever may write in one of
/// the participation domains (work & education, time use, taking part).
/// Saved on the version seen, marked as written together; the resident
/// keeps taking it back in the portal.
struct ProfileHelperController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.residentParticipation, use: show)
        routes.post(SiteRoute.residentParticipation, use: save)
    }

    func show(req: Request) async throws -> Response {
        let (opened, resident) = try await Self.open(req, event: "participation_profile.view")
        return try await render(req, opened, resident, typed: try await ProfileForm.saved(of: try resident.requireID(), in: opened, context: req.context()))
    }

    func save(req: Request) async throws -> Response {
        let (opened, resident) = try await Self.open(req, event: "participation_profile.save")
        let form = try req.content.decode(ProfileForm.self)
        if let (errors, status) = try await form.submit(for: try resident.requireID(), in: opened, req: req) {
            return try await render(req, opened, resident, typed: form, errors: errors, status: status)
        }
        return req.redirect(to: SiteRoute.residentParticipation.path(opened.householdID, try resident.requireID()), notice: .profileSaved)
    }

    /// The household, when the professional may write a participation domain there, and the member.
    static func open(_ req: Request, event: String) async throws -> (ResidentAccess.Opened, Resident) {
        let opened = try await req.residentAccess().open(req.id(.householdID), .identity, event: event, resident: req.id(.residentID))
        guard try req.requireActor().role != .resident, opened.writesParticipation else { throw AppError.forbidden }
        guard let residentID = req.id(.residentID), let resident = try await opened.member(residentID, on: req.db) else { throw AppError.notFound }
        return (opened, resident)
    }

    private func render(_ req: Request, _ opened: ResidentAccess.Opened, _ resident: Resident, typed: ProfileForm, errors: FormErrors = .none,
                        status: HTTPStatus = .ok) async throws -> Response {
        let context = try req.context(), residentID = try resident.requireID()
        let profile = try await opened.participationProfile(of: residentID, on: req.db)
        var revisions: [ParticipationProfileRevision] = []
        if let profile { revisions = try await opened.participationRevisions(of: profile, on: req.db) }
        var typed = typed
        if status == .conflict { typed.version = String(profile?.version ?? 0) }
        let writer = ProfilePage.Writer.professional(action: SiteRoute.residentParticipation.path(opened.householdID, residentID), name: resident.fullName,
                                                     back: SiteRoute.household.path(opened.householdID))
        let page = ProfilePage.build(profile: profile, revisions: revisions, typed: typed, errors: errors, talents: req.talents, writer: writer, in: context)
        return try await req.page("portal/taking-part", title: req.t("participation.title_of", resident.fullName), page, status: status)
    }
}
