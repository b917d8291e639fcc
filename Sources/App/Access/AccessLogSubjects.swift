import Domain
import Fluent
import Foundation

/// The residents the privacy officer's access log is about (DESIGN.md §2:
/// the privacy officer accounts for every look at personal data). Names
/// only, never a household's contents, and only in the officer's tenant: to
/// choose a member of a household to filter on, to find the entries that
/// stand for one person, and to name the person an entry is about.
enum AccessLogSubjects {
    struct Person: Sendable { let id: UUID; let householdID: UUID; let name: String }

    /// The members of a household, oldest first.
    static func members(of householdID: UUID, tenantID: UUID, on db: any Database) async throws -> [Person] {
        try await Resident.select(in: tenantID, where: "household_id = \(bind: householdID)", orderBy: "birth_date, id", on: db).compactMap(person)
    }

    /// A resident of the tenant, or nil (another tenant's does not exist here).
    static func resident(_ id: UUID, tenantID: UUID, on db: any Database) async throws -> Person? {
        try await Resident.scoped(to: tenantID, on: db).filter(\.$id == id).first().flatMap(person)
    }

    /// The log's objects that stand for one resident: the resident, and
    /// their consents and assessments, as object type and ids.
    static func objects(of residentID: UUID, tenantID: UUID, on db: any Database) async throws -> [(type: String, ids: [String])] {
        let consents = try await Consent.scoped(to: tenantID, on: db).filter(\.$residentID == residentID).all().compactMap(\.id)
        let assessments = try await Assessment.scoped(to: tenantID, on: db).filter(\.$residentID == residentID).all().compactMap(\.id)
        return [("resident", [residentID]), ("consent", consents), ("assessment", assessments)]
            .filter { !$0.1.isEmpty }.map { ($0.0, $0.1.map(\.uuidString)) }
    }

    /// Who each entry is about, by the entry's id, where its object names
    /// one resident (the resident, one of their consents or assessments).
    static func named(in entries: [AccessLogEntry], tenantID: UUID, on db: any Database) async throws -> [UUID: Person] {
        let ids = { (type: String) in Set(entries.filter { $0.objectType == type }.compactMap { $0.objectID.flatMap(UUID.init(uuidString:)) }) }
        let (residentIDs, consentIDs, assessmentIDs) = (ids("resident"), ids("consent"), ids("assessment"))
        var owner: [String: UUID] = [:]
        for id in residentIDs { owner["resident " + id.uuidString] = id }
        if !consentIDs.isEmpty {
            for consent in try await Consent.scoped(to: tenantID, on: db).filter(\.$id ~~ consentIDs).all() {
                if let id = consent.id { owner["consent " + id.uuidString] = consent.residentID }
            }
        }
        if !assessmentIDs.isEmpty {
            for assessment in try await Assessment.scoped(to: tenantID, on: db).filter(\.$id ~~ assessmentIDs).all() {
                if let id = assessment.id { owner["assessment " + id.uuidString] = assessment.residentID }
            }
        }
        guard !owner.isEmpty else { return [:] }
        let people = try await Resident.scoped(to: tenantID, on: db).filter(\.$id ~~ Set(owner.values)).all().compactMap(person)
        let byID = Dictionary(people.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var named: [UUID: Person] = [:]
        for entry in entries {
            guard let id = entry.id, let type = entry.objectType, let object = entry.objectID.flatMap(UUID.init(uuidString:)),
                  let residentID = owner[type + " " + object.uuidString], let person = byID[residentID] else { continue }
            named[id] = person
        }
        return named
    }

    private static func person(_ resident: Resident) -> Person? {
        resident.id.map { Person(id: $0, householdID: resident.householdID, name: resident.fullName) }
    }
}
