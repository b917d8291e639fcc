import Domain
import Fluent
import Foundation
import SQLKit
import Testing
import VaporTesting
@testable import App

/// Issue 25: a conversation around the household follows the access rule for
/// its life domain exactly as notes do, is encrypted at rest, logged on every
/// read, never edited silently, and counts as unread for whoever hears of it.
@Suite("Conversations around a household")
struct ConversationTests {
    static let secret = "De deurwaarder komt dinsdag voor de energierekening"

    /// Starts a conversation through the coordinator's form; its id.
    static func start(in scenario: HouseholdScenario, subject: String = "Afspraak met de bank", text: String = secret,
                      domain: LifeDomain = .finances, withResident: Bool = true) async throws -> UUID {
        var form = ["domain": domain.rawValue, "subject": subject, "text": text]
        if withResident { form["with_resident"] = "on" }
        let response = try await scenario.coordinator.post(SiteRoute.conversations.path(scenario.householdID), form)
        let location = try #require(response.headers.first(name: .location), "\(response.status) \(response.body.string.prefix(800))")
        return try #require(UUID(uuidString: String(location.split(separator: "?")[0].split(separator: "/").last ?? "")))
    }

    /// The household's first member with a portal account, signed in.
    static func resident(of scenario: HouseholdScenario, username: String = "fatima") async throws -> TestClient {
        let (user, _) = try await scenario.fixtures.user(username, role: .resident, in: scenario.tenant, totp: false)
        let member = try #require(try await Resident.query(on: scenario.app.db).filter(\.$householdID == scenario.householdID).first())
        member.userID = try user.requireID()
        try await member.save(on: scenario.app.db)
        let client = TestClient(scenario.app)
        try await scenario.fixtures.signIn(client, username, secret: nil)
        return client
    }

    /// The partner on the team in `domains`, with `username` as its contact person.
    static func partnerOnTeam(_ scenario: HouseholdScenario, _ domains: [LifeDomain], username: String = "schuldhulp") async throws -> TestClient {
        let client = try await scenario.professional(username, of: scenario.partner)
        let user = try #require(try await User.query(on: scenario.app.db).filter(\.$username == username).first())
        let involvement = Involvement(tenantID: try scenario.tenant.requireID(), householdID: scenario.householdID, organizationID: try scenario.partner.requireID(),
                                      domains: Set(domains), isCoordinator: false, startsOn: "2020-01-01")
        involvement.contactUserID = user.id
        try await involvement.create(on: scenario.app.db)
        return client
    }

    static func unread(_ username: String, _ scenario: HouseholdScenario) async throws -> Int {
        let user = try #require(try await User.query(on: scenario.app.db).filter(\.$username == username).first())
        return try await Conversations.unreadCount(userID: try user.requireID(), tenantID: try scenario.tenant.requireID(), on: scenario.app.db)
    }

    @Test func theTeamAndTheResidentTalkUnderTheAccessRule() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            let partner = try await Self.partnerOnTeam(scenario, [.finances])
            let resident = try await Self.resident(of: scenario)
            let id = try await Self.start(in: scenario)
            let path = SiteRoute.conversation.path(scenario.householdID, id)

            // The coordinator reads it; the partner, on the team but without the resident's consent, does not — nor hears of it.
            #expect(try await scenario.coordinator.get(path).body.string.contains(Self.secret))
            let refused = try await partner.get(path)
            #expect(refused.status == .forbidden)
            #expect(!refused.body.string.contains(Self.secret))
            #expect(try await Self.unread("schuldhulp", scenario) == 0)
            #expect(try await scenario.decisions("conversation.read", user: "schuldhulp") == ["denied"])

            // The resident hears of it, reads it in the portal and answers.
            #expect(try await Self.unread("fatima", scenario) == 1)
            let portal = try await resident.get(SiteRoute.portalConversations.path())
            #expect(portal.body.string.contains("Afspraak met de bank"))
            #expect(portal.body.string.contains("Berichten <span"))
            #expect(try await resident.get(SiteRoute.portalConversation.path(id)).body.string.contains(Self.secret))
            #expect(try await Self.unread("fatima", scenario) == 0)
            let answered = try await resident.post(SiteRoute.portalConversationReplies.path(id), ["text": "Ik ben dinsdag thuis."])
            #expect(answered.status == .seeOther)
            #expect(try await Self.unread("sanne", scenario) == 1)
            let worklist = try await scenario.coordinator.get(SiteRoute.worklist.path())
            #expect(worklist.body.string.contains("Nieuwe berichten") && worklist.body.string.contains("Afspraak met de bank"))
            #expect(try await scenario.coordinator.get(path).body.string.contains("Ik ben dinsdag thuis."))
            #expect(try await Self.unread("sanne", scenario) == 0)

            // With consent for finances the partner reads along, and hears of the next message.
            _ = try await scenario.consent([.finances], for: scenario.partner)
            #expect(try await partner.get(path).body.string.contains("Ik ben dinsdag thuis."))
            _ = try await scenario.coordinator.post(SiteRoute.conversationReplies.path(scenario.householdID, id), ["text": "Schuldhulp belt u maandag."])
            #expect(try await Self.unread("schuldhulp", scenario) == 1)
            #expect(try await partner.get(SiteRoute.inbox.path()).body.string.contains("Afspraak met de bank"))

            // A conversation for the team only is not in the portal, and its id there is 404.
            let teamOnly = try await Self.start(in: scenario, subject: "Overleg zonder inwoner", withResident: false)
            #expect(try await resident.get(SiteRoute.portalConversation.path(teamOnly)).status == .notFound)
            #expect(!(try await resident.get(SiteRoute.portalConversations.path()).body.string.contains("Overleg zonder inwoner")))
            #expect(try await resident.post(SiteRoute.portalConversationReplies.path(teamOnly), ["text": "x"]).status == .notFound)

            // Every read is logged, naming the conversation.
            let reads = try await AccessLogEntry.query(on: app.db).filter(\.$event == "conversation.read").filter(\.$outcome == "allowed").all()
            #expect(!reads.isEmpty && reads.allSatisfy { $0.objectType == "conversation" && $0.purpose == "detail:finances" })
            // On the household page and its timeline.
            let household = try await scenario.coordinator.get(scenario.path).body.string
            #expect(household.contains("Overleg zonder inwoner") && household.contains("Gesprek begonnen"))
        }
    }

    @Test func aVolunteerAnotherHouseholdAndAnEmergencyOpeningSeeNoConversation() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            let id = try await Self.start(in: scenario)
            let (_, _) = try await scenario.fixtures.user("vrijwilliger", role: .volunteer, in: scenario.tenant, totp: false)
            let volunteer = TestClient(app)
            try await scenario.fixtures.signIn(volunteer, "vrijwilliger", secret: nil)
            let path = SiteRoute.conversation.path(scenario.householdID, id)
            let seen = try await volunteer.get(path)
            #expect(seen.status != .ok && !seen.body.string.contains(Self.secret))

            // The conversation's id under another household of the same tenant does not exist there.
            let other = try await scenario.coordinator.post("/households", HouseholdScenario.intake(["bsn": "123456782", "given_name": "Piet", "street": "Kerkstraat 2"]))
            let otherID = try #require(UUID(uuidString: String(other.headers.first(name: .location)?.split(separator: "?")[0].split(separator: "/").last ?? "")))
            #expect(try await scenario.coordinator.get(SiteRoute.conversation.path(otherID, id)).status == .notFound)

            // A resident of another household: 404 in the portal.
            let (_, _) = try await scenario.fixtures.user("buurvrouw", role: .resident, in: scenario.tenant, totp: false)
            let neighbour = TestClient(app)
            try await scenario.fixtures.signIn(neighbour, "buurvrouw", secret: nil)
            let foreign = try await neighbour.get(SiteRoute.portalConversation.path(id))
            #expect(foreign.status == .forbidden && !foreign.body.string.contains(Self.secret))
            #expect(try await neighbour.get(SiteRoute.apiConversationMessages.path(id)).status != .ok)
        }
    }

    @Test func messagesAreEncryptedAtRestAndEditsStayVisible() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            let id = try await Self.start(in: scenario, subject: "Beslag op het loon")
            let message = try #require(try await Message.query(on: app.db).first())
            let edit = SiteRoute.messageEdit.path(scenario.householdID, id, try message.requireID())
            #expect(try await scenario.coordinator.get(edit).status == .ok)
            let changed = try await scenario.coordinator.post(edit, ["text": "De deurwaarder komt woensdag", "version": "1"])
            #expect(changed.status == .seeOther)
            let page = try await scenario.coordinator.get(SiteRoute.conversation.path(scenario.householdID, id)).body.string
            #expect(page.contains("De deurwaarder komt woensdag") && page.contains("gewijzigd op") && page.contains(Self.secret))

            // A second edit from the page as it was before is refused, and keeps what was typed.
            let stale = try await scenario.coordinator.post(edit, ["text": "Mijn versie", "version": "1"])
            #expect(stale.status == .conflict)
            #expect(stale.body.string.contains("Mijn versie"))
            #expect(try await MessageRevision.query(on: app.db).count() == 1)

            // Someone else may not change it.
            _ = try await scenario.consent([.finances], for: scenario.partner)
            let partner = try await Self.partnerOnTeam(scenario, [.finances])
            #expect(try await partner.post(edit, ["text": "Anders", "version": "2"]).status == .forbidden)

            for table in ["conversations", "messages", "message_revisions"] {
                for row in try await app.db.sql.raw("SELECT * FROM \(ident: table)").all() {
                    for column in row.allColumns {
                        let text = (try? row.decode(column: column, as: String?.self)) ?? nil
                        #expect(text?.contains("deurwaarder") != true && text?.contains("Beslag") != true, "\(table).\(column)")
                    }
                }
            }
        }
    }

    @Test func badInputIsRefusedAndNothingIsHalfSaved() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            let path = SiteRoute.conversations.path(scenario.householdID)
            let empty = try await scenario.coordinator.post(path, ["domain": "finances", "subject": " ", "text": "Tekst die blijft staan"])
            #expect(empty.status == .unprocessableEntity)
            #expect(empty.body.string.contains("Tekst die blijft staan"))
            let long = try await scenario.coordinator.post(path, ["domain": "finances", "subject": "Te lang", "text": String(repeating: "a", count: 5001)])
            #expect(long.status == .unprocessableEntity)
            // A domain the coordinator's organisation does not work in.
            let outside = try await scenario.coordinator.post(path, ["domain": "mental_health", "subject": "Zorgen", "text": "x"])
            #expect(outside.status == .forbidden)
            let noDomain = try await scenario.coordinator.post(path, ["subject": "Zonder leefgebied", "text": "x"])
            #expect(noDomain.status == .unprocessableEntity)
            let conversations = try await Conversation.query(on: app.db).count(), messages = try await Message.query(on: app.db).count()
            #expect(conversations == 0 && messages == 0)

            let id = try await Self.start(in: scenario)
            let reply = try await scenario.coordinator.post(SiteRoute.conversationReplies.path(scenario.householdID, id), ["text": "   "])
            #expect(reply.status == .unprocessableEntity)
            #expect(try await Message.query(on: app.db).count() == 1)
        }
    }

    @Test func theAPIAnswersUnderTheSameRule() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            let partner = try await Self.partnerOnTeam(scenario, [.finances])
            let list = SiteRoute.apiHouseholdConversations.path(scenario.householdID)
            // A bearer token, as another system would call it; a cookie alone cannot post (CSRF).
            let issued = try await ApiAuthTests.createToken(scenario.coordinator, scope: "read write")
            let token = try #require(TestClient.firstMatch(#"<code class="secret">(sst_[A-Za-z0-9_-]+)</code>"#, in: issued.body.string))
            let json = [("Content-Type", "application/json"), ("Authorization", "Bearer \(token)")]
            #expect(try await scenario.coordinator.send(.POST, list, headers: [("Content-Type", "application/json")], body: "{}").status == .forbidden)
            let created = try await TestClient(app).send(.POST, list, headers: json,
                                                              body: #"{"domain":"finances","subject":"Via de API","text":"Vanuit het systeem","withResident":false}"#)
            #expect(created.status == .created)
            let id = try #require(try JSONDecoder().decode([String: AnyDecodable].self, from: Data(created.body.string.utf8))["id"]?.string.flatMap(UUID.init(uuidString:)))
            let listed = try await scenario.coordinator.get(list)
            #expect(listed.status == .ok && listed.body.string.contains("Via de API"))
            let messages = SiteRoute.apiConversationMessages.path(id)
            #expect(try await scenario.coordinator.get(messages).body.string.contains("Vanuit het systeem"))
            #expect(try await partner.get(messages).status == .forbidden)
            let invalid = try await TestClient(app).send(.POST, list, headers: json, body: #"{"domain":"finances","subject":""}"#)
            #expect(invalid.status == .unprocessableEntity)
            #expect(invalid.body.string.contains("subject") && invalid.body.string.contains("text"))
            let answered = try await TestClient(app).send(.POST, messages, headers: json, body: #"{"text":"Tweede"}"#)
            #expect(answered.status == .created)
        }
    }

    @Test func aMailSaysThatAMessageWaitsAndNothingMore() async throws {
        try await withApp { app in
            let scenario = try await HouseholdScenario.make(app)
            _ = try await scenario.consent([.finances], for: scenario.partner)
            _ = try await Self.partnerOnTeam(scenario, [.finances])
            let user = try #require(try await User.query(on: app.db).filter(\.$username == "schuldhulp").first())
            user.workEmail = "schuldhulp@example.org"
            try await user.save(on: app.db)
            _ = try await Self.start(in: scenario)
            let mails = try await OutgoingMail.query(on: app.db).all()
            #expect(mails.count == 1)
            #expect(mails.first?.kind == MailKind.messageWaiting.rawValue)
            #expect(mails.first?.link.hasPrefix("/households/") == true)
        }
    }
}

/// Decodes one JSON value loosely, for reading an id out of a response.
struct AnyDecodable: Decodable {
    let string: String?
    init(from decoder: any Decoder) throws { string = try? decoder.singleValueContainer().decode(String.self) }
}
