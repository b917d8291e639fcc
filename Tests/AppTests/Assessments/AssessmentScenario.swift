import Domain
import Fluent
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Vapor
import VaporTesting
@testable import App

/// Helpers for assessments on top of `HouseholdScenario`.
extension HouseholdScenario {
    static let matrix = "self-sufficiency-matrix"
    static let ladder = "participation-ladder"

    func resident() async throws -> Resident {
        try await Resident.query(on: app.db).filter(\.$householdID == householdID).sort(\.$birthDate).first()!
    }

    func newAssessmentPath(_ resident: Resident, instrument: String = matrix) throws -> String {
        SiteRoute.assessmentNew.path(householdID, try resident.requireID()) + "?instrument=" + instrument
    }

    func assessmentsPath(_ resident: Resident) throws -> String {
        SiteRoute.assessments.path(householdID, try resident.requireID())
    }

    /// A form as the page posts it.
    static func form(_ scores: [String: String], day: String = Day.today(), reason: String = "Vraag over geld", instrument: String = matrix) -> [String: String] {
        var form = ["instrument": instrument, "assessed_on": day, "reason": reason]
        for (item, score) in scores { form["scores[\(item)]"] = score }
        return form
    }

    /// The household's head as a signed-in portal user.
    func residentClient(_ username: String = "fatima") async throws -> TestClient {
        let resident = try await resident()
        let (user, _) = try await fixtures.user(username, role: .resident, in: tenant, totp: false)
        resident.userID = user.id
        try await resident.save(on: app.db)
        let client = TestClient(app)
        try await fixtures.signIn(client, username, secret: nil)
        try await client.get("/portal")
        return client
    }

    /// An assessment written straight to the database.
    @discardableResult
    func store(_ scores: [String: Int], day: String, own: Bool = false, instrument: String = matrix, resident: Resident? = nil) async throws -> Assessment {
        var person: Resident
        if let resident { person = resident } else { person = try await self.resident() }
        let definition = app.instruments.instrument(instrument)!
        let author = try await User.query(on: app.db).filter(\.$username == "sanne").first()!
        let assessment = Assessment(
            tenantID: try tenant.requireID(), householdID: householdID, residentID: try person.requireID(), instrument: definition,
            assessedOn: day, source: own ? .own : .professional, assessedBy: try author.requireID(), organizationID: nil, reasonEncrypted: nil
        )
        try await assessment.create(on: app.db)
        for (item, score) in scores {
            try await AssessmentScore(tenantID: try tenant.requireID(), assessmentID: try assessment.requireID(), item: definition.item(item)!, score: score).create(on: app.db)
        }
        return assessment
    }

    /// [assessments, scores] stored.
    func counts() async throws -> [Int] {
        [try await Assessment.query(on: app.db).count(), try await AssessmentScore.query(on: app.db).count()]
    }
}

/// Checks that a chart is well-formed XML.
final class SVGCollector: NSObject, XMLParserDelegate {
    static func parse(_ svg: String) -> SVGCollector? {
        let collector = SVGCollector()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = collector
        return parser.parse() ? collector : nil
    }
}

extension String {
    /// The part of a page between two markers (for checking one section).
    func section(from start: String, to end: String) -> String {
        guard let lower = range(of: start)?.lowerBound else { return "" }
        let rest = self[lower...]
        guard let upper = rest.range(of: end)?.lowerBound else { return String(rest) }
        return String(rest[..<upper])
    }

    var firstSVG: String? {
        guard let start = range(of: "<svg"), let end = range(of: "</svg>", range: start.upperBound..<endIndex) else { return nil }
        return String(self[start.lowerBound..<end.upperBound])
    }
}
