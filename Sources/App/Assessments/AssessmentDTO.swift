import Domain
import Vapor

/// An assessment as the API shows it: only the scores the caller may see.
struct AssessmentDTO: Content {
    struct Score: Content { let item: String; let domain: String; let score: Int }

    let id: UUID
    let householdId: UUID
    let residentId: UUID
    let instrumentId: String
    let instrumentVersion: Int
    let assessedOn: String
    /// "professional" or "self".
    let source: String
    let reason: String?
    let scores: [Score]

    init(_ record: AssessmentStore.Record, cipher: FieldCipher) throws {
        let assessment = record.assessment
        id = try assessment.requireID()
        householdId = assessment.householdID
        residentId = assessment.residentID
        instrumentId = assessment.instrumentID
        instrumentVersion = assessment.instrumentVersion
        assessedOn = assessment.assessedOn
        source = assessment.source
        reason = cipher.openOrNil(assessment.reasonEncrypted)
        scores = record.scores.map { Score(item: $0.itemID, domain: $0.domain, score: $0.score) }
    }
}

/// What a client sends to record an assessment.
struct NewAssessmentDTO: Content {
    var residentId: UUID?
    var instrumentId: String?
    var assessedOn: String?
    var reason: String?
    var scores: [String: Int]?

    var submission: AssessmentStore.Submission {
        AssessmentStore.Submission(
            instrumentID: instrumentId, assessedOn: assessedOn, reason: reason,
            scores: (scores ?? [:]).mapValues(String.init)
        )
    }
}

/// An instrument as the API lists it.
struct InstrumentDTO: Content {
    struct Level: Content { let value: Int; let label: LocalizedText }
    struct Item: Content { let id: String; let domain: String; let label: LocalizedText }

    let id: String
    let version: Int
    let name: LocalizedText
    let scale: [Level]
    let items: [Item]

    init(_ instrument: Instrument) {
        id = instrument.id
        version = instrument.version
        name = instrument.name
        scale = instrument.scale.map { Level(value: $0.value, label: $0.label) }
        items = instrument.items.map { Item(id: $0.id, domain: $0.domain, label: $0.label) }
    }
}


/// RFC 9457 problem details for invalid input, naming each bad field
/// (`invalidParams`, as the Dutch API Design Rules suggest).
enum APIProblem {
    static func invalid(_ issues: [ValidationIssue], req: Request) -> Response {
        struct Param: Encodable { let name: String; let reason: String }
        struct Problem: Encodable {
            let type: String; let title: String; let status: UInt; let detail: String; let instance: String
            let invalidParams: [Param]
        }
        let params = issues.map { Param(name: apiName($0.field), reason: req.t($0.messageKey)) }
        let body = Problem(
            type: "about:blank", title: HTTPResponseStatus.unprocessableEntity.reasonPhrase, status: 422,
            detail: params.map { "\($0.name): \($0.reason)" }.joined(separator: " "), instance: "urn:request:\(req.id)", invalidParams: params
        )
        let response = Response(status: .unprocessableEntity)
        response.headers.contentType = HTTPMediaType(type: "application", subType: "problem+json")
        response.body = .init(data: (try? JSONEncoder().encode(body)) ?? Data())
        return response
    }

    static func apiName(_ field: String) -> String {
        if field.hasPrefix("score-") { return "scores." + field.dropFirst("score-".count) }
        return ["assessed_on": "assessedOn", "instrument": "instrumentId", "resident": "residentId"][field] ?? field
    }
}
