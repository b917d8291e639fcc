import Domain
import Fluent
import Vapor

/// Who is due for a reassessment: per member and instrument, the latest
/// professional assessment is at least the tenant's interval old. Only
/// assessments the professional may see (by their domains) count.
enum ReassessmentReminders {
    struct Due: Encodable, Equatable { let text: String; let href: String; let lastOn: String }

    static func due(household: Household, context: AccessContext, months: Int, today: String, req: Request) async throws -> [Due] {
        let householdID = try household.requireID()
        let records = try await AssessmentStore.history(
            householdID: householdID, tenantID: household.tenantID,
            visible: { AccessPolicy.decide(context, .detail($0)).isAllowed }, on: req.db
        ).filter { $0.assessment.assessmentSource == .professional }
        guard !records.isEmpty else { return [] }
        var latest: [String: Assessment] = [:]
        for record in records {
            // History is oldest first, so the last one per key is the latest.
            latest["\(record.assessment.residentID)|\(record.assessment.instrumentID)"] = record.assessment
        }
        let names = Dictionary(
            try await Resident.scoped(to: household.tenantID, on: req.db).filter(\.$householdID == householdID).all()
                .compactMap { r in r.id.map { ($0, r.fullName) } },
            uniquingKeysWith: { a, _ in a }
        )
        return latest.values.compactMap { assessment -> Due? in
            guard let dueOn = Day.adding(months: months, to: assessment.assessedOn), dueOn <= today,
                  let instrument = req.instruments.instrument(assessment.instrumentID) else { return nil }
            let text = req.t("worklist.reassessment_item", names[assessment.residentID] ?? "", instrument.name.text(req.locale.rawValue), household.name, assessment.assessedOn)
            return Due(text: text, href: SiteRoute.household.path(householdID) + "#progress-\(assessment.residentID)", lastOn: assessment.assessedOn)
        }.sorted { ($0.lastOn, $0.text) < ($1.lastOn, $1.text) }
    }
}

extension Day {
    /// The day `months` calendar months after `day` (end-of-month days clamp), or nil for a bad day.
    static func adding(months: Int, to day: String) -> String? {
        guard let start = start(of: day) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.date(byAdding: .month, value: months, to: start).map(string)
    }
}
