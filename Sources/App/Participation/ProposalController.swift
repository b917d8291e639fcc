import Domain
import Fluent
import Vapor

/// Being put forward for an offer (issue 24): the resident says yes (or
/// takes it back) from their matches; the offering organisation's
/// professionals see who did, why they fit, and answer.
struct ProposalController {
    func register(_ routes: any RoutesBuilder) {
        routes.post(SiteRoute.portalParticipationPropose, use: propose)
        routes.post(SiteRoute.portalParticipationProposalWithdraw, use: withdraw)
        routes.get(SiteRoute.socialMapServiceCandidates, use: candidates)
        routes.post(SiteRoute.socialMapServiceCandidate, use: decide)
    }

    func propose(req: Request) async throws -> Response {
        let (opened, resident) = try await PortalController.own(req, event: "participation_proposal.propose", acting: true)
        guard let offerID = req.id(.offerID) else { throw AppError.notFound }
        do {
            try await ParticipationProposals.propose(offerID: offerID, residentID: try resident.requireID(), in: opened, context: req.context())
        } catch let refusal as ParticipationProposals.Refusal {
            let key = switch refusal {
            case .alreadyProposed: "participation.already_proposed"
            case .alreadyAnswered: "participation.already_answered"
            case .noProfile: "participation.no_profile"
            }
            return try await ProfileController.renderMatches(req, opened, resident, message: req.t(key), status: .conflict)
        }
        return req.redirect(to: SiteRoute.portalParticipationMatches.path(), notice: .proposed)
    }

    func withdraw(req: Request) async throws -> Response {
        let (opened, resident) = try await PortalController.own(req, event: "participation_proposal.withdraw", acting: true)
        guard let proposalID = req.id(.proposalID) else { throw AppError.notFound }
        try await ParticipationProposals.withdraw(proposalID: proposalID, residentID: try resident.requireID(), in: opened, context: req.context())
        return req.redirect(to: SiteRoute.portalParticipationMatches.path(), notice: .proposalWithdrawn)
    }

    func candidates(req: Request) async throws -> Response {
        let (service, offer) = try await Self.hostOffer(req)
        return try await Self.renderCandidates(req, service, offer)
    }

    /// The host's page: candidates (with the start of a placement for those it accepted) and placements.
    static func renderCandidates(_ req: Request, _ service: Service, _ offer: ParticipationOffer, typed: CandidatesPage.Typed? = nil,
                                 placement: PlacementCards.Typed? = nil, errors: FormErrors = .none, status: HTTPStatus = .unprocessableEntity) async throws -> Response {
        let context = try req.context()
        let view = try await ParticipationCandidates.forOffer(offer, context: context)
        let placements = try await ParticipationPlacements.forOffer(try offer.requireID(), tenantID: offer.tenantID, context: context)
        var caseload: [ParticipationCaseload.Candidate] = []
        if let organizationID = context.actor.organizationID {
            caseload = try await ParticipationCaseload.candidates(for: offer, organizationID: organizationID, besides: Set(view.candidates.map(\.proposal.residentID)),
                                                                  context: context)
        }
        let page = CandidatesPage.build(view, placements: placements, caseload: caseload, service: service, offer: offer, typed: typed, placement: placement,
                                        errors: errors, in: context)
        return try await req.page("socialmap/candidates", title: req.t("participation.candidates_title", service.name), page,
                                  status: errors.summary.isEmpty ? .ok : status)
    }

    func decide(req: Request) async throws -> Response {
        let (service, offer) = try await Self.hostOffer(req)
        guard let proposalID = req.id(.proposalID) else { throw AppError.notFound }
        let accept = (try? req.content.get(String.self, at: "decision")) == "accept"
        let version = Int((try? req.content.get(String.self, at: "version")) ?? "") ?? -1
        try await ParticipationCandidates.decide(proposalID, of: offer, accept: accept, seenVersion: version, context: req.context())
        return req.redirect(to: SiteRoute.socialMapServiceCandidates.path(try service.requireID()), notice: accept ? .candidateAccepted : .candidateDeclined)
    }

    /// The offer of a service, for a professional of the organisation that
    /// offers it — nobody else, not even the tenant admin, sees candidates.
    static func hostOffer(_ req: Request) async throws -> (Service, ParticipationOffer) {
        let actor = try req.requireActor()
        let service = try await Service.find(req.id(.serviceID), in: actor.tenantID, on: req.db)
        let provider = try await MapOrganization.find(service.mapOrganizationID, in: actor.tenantID, on: req.db)
        guard actor.role == .professional, let organizationID = actor.organizationID, provider.organizationID == organizationID,
              let offer = try await OfferController.offer(of: service, tenantID: actor.tenantID, on: req.db)
        else { throw AppError.notFound }
        return (service, offer)
    }
}
