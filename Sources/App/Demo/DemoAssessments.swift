import Domain
import Fluent
import Foundation

/// Fatima's assessments over 2026 — by her coordinator and by herself — so
/// the charts, the distance travelled, a disagreement and a reassessment
/// reminder all show in `serve --demo`. Running it again changes nothing.
enum DemoAssessments {
    /// (instrument, day, self?, scores)
    static let occasions: [(String, String, Bool, [String: Int])] = [
        ("self-sufficiency-matrix", "2026-01-12", false, ["finances": 1, "work_education": 2, "time_use": 2, "social_network": 2, "social_participation": 2]),
        ("participation-ladder", "2026-01-12", false, ["participation": 2]),
        ("self-sufficiency-matrix", "2026-05-11", false, ["finances": 2, "work_education": 2, "time_use": 3, "social_network": 3, "social_participation": 3]),
        ("participation-ladder", "2026-05-11", false, ["participation": 3]),
        ("self-sufficiency-matrix", "2026-09-14", false, ["finances": 3, "work_education": 3, "time_use": 4, "social_network": 3, "social_participation": 4]),
        ("self-sufficiency-matrix", "2026-09-20", true, ["finances": 2, "work_education": 3, "time_use": 4, "social_network": 4, "social_participation": 4]),
        ("participation-ladder", "2026-09-20", true, ["participation": 4]),
    ]

    static func seed(tenantID: UUID, users: [String: User], catalog: InstrumentCatalog, cipher: FieldCipher, on db: any Database) async throws {
        guard let residentUser = users["inwoner"], let professional = users["professional"],
              let resident = try await Resident.query(on: db).filter(\.$userID == residentUser.id).first()
        else { return }
        let residentID = try resident.requireID()
        if try await Assessment.query(on: db).filter(\.$residentID == residentID).first() != nil { return }
        for (instrumentID, day, own, scores) in occasions {
            guard let instrument = catalog.instrument(instrumentID) else { continue }
            let assessment = Assessment(
                tenantID: tenantID, householdID: resident.householdID, residentID: residentID, instrument: instrument, assessedOn: day,
                source: own ? .own : .professional, assessedBy: try (own ? residentUser : professional).requireID(),
                organizationID: own ? nil : professional.organizationID,
                reasonEncrypted: own ? nil : try cipher.seal("Vraag gaat over geld, werk en meedoen: alleen die leefgebieden")
            )
            try await assessment.create(on: db)
            for (itemID, score) in scores {
                guard let item = instrument.item(itemID) else { continue }
                try await AssessmentScore(tenantID: tenantID, assessmentID: try assessment.requireID(), item: item, score: score).create(on: db)
            }
        }
    }
}
