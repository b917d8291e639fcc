import Domain
import Fluent
import Vapor

/// `/api/v1` for taking part (issue 24): the tenant's participation offers
/// (social-map information, for anyone signed in), and a resident's matches,
/// explained, for whoever may read their participation profile.
struct ParticipationAPIController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.apiParticipationOffers, use: offers)
        routes.get(SiteRoute.apiParticipationOffer, use: offer)
        routes.get(SiteRoute.apiParticipationMatches, use: matches)
        routes.get(SiteRoute.apiParticipationPlacements, use: placements)
    }

    /// A resident's placements, newest first, with every check-in's answers (not the words), for whoever may read their profile.
    func placements(req: Request) async throws -> [PlacementDTO] {
        let opened = try await req.residentAccess().open(req.id(.householdID), .identity, event: "participation_placement.list")
        guard opened.readsParticipation else { throw AppError.forbidden }
        guard let residentID = req.id(.residentID), try await opened.member(residentID, on: req.db) != nil else { throw AppError.notFound }
        let records = try await opened.participationPlacements(of: residentID, on: req.db)
        let names = try await MatchesPage.serviceNames(of: records, tenantID: opened.tenantID, in: try req.context())
        return records.map { PlacementDTO($0, service: names[$0.placement.offerID] ?? "") }
    }

    func offers(req: Request) async throws -> [OfferDTO] {
        let actor = try req.requireActor()
        let offers = try await ParticipationOffer.select(in: actor.tenantID, orderBy: "id", on: req.db)
        return try await OfferDTO.list(offers, tenantID: actor.tenantID, req: req)
    }

    func offer(req: Request) async throws -> OfferDTO {
        let actor = try req.requireActor()
        guard let id = req.id(.offerID),
              let offer = try await ParticipationOffer.select(in: actor.tenantID, where: "id = \(bind: id)", limit: 1, on: req.db).first,
              let dto = try await OfferDTO.list([offer], tenantID: actor.tenantID, req: req).first
        else { throw AppError.notFound }
        return dto
    }

    func matches(req: Request) async throws -> [MatchDTO] {
        let opened = try await req.residentAccess().open(req.id(.householdID), .identity, event: "participation_profile.matches")
        guard opened.readsParticipation else { throw AppError.forbidden }
        guard let residentID = req.id(.residentID), try await opened.member(residentID, on: req.db) != nil else { throw AppError.notFound }
        guard let profile = try await opened.participationProfile(of: residentID, on: req.db) else { return [] }
        let context = try req.context()
        // The API gives the best twenty, as it did before the portal paged them.
        return try await ParticipationMatches.forResident(profile, in: opened, offers: req.application.offerTerms, context: context, perPage: 20)
            .matches.map { MatchDTO($0, in: context) }
    }
}

/// A participation offer as JSON: its service's name and provider with the terms.
struct OfferDTO: Content {
    let id: UUID, serviceId: UUID, name: String, provider: String, kind: String, talents: [String], ladderRung: Int
    let times: [String], postcode: String, support: [String], places: Int, placesFree: Int, version: Int

    /// The offers whose service is active, with names read once.
    static func list(_ offers: [ParticipationOffer], tenantID: UUID, req: Request) async throws -> [OfferDTO] {
        guard !offers.isEmpty else { return [] }
        let services = try await Service.select(in: tenantID, where: "id IN (\(binds: offers.map(\.serviceID)))", on: req.db).filter(\.isActive)
        let providers = try await MapOrganization.select(in: tenantID, where: "id IN (\(binds: Array(Set(services.map(\.mapOrganizationID)))))", on: req.db)
        let byService = Dictionary(services.compactMap { service in service.id.map { ($0, service) } }, uniquingKeysWith: { a, _ in a })
        let names = Dictionary(providers.compactMap { provider in provider.id.map { ($0, provider.name) } }, uniquingKeysWith: { a, _ in a })
        return offers.compactMap { offer in
            guard let id = offer.id, let service = byService[offer.serviceID] else { return nil }
            let codes = ParticipationProfile.codes
            return OfferDTO(id: id, serviceId: offer.serviceID, name: service.name, provider: names[service.mapOrganizationID] ?? "", kind: offer.kind,
                            talents: codes(offer.talents), ladderRung: offer.rung, times: HalfDays(mask: offer.times).days.map(\.code),
                            postcode: offer.postcode, support: codes(offer.support), places: offer.places, placesFree: offer.placesFree, version: offer.version)
        }
    }
}

/// One offer for one resident, with why it fits and what does not, as codes and in words.
/// A placement as JSON: where, since when, how it ended, and how each check-in went for resident and host.
struct PlacementDTO: Content {
    struct CheckIn: Content { let number: Int; let dueOn: String; let resident: String?; let host: String? }
    let id: UUID, offerId: UUID, service: String, hostOrganizationId: UUID, startedOn: String, checkInWeeks: Int
    let endedOn: String?, endReason: String?, checkIns: [CheckIn]

    init(_ record: ParticipationPlacements.Record, service: String) {
        let p = record.placement
        (id, offerId, self.service, hostOrganizationId, startedOn, checkInWeeks) = (p.id ?? UUID(), p.offerID, service, p.hostOrganizationID, p.startedOn, p.checkInWeeks)
        (endedOn, endReason) = (p.endedOn, p.endReason)
        checkIns = record.checkIns.map { CheckIn(number: $0.number, dueOn: $0.dueOn, resident: $0.residentAnswer, host: $0.hostAnswer) }
    }
}

struct MatchDTO: Content {
    struct Point: Content { let code: String; let text: String }
    let offerId: UUID, serviceId: UUID, name: String, provider: String, kind: String, score: Int
    let reasons: [Point], misfits: [Point]

    init(_ match: ParticipationMatches.Match, in context: Context) {
        (offerId, serviceId, name, provider, kind) = (match.offer.id, match.offer.serviceID, match.service, match.provider, match.offer.terms.kind.rawValue)
        score = match.explanation.score
        reasons = match.explanation.reasons.map { Point(code: Self.code($0), text: MatchesPage.words($0, voice: .about, in: context)) }
        misfits = match.explanation.misfits.map { Point(code: Self.code($0), text: MatchesPage.words($0, voice: .about, in: context)) }
    }

    static func code(_ reason: MatchReason) -> String {
        switch reason {
        case .sharedTalents: "shared_talents"
        case .fitsTimes: "fits_times"
        case .withinReach: "within_reach"
        case .supportThere: "support_there"
        case .stepUp: "step_up"
        }
    }

    static func code(_ misfit: MatchMisfit) -> String {
        switch misfit {
        case .noSharedTalent: "no_shared_talent"
        case .noCommonTime: "no_common_time"
        case .tooFar: "too_far"
        case .distanceUnknown: "distance_unknown"
        case .supportMissing: "support_missing"
        case .bigStep: "big_step"
        case .noPlaceFree: "no_place_free"
        }
    }
}
