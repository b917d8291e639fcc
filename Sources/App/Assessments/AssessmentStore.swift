import Domain
import Fluent
import SQLKit
import Vapor

/// Recording and reading assessments. The callers open the household
/// through `ResidentAccess` first; these functions only take what it allowed.
enum AssessmentStore {
    /// What a form or an API call sends, untrusted.
    struct Submission: Sendable {
        var instrumentID: String?
        var assessedOn: String?
        var reason: String?
        var scores: [String: String]
    }

    /// Input that passed every check, ready to store.
    struct Valid: Sendable {
        let instrument: Instrument
        let day: String
        let checked: AssessmentRules.Checked

        /// The life domains this assessment touches, in the usual order.
        var domains: [LifeDomain] {
            let touched = Set(checked.scores.keys.compactMap { instrument.item($0)?.lifeDomain })
            return LifeDomain.allCases.filter(touched.contains)
        }
    }

    /// Checks the submission: a known instrument, a real day not in the
    /// future, known items scored on the scale, and (for professionals) a reason.
    enum Checked { case valid(Valid), invalid([ValidationIssue]) }

    static func validate(_ submission: Submission, source: AssessmentSource, catalog: InstrumentCatalog) -> Checked {
        guard let instrument = catalog.instrument(submission.instrumentID) else {
            return .invalid([ValidationIssue(field: "instrument", messageKey: "assessment.unknown_instrument")])
        }
        var validator = FormValidator()
        let day = validator.day("assessed_on", submission.assessedOn)?.iso
        if let day, day > Day.today() { validator.add("assessed_on", "validation.date_in_future") }
        var issues = validator.issues
        let (checked, scoreIssues) = AssessmentRules.check(instrument, scores: submission.scores, reason: submission.reason, reasonRequired: source == .professional)
        issues += scoreIssues
        guard issues.isEmpty, let day, let checked else { return .invalid(issues) }
        return .valid(Valid(instrument: instrument, day: day, checked: checked))
    }

    /// Stores the assessment and its scores, with one access-log entry per
    /// domain, all in one transaction: all of it or nothing.
    static func record(
        _ valid: Valid, household: Household, resident: Resident, source: AssessmentSource, basis: AccessBasis, in context: Context
    ) async throws -> Assessment {
        let actor = context.actor
        let cipher = FieldCipher(key: context.keys.field)
        let assessment = Assessment(
            tenantID: household.tenantID, householdID: try household.requireID(), residentID: try resident.requireID(),
            instrument: valid.instrument, assessedOn: valid.day, source: source, assessedBy: actor.userID,
            organizationID: source == .professional ? actor.organizationID : nil,
            reasonEncrypted: try valid.checked.reason.map { try cipher.seal($0) }
        )
        try await context.db.transaction { tx in
            try await assessment.create(on: tx)
            let assessmentID = try assessment.requireID()
            for (itemID, score) in valid.checked.scores.sorted(by: { $0.key < $1.key }) {
                guard let item = valid.instrument.item(itemID) else { continue }
                try await AssessmentScore(tenantID: household.tenantID, assessmentID: assessmentID, item: item, score: score).create(on: tx)
            }
            for domain in valid.domains {
                try await context.audit(
                    "assessment.created", outcome: .success, basis: basis, subjectID: household.id,
                    purpose: "detail:\(domain.rawValue)", objectType: "assessment", objectID: assessmentID.uuidString, on: tx
                )
            }
        }
        return assessment
    }

    /// An assessment with the scores the viewer may see.
    struct Record: Sendable {
        let assessment: Assessment
        let scores: [AssessmentScore]

        var occasion: ScoredOccasion {
            ScoredOccasion(day: assessment.assessedOn, scores: Dictionary(scores.map { ($0.itemID, $0.score) }, uniquingKeysWith: { a, _ in a }))
        }
    }
}
