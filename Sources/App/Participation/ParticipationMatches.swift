import Domain
import Fluent
import Foundation
import SQLKit

/// The offers that suit a resident, best first, each explained (issue 24):
/// their profile against the tenant's offers sharing a talent with it
/// (`OfferTermsCache`) by the one matching rule (`ParticipationMatching`),
/// with distances between the centres of the postcode areas and their rung
/// from their latest participation ladder.
enum ParticipationMatches {
    struct Match {
        let offer: OfferTermsCache.Entry
        let service: String
        let provider: String
        let explanation: MatchExplanation
    }

    /// A page of matches: enough to choose from, few enough to read (B1).
    static let perPage = 10

    struct Page { let matches: [Match]; let hasMore: Bool }

    static func forResident(_ profile: ParticipationProfile, in opened: ResidentAccess.Opened, offers: OfferTermsCache, context: Context,
                            page: Int = 1, perPage: Int = perPage) async throws -> Page {
        let tenantID = opened.household.tenantID, db = context.db
        let rung = try await latestRung(of: profile.residentID, in: opened, on: db)
        let wish = profile.wish(rung: rung)
        let candidates = try await offers.offers(sharingATalentWith: wish, tenantID: tenantID, on: db)
        guard !candidates.isEmpty else { return Page(matches: [], hasMore: false) }
        let home = postcode4(of: opened.household)
        let areas = try await coordinates(of: Set(candidates.map(\.postcode4) + [home]), tenantID: tenantID, on: db)
        let distance = { (area: String) in areas[home].flatMap { home in areas[area].map { home.kilometres(to: $0) } } }
        let order = ParticipationMatching.order(candidates.map { (id: $0.id, wish: wish, offer: $0.terms, kilometres: distance($0.postcode4)) })
        // Best first, up to this page and one more (is there a next page?),
        // passing over offers of a service no longer active; only the page's
        // own are explained, with their services' names and providers.
        let entries = Dictionary(candidates.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let skip = (max(1, page) - 1) * perPage, wanted = skip + perPage + 1
        var active: [(entry: OfferTermsCache.Entry, service: (name: String, provider: String))] = []
        for start in stride(from: 0, to: order.count, by: wanted) where active.count < wanted {
            let chunk = order[start..<min(start + wanted, order.count)].compactMap { entries[$0] }
            let services = try await activeServices(chunk.map(\.serviceID), tenantID: tenantID, on: db)
            active += chunk.compactMap { entry in services[entry.serviceID].map { (entry: entry, service: $0) } }.prefix(wanted - active.count)
        }
        let matches = active.dropFirst(skip).prefix(perPage).compactMap { entry, service in
            ParticipationMatching.explain(wish, entry.terms, kilometres: distance(entry.postcode4))
                .map { Match(offer: entry, service: service.name, provider: service.provider, explanation: $0) }
        }
        return Page(matches: Array(matches), hasMore: active.count > skip + perPage)
    }

    /// Of these services, the active ones' names and their providers' — the
    /// two columns shown, not the services whole.
    private static func activeServices(_ ids: [UUID], tenantID: UUID, on db: any Database) async throws -> [UUID: (name: String, provider: String)] {
        let rows = try await db.sql.raw("""
            SELECT s.id, s.name, m.name AS provider FROM services s JOIN map_organizations m ON m.tenant_id = s.tenant_id AND m.id = s.map_organization_id
            WHERE s.tenant_id = \(bind: tenantID) AND s.id IN (\(binds: ids)) AND s.status = \(bind: ServiceStatus.active.rawValue)
            """).all()
        return Dictionary(try rows.map { row in
            (try row.decode(column: "id", as: UUID.self), (try row.decode(column: "name", as: String.self), try row.decode(column: "provider", as: String.self)))
        }, uniquingKeysWith: { a, _ in a })
    }

    static let ladder = "participation-ladder"

    /// The rung of the resident's latest participation ladder, when this opening shows it.
    static func latestRung(of residentID: UUID, in opened: ResidentAccess.Opened, on db: any Database) async throws -> Int? {
        try await opened.assessments(residentID: residentID, on: db)
            .filter { $0.assessment.instrumentID == ladder }
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
