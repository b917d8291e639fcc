import Domain
import Fluent
import Vapor

/// The resident's participation profile in the portal (issue 24): written
/// in their own words, changed on the version they saw, taken back at will.
struct ProfileController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.portalParticipation, use: show)
        routes.post(SiteRoute.portalParticipation, use: save)
        routes.post(SiteRoute.portalParticipationWithdraw, use: withdraw)
        routes.get(SiteRoute.portalParticipationMatches, use: matches)
    }

    /// What suits the resident, best first, each explained.
    func matches(req: Request) async throws -> Response {
        let (opened, resident) = try await PortalController.own(req, event: "participation_profile.matches")
        return try await Self.renderMatches(req, opened, resident)
    }

    static func renderMatches(_ req: Request, _ opened: ResidentAccess.Opened, _ resident: Resident, message: String? = nil,
                              placement typed: PlacementCards.Typed? = nil, errors: FormErrors = .none, status: HTTPStatus = .ok) async throws -> Response {
        let context = try req.context(), residentID = try resident.requireID()
        let profile = try await opened.participationProfile(of: residentID, on: req.db)
        let number = min(max(1, req.query[Int.self, at: "page"] ?? 1), 100)
        var matches = ParticipationMatches.Page(matches: [], hasMore: false)
        if let profile {
            matches = try await ParticipationMatches.forResident(profile, in: opened, offers: req.application.offerTerms, context: context, page: number)
        }
        let proposals = try await opened.participationProposals(of: residentID, on: req.db)
        let placements = try await opened.participationPlacements(of: residentID, on: req.db)
        let cards = try await MatchesPage.placementCards(placements, tenantID: opened.household.tenantID, typed: typed, errors: errors, in: context)
        let page = MatchesPage.build(matches, page: number, proposals: proposals, placements: cards, hasProfile: profile != nil, message: message, errors: errors,
                                     in: context)
        return try await req.page("portal/matches", title: req.t("participation.matches_title"), page, status: status)
    }

    func show(req: Request) async throws -> Response {
        let (opened, resident) = try await PortalController.own(req, event: "participation_profile.view")
        return try await render(req, opened, resident, typed: try await ProfileForm.saved(of: try resident.requireID(), in: opened, context: req.context()))
    }

    func save(req: Request) async throws -> Response {
        let (opened, resident) = try await PortalController.own(req, event: "participation_profile.save", acting: true)
        let form = try req.content.decode(ProfileForm.self)
        if let (errors, status) = try await form.submit(for: try resident.requireID(), in: opened, req: req) {
            return try await render(req, opened, resident, typed: form, errors: errors, status: status)
        }
        return req.redirect(to: SiteRoute.portalParticipation.path(), notice: .profileSaved)
    }

    func withdraw(req: Request) async throws -> Response {
        let (opened, resident) = try await PortalController.own(req, event: "participation_profile.withdraw", acting: true)
        let version = Int((try? req.content.get(String.self, at: "version")) ?? "") ?? -1
        do {
            try await ParticipationProfiles.withdraw(of: try resident.requireID(), seenVersion: version, in: opened, context: req.context())
        } catch AppError.conflict {
            // Changed meanwhile: shown as it is now, nothing taken back.
            return try await render(req, opened, resident, typed: try await ProfileForm.saved(of: try resident.requireID(), in: opened, context: req.context()), errors: FormErrors([.init(field: "withdraw", messageKey: "participation.conflict")], req: req),
                                    status: .conflict)
        }
        return req.redirect(to: SiteRoute.portalParticipation.path(), notice: .profileWithdrawn)
    }

    private func render(_ req: Request, _ opened: ResidentAccess.Opened, _ resident: Resident, typed: ProfileForm, errors: FormErrors = .none,
                        status: HTTPStatus = .ok) async throws -> Response {
        let context = try req.context()
        let profile = try await opened.participationProfile(of: try resident.requireID(), on: req.db)
        var revisions: [ParticipationProfileRevision] = []
        if let profile { revisions = try await opened.participationRevisions(of: profile, on: req.db) }
        var typed = typed
        // After a conflict the form keeps what was typed, on the version now saved.
        if status == .conflict { typed.version = String(profile?.version ?? 0) }
        let page = ProfilePage.build(profile: profile, revisions: revisions, typed: typed, errors: errors, talents: req.talents, in: context)
        return try await req.page("portal/taking-part", title: req.t("participation.title"), page, status: status)
    }
}
