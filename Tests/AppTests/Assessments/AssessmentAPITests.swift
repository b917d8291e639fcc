import Domain
import Fluent
import Foundation
import Testing
import VaporTesting
@testable import App

@Suite("Assessments API")
struct AssessmentAPITests {
    /// Sends JSON with the session's CSRF token in the header, as a script in the browser would.
    static func postJSON(_ client: TestClient, _ path: String, _ body: [String: Any]) async throws -> TestingHTTPResponse {
        if client.csrf == nil { try await client.get("/") }
        let data = try JSONSerialization.data(withJSONObject: body)
        return try await client.send(.POST, path, headers: [("Content-Type", "application/json"), ("X-CSRF-Token", client.csrf ?? "")], body: String(decoding: data, as: UTF8.self))
    }

    static func json(_ response: TestingHTTPResponse) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(response.body.string.utf8))
    }

    @Test func writeAndReadWithTheAccessRule() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            let resident = try await scenario.resident()
            let client = scenario.coordinator
            let path = SiteRoute.apiHouseholdAssessments.path(scenario.householdID)
            let created = try await Self.postJSON(client, path, [
                "residentId": try resident.requireID().uuidString, "instrumentId": HouseholdScenario.matrix,
                "assessedOn": "2026-02-02", "reason": "Schuldhulpvraag", "scores": ["finances": 2],
            ])
            #expect(created.status == .created, "\(created.body.string)")
            let body = try #require(try Self.json(created) as? [String: Any])
            let id = try #require((body["id"] as? String).flatMap(UUID.init(uuidString:)))
            #expect(created.headers.first(name: .location) == SiteRoute.apiAssessment.path(id))
            #expect(body["source"] as? String == "professional")
            #expect((body["scores"] as? [[String: Any]])?.first?["score"] as? Int == 2)

            let list = try await client.get(path)
            #expect(list.status == .ok)
            #expect((try Self.json(list) as? [[String: Any]])?.count == 1)
            let one = try await client.get(SiteRoute.apiAssessment.path(id))
            #expect((try Self.json(one) as? [String: Any])?["reason"] as? String == "Schuldhulpvraag")
            #expect(try await client.get(SiteRoute.apiInstruments.path()).body.string.contains("participation-ladder"))

            // A domain the coordinator may not see: refused, nothing stored.
            let outside = try await Self.postJSON(client, path, [
                "residentId": try resident.requireID().uuidString, "instrumentId": HouseholdScenario.matrix,
                "assessedOn": "2026-02-02", "reason": "x", "scores": ["mental_health": 2],
            ])
            #expect(outside.status == .forbidden)
            #expect(outside.headers.contentType?.description.contains("problem+json") == true)

            // Items outside the reader's domains are left out of what they read.
            try await scenario.store(["finances": 3, "mental_health": 1], day: "2026-03-03")
            let filtered = try #require(try Self.json(try await client.get(path)) as? [[String: Any]])
            #expect(filtered.count == 2)
            #expect(filtered.allSatisfy { ($0["scores"] as? [[String: Any]])?.allSatisfy { $0["domain"] as? String == "finances" } == true })
            let hidden = try await scenario.store(["mental_health": 1], day: "2026-03-04")
            #expect(try await client.get(SiteRoute.apiAssessment.path(try hidden.requireID())).status == .forbidden)
            #expect(try await scenario.counts() == [3, 4])
        }
    }

    @Test func invalidInputIs422ProblemJSONAndStoresNothing() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            let resident = try await scenario.resident()
            let path = SiteRoute.apiHouseholdAssessments.path(scenario.householdID)
            let base: [String: Any] = ["residentId": try resident.requireID().uuidString, "instrumentId": HouseholdScenario.matrix, "assessedOn": "2026-02-02", "reason": "r"]
            let cases: [([String: Any], String, String)] = [
                (["scores": ["finances": 6]], "scores.finances", "buiten de schaal"),
                (["scores": ["geluk": 3]], "scores", "hoort niet bij dit meetinstrument"),
                (["scores": ["finances": 3], "assessedOn": "2999-12-31"], "assessedOn", "in de toekomst"),
                (["scores": ["finances": 3], "instrumentId": "geluksmeter"], "instrumentId", "bestaand meetinstrument"),
                (["scores": ["finances": 3], "residentId": UUID().uuidString], "residentId", "lid van dit huishouden"),
            ]
            for (change, name, reason) in cases {
                let response = try await Self.postJSON(scenario.coordinator, path, base.merging(change) { $1 })
                #expect(response.status == .unprocessableEntity, "\(change)")
                #expect(response.headers.contentType?.description.contains("application/problem+json") == true)
                let problem = try #require(try Self.json(response) as? [String: Any])
                let params = problem["invalidParams"] as? [[String: String]] ?? []
                #expect(params.contains { $0["name"] == name && $0["reason"]?.contains(reason) == true }, "\(problem)")
            }
            let malformed = try await scenario.coordinator.send(.POST, path, headers: [("Content-Type", "application/json"), ("X-CSRF-Token", scenario.coordinator.csrf ?? "")], body: "{\"scores\": {\"finances\": \"drie\"}}")
            #expect(malformed.status == .badRequest)
            #expect(try await scenario.counts() == [0, 0])
        }
    }

    @Test func oddInputNeverAnswers500() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            let resident = try await scenario.resident()
            let client = scenario.coordinator
            let api = SiteRoute.apiHouseholdAssessments.path(scenario.householdID)
            let bodies = [
                "{}", "[]", "null", "{\"scores\": \"finances\"}", "{\"scores\": {\"finances\": 99999999999999999999999}}",
                "{\"residentId\": \"nobody\", \"scores\": {\"finances\": 3}}", "{\"scores\": {\"finances\": 3.5}}",
                "{\"instrumentId\": \"self-sufficiency-matrix\", \"assessedOn\": \"2026-02-30\", \"scores\": {\"finances\": -1}}",
            ]
            for body in bodies {
                let response = try await client.send(.POST, api, headers: [("Content-Type", "application/json"), ("X-CSRF-Token", client.csrf ?? "")], body: body)
                #expect([400, 422].contains(response.status.code), "\(body): \(response.status)")
            }
            #expect(try await client.get(api + "?residentId=nobody").status.code < 500)
            #expect(try await client.get("/api/v1/assessments/nope").status == .notFound)
            let web = try scenario.assessmentsPath(resident)
            for form in [["scores[finances][x]": "1"], ["scores": "3"], ["assessed_on": String(repeating: "9", count: 5000)], ["reason": "a\u{0}b", "scores[finances]": "3"]] {
                #expect(try await client.post(web, form).status.code < 500, "\(form)")
            }
            #expect(try await client.get(try scenario.newAssessmentPath(resident, instrument: "../../etc/passwd")).status == .notFound)
            #expect(try await client.get("/households/\(scenario.householdID)/residents/nobody/assessments/new" + "?instrument=self-sufficiency-matrix").status == .notFound)
            #expect(try await scenario.counts() == [0, 0])
        }
    }

    @Test func otherTenantsGet404AnonymousCallers401AndResidentsOnlyTheirOwn() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            let assessment = try await scenario.store(["finances": 2], day: "2026-02-02")
            let path = SiteRoute.apiHouseholdAssessments.path(scenario.householdID)

            let anonymous = try await TestClient(app).get(path)
            #expect(anonymous.status == .unauthorized)
            #expect(anonymous.headers.contentType?.description.contains("problem+json") == true)

            let other = try await scenario.fixtures.tenant("beta")
            let otherOrg = try await scenario.fixtures.organization(in: other, name: "Werk Beta", kind: .municipalSocialServices)
            let (_, secret) = try await scenario.fixtures.user("beta-pro", role: .professional, in: other, organization: otherOrg)
            let stranger = TestClient(app)
            try await scenario.fixtures.signIn(stranger, "beta-pro", secret: secret)
            #expect(try await stranger.get(path).status == .notFound)
            #expect(try await stranger.get(SiteRoute.apiAssessment.path(try assessment.requireID())).status == .notFound)
            #expect(try await Self.postJSON(stranger, path, ["instrumentId": HouseholdScenario.matrix, "scores": ["finances": 3]]).status == .notFound)

            let (_, analystSecret) = try await scenario.fixtures.user("pieter", role: .analyst, in: scenario.tenant)
            let analyst = TestClient(app)
            try await scenario.fixtures.signIn(analyst, "pieter", secret: analystSecret)
            #expect(try await analyst.get(path).status == .notFound)

            // The resident reads their household's assessments and writes only their own view.
            let person = try await scenario.residentClient()
            #expect((try Self.json(try await person.get(path)) as? [[String: Any]])?.count == 1)
            let own = try await Self.postJSON(person, path, ["instrumentId": HouseholdScenario.matrix, "assessedOn": "2026-02-03", "scores": ["housing": 4]])
            #expect(own.status == .created)
            #expect((try Self.json(own) as? [String: Any])?["source"] as? String == "self")

            // Another household in the same tenant is not theirs.
            let neighbours = Household(tenantID: try scenario.tenant.requireID(), name: "Buren", street: "Dorpsstraat 3", postcode: "1234 AB", city: "Voorbeeld", neighbourhoodCode: nil)
            try await neighbours.create(on: app.db)
            let theirs = SiteRoute.apiHouseholdAssessments.path(try neighbours.requireID())
            #expect(try await person.get(theirs).status == .forbidden)
            #expect(try await Self.postJSON(person, theirs, ["instrumentId": HouseholdScenario.matrix, "assessedOn": "2026-02-03", "scores": ["housing": 4]]).status == .forbidden)
            #expect(try await scenario.counts() == [2, 2])
        }
    }
}
