import Domain
import Fluent
import Vapor

extension PortalData {
    /// One assessment in "download my data": who was assessed, when, by whom, why and the scores.
    struct AssessmentItem: Content {
        let person: String; let day: String; let instrument: String; let by: String; let reason: String; let scores: [String]
    }

    /// Every assessment of the household, newest first, in plain words.
    static func assessments(_ opened: ResidentAccess.Opened, residents: [Resident], in context: Context) async throws -> [AssessmentItem] {
        let names = Dictionary(residents.compactMap { r in r.id.map { ($0, r.fullName) } }, uniquingKeysWith: { a, _ in a })
        let cipher = FieldCipher(key: context.keys.field)
        let language = context.locale.rawValue
        let records = try await opened.assessments(on: context.db)
        return records.reversed().map { record in
            let instrument = context.instruments.instrument(record.assessment.instrumentID)
            let scores = record.scores.map { score in
                let item = instrument?.item(score.itemID)?.label.text(language) ?? score.itemID
                let level = instrument?.level(score.score)?.label.text(language) ?? ""
                return "\(item): \(score.score) – \(level)"
            }
            return AssessmentItem(
                person: names[record.assessment.residentID] ?? "", day: context.day(record.assessment.assessedOn),
                instrument: instrument?.name.text(language) ?? record.assessment.instrumentID,
                by: context.t(record.assessment.assessmentSource == .own ? "assessment.own_view" : "assessment.by_professional"),
                reason: cipher.openOrNil(record.assessment.reasonEncrypted) ?? "", scores: scores
            )
        }
    }
}
