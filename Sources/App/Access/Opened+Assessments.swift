import Domain
import Fluent
import SQLKit
import Vapor

extension ResidentAccess.Opened {
    /// The household's assessments, oldest first, each with only the scores
    /// in domains this opening shows in detail; assessments with none of
    /// those are left out. Optionally one resident's, or one assessment.
    func assessments(residentID: UUID? = nil, assessmentID: UUID? = nil, on db: any Database) async throws -> [AssessmentStore.Record] {
        let tenantID = household.tenantID
        var which: SQLQueryString = "household_id = \(bind: try household.requireID())"
        if let residentID { which = "\(which) AND resident_id = \(bind: residentID)" }
        if let assessmentID { which = "\(which) AND id = \(bind: assessmentID)" }
        let assessments = try await Assessment.select(in: tenantID, where: which, orderBy: "assessed_on, created_at", on: db)
        guard !assessments.isEmpty else { return [] }
        let domains = LifeDomain.allCases.filter { allows(.detail($0)) }.map(\.rawValue)
        guard !domains.isEmpty else { return [] }
        let scores = try await AssessmentScore.select(
            in: tenantID, where: "assessment_id IN (\(binds: assessments.compactMap(\.id))) AND domain IN (\(binds: domains))", on: db)
        let byAssessment = Dictionary(grouping: scores, by: \.assessmentID)
        return assessments.compactMap { assessment in
            guard let id = assessment.id, let scores = byAssessment[id], !scores.isEmpty else { return nil }
            return AssessmentStore.Record(assessment: assessment, scores: scores.sorted { $0.itemID < $1.itemID })
        }
    }
}
