import Domain
import Fluent
import Foundation
import SQLKit

/// The resident's matches in the portal (B1): each offer with why it fits
/// and what does not.
struct MatchesPage: Encodable {
    struct Row: Encodable {
        let name: String; let href: String; let provider: String; let kind: String; let times: String
        let reasons: [String]; let misfits: [String]
        /// Where the resident says "put me forward", or (once they did) where they take it back, and what became of it.
        let proposeAction: String?; let withdrawAction: String?; let proposal: String?
    }

    let rows: [Row]
    /// The first row's number in the ranking, and the links to the pages before and after.
    let start: Int
    let pager: Pager
    /// Where the resident takes part, newest first.
    let placements: [PlacementCard]
    let hasProfile: Bool
    let profileHref: String
    let message: String?
    let errors: FormErrors

    static func build(_ matches: ParticipationMatches.Page, page: Int = 1, proposals: [ParticipationProposal], placements: [PlacementCard] = [], hasProfile: Bool,
                      message: String? = nil, errors: FormErrors = .none, in context: Context) -> MatchesPage {
        let byOffer = Dictionary(proposals.map { ($0.offerID, $0) }, uniquingKeysWith: { a, _ in a })
        return MatchesPage(rows: matches.matches.map { match in
            let offerID = match.offer.id, proposal = byOffer[offerID]
            let open = proposal?.isOpen == true, answered = proposal?.proposalStatus == .declined
            return Row(name: match.service, href: SiteRoute.socialMapService.path(match.offer.serviceID), provider: match.provider,
                       kind: context.t("participation.kind.\(match.offer.terms.kind.rawValue)"),
                       times: context.halfDaysText(match.offer.terms.times),
                       reasons: match.explanation.reasons.map { words($0, in: context) }, misfits: match.explanation.misfits.map { words($0, in: context) },
                       proposeAction: open || answered ? nil : SiteRoute.portalParticipationPropose.path(offerID),
                       withdrawAction: open ? proposal.flatMap(\.id).map { SiteRoute.portalParticipationProposalWithdraw.path($0) } : nil,
                       proposal: proposal.flatMap { $0.proposalStatus == .withdrawn ? nil : context.t("participation.proposal.\($0.status)") })
        }, start: (page - 1) * ParticipationMatches.perPage + 1,
        pager: Pager(path: SiteRoute.portalParticipationMatches.path(), filters: [], page: page, hasMore: matches.hasMore),
        placements: placements, hasProfile: hasProfile, profileHref: SiteRoute.portalParticipation.path(), message: message, errors: errors)
    }

    /// The resident's placements as cards: the service by name, the host organisation answering beside them.
    static func placementCards(_ records: [ParticipationPlacements.Record], tenantID: UUID, typed: PlacementCards.Typed?, errors: FormErrors,
                               in context: Context) async throws -> [PlacementCard] {
        guard !records.isEmpty else { return [] }
        let names = try await serviceNames(of: records, tenantID: tenantID, in: context)
        let organizations = try await context.organizationNames(in: tenantID)
        return records.map { record in
            let placement = record.placement, id = placement.id ?? UUID()
            return PlacementCards.build(record, title: names[placement.offerID] ?? "", other: organizations[placement.hostOrganizationID] ?? "",
                                        party: .resident, links: .init(checkIn: SiteRoute.portalPlacementCheckIn.path(id), end: SiteRoute.portalPlacementEnd.path(id)),
                                        today: PlacementController.today, typed: typed, errors: errors, in: context)
        }
    }

    /// Whom the words speak to: the resident ("u"), or someone about them (the host, an API client).
    enum Voice: String { case resident = "why", about }

    static func words(_ reason: MatchReason, voice: Voice = .resident, in context: Context) -> String {
        let key = { (name: String) in "participation.\(voice.rawValue).\(name)" }
        return switch reason {
        case .sharedTalents(let codes): context.t(key("talents"), context.talentsText(codes, in: context.talents).lowercased())
        case .fitsTimes(let days): context.t(key("times"), context.halfDaysText(days))
        case .withinReach(let kilometres, let most): context.t(key(kilometres <= 1 ? "near_here" : "near"), String(kilometres), String(most))
        case .supportThere(let kinds): context.t(key("support"), context.supportText(kinds.map(\.rawValue)).lowercased())
        case .stepUp(let from, let to): context.t(key("step"), String(from), String(to))
        }
    }

    static func words(_ misfit: MatchMisfit, voice: Voice = .resident, in context: Context) -> String {
        let key = { (name: String) in voice == .resident ? "participation.misfit.\(name)" : "participation.about_misfit.\(name)" }
        return switch misfit {
        case .noSharedTalent: context.t(key("talents"))
        case .noCommonTime: context.t(key("times"))
        case .tooFar(let kilometres, let most): context.t(key("far"), String(kilometres), String(most))
        case .distanceUnknown: context.t(key("distance_unknown"))
        case .supportMissing(let kinds): context.t(key("support"), context.supportText(kinds.map(\.rawValue)).lowercased())
        case .bigStep(let from, let to): context.t(key("big_step"), String(from), String(to))
        case .noPlaceFree: context.t(key("full"))
        }
    }

    /// The name of each placement's service, by offer.
    static func serviceNames(of records: [ParticipationPlacements.Record], tenantID: UUID, in context: Context) async throws -> [UUID: String] {
        guard !records.isEmpty else { return [:] }
        let offers = try await ParticipationOffer.select(in: tenantID, where: "id IN (\(binds: records.map(\.placement.offerID)))", on: context.db)
        let services = try await Service.select(in: tenantID, where: "id IN (\(binds: offers.map(\.serviceID)))", on: context.db)
        let names = Dictionary(services.compactMap { service in service.id.map { ($0, service.name) } }, uniquingKeysWith: { a, _ in a })
        return Dictionary(offers.compactMap { offer in offer.id.flatMap { id in names[offer.serviceID].map { (id, $0) } } }, uniquingKeysWith: { a, _ in a })
    }
}
