import Domain
import Fluent
import Foundation
import SQLKit

/// The offers that suit a resident, best first, each explained (issue 24):
/// their profile against the tenant's open offers by the one matching rule
/// (`ParticipationMatching`), with distances between the centres of the
/// postcode areas and their rung from their latest participation ladder.
enum ParticipationMatches {
    struct Match {
        let offer: ParticipationOffer
        let service: Service
        let provider: String
        let explanation: MatchExplanation
    }

    static let shown = 20

    static func forResident(_ profile: ParticipationProfile, in opened: ResidentAccess.Opened, context: Context) async throws -> [Match] {
        let tenantID = opened.household.tenantID, db = context.db
        let rung = try await latestRung(of: profile.residentID, in: opened, on: db)
        let wish = profile.wish(rung: rung)
        let candidates = try await sharingATalent(with: wish, tenantID: tenantID, on: db)
        guard !candidates.isEmpty else { return [] }
        let areas = try await coordinates(of: Set(candidates.map(\.postcode4) + [postcode4(of: opened.household)]), tenantID: tenantID, on: db)
        let home = areas[postcode4(of: opened.household)]
        let ranked = ParticipationMatching.rank(candidates.map { candidate in
            (id: candidate.id, wish: wish, offer: candidate.terms, kilometres: home.flatMap { home in areas[candidate.postcode4].map { home.kilometres(to: $0) } })
        }, limit: shown)
        // Only the shown ones whole, with their services and providers.
        let offers = Dictionary(try await ParticipationOffer.select(in: tenantID, where: "id IN (\(binds: ranked.map(\.id)))", on: db)
            .compactMap { offer in offer.id.map { ($0, offer) } }, uniquingKeysWith: { a, _ in a })
        let services = Dictionary(try await Service.select(in: tenantID, where: "id IN (\(binds: offers.values.map(\.serviceID)))", on: db)
            .compactMap { service in service.id.map { ($0, service) } }, uniquingKeysWith: { a, _ in a })
        let providers = try await MapOrganization.select(in: tenantID, where: "id IN (\(binds: Array(Set(services.values.map(\.mapOrganizationID)))))", on: db)
        let names = Dictionary(providers.compactMap { provider in provider.id.map { ($0, provider.name) } }, uniquingKeysWith: { a, _ in a })
        return ranked.compactMap { ranked in
            guard let offer = offers[ranked.id], let service = services[offer.serviceID] else { return nil }
            return Match(offer: offer, service: service, provider: names[service.mapOrganizationID] ?? "", explanation: ranked.explanation)
        }
    }

    /// What matching reads of an offer: its key and place, and its terms.
    struct Candidate { let id: UUID; let postcode4: String; let terms: OfferTerms }

    /// The offers that can match `wish` (`ParticipationMatching.isMatch`):
    /// of an active service, of a kind it does not rule out, sharing a
    /// talent — found through the talent index, not by reading every offer,
    /// and read as the columns matching needs, not as models.
    static func sharingATalent(with wish: ParticipationWish, tenantID: UUID, on db: any Database) async throws -> [Candidate] {
        guard !wish.talents.isEmpty else { return [] }
        // From the talent index to the offers by key, and to each one's service by key: never
        // through every service of the map (a scan of its widest table, measured at 100,000 residents).
        var query: SQLQueryString = """
            SELECT o.id, o.kind, o.talents, o.rung, o.times, o.postcode4, o.support, o.places_free
            FROM participation_offers o JOIN services s ON s.tenant_id = o.tenant_id AND s.id = o.service_id
            WHERE o.tenant_id = \(bind: tenantID) AND s.status = \(bind: ServiceStatus.active.rawValue)
            AND o.id IN (SELECT offer_id FROM participation_offer_talents WHERE tenant_id = \(bind: tenantID) AND talent IN (\(binds: wish.talents.sorted())))
            """
        if !wish.notWanted.isEmpty { query = "\(query) AND o.kind NOT IN (\(binds: wish.notWanted.map(\.rawValue).sorted()))" }
        return try await db.sql.raw(query).all().map { row in
            Candidate(id: try row.decode(column: "id", as: UUID.self), postcode4: try row.decode(column: "postcode4", as: String.self),
                      terms: ParticipationOffer.terms(kind: try row.decode(column: "kind", as: String.self), talents: try row.decode(column: "talents", as: String.self),
                                                      rung: try row.decode(column: "rung", as: Int.self), times: try row.decode(column: "times", as: Int.self),
                                                      support: try row.decode(column: "support", as: String.self), placesFree: try row.decode(column: "places_free", as: Int.self)))
        }
    }

    /// The rung of the resident's latest participation ladder, when this opening shows it.
    static func latestRung(of residentID: UUID, in opened: ResidentAccess.Opened, on db: any Database) async throws -> Int? {
        try await opened.assessments(residentID: residentID, on: db)
            .filter { $0.assessment.instrumentID == "participation-ladder" }
            .last?.scores.first?.score
    }

    static func postcode4(of household: Household) -> String {
        String(household.postcode.filter { !$0.isWhitespace }.prefix(4))
    }

    /// How far each household lives from the offer's place, between the centres of their postcode areas (absent when either is unknown).
    static func kilometres(of households: [Household], to offer: ParticipationOffer, on db: any Database) async throws -> [UUID: Double] {
        let postcodes = Dictionary(households.compactMap { household in household.id.map { ($0, postcode4(of: household)) } }, uniquingKeysWith: { a, _ in a })
        let areas = try await coordinates(of: Set(postcodes.values).union([offer.postcode4]), tenantID: offer.tenantID, on: db)
        guard let place = areas[offer.postcode4] else { return [:] }
        return postcodes.compactMapValues { areas[$0]?.kilometres(to: place) }
    }

    static func coordinates(of areas: Set<String>, tenantID: UUID, on db: any Database) async throws -> [String: Coordinates] {
        let rows = try await PostcodeArea.select(in: tenantID, where: "postcode4 IN (\(binds: Array(areas)))", on: db)
        return Dictionary(rows.compactMap { row in row.coordinates.map { (row.postcode4, $0) } }, uniquingKeysWith: { a, _ in a })
    }
}
