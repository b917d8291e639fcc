import Domain
import Fluent
import Foundation
import Testing
import Vapor
@testable import App

/// The tenant admin's page for other systems: a subscription is made with a
/// secret shown once, a bad address is refused with the form kept, a parked
/// event can be sent again, and a subscription can be ended.
@Suite("Event subscriptions")
struct EventSubscriptionAdminTests {
    @Test func anAdminSubscribesASystemAndReplaysWhatWasParked() async throws {
        try await withApp { app in
            let fixtures = Fixtures(app: app)
            let tenant = try await fixtures.tenant()
            let (_, secret) = try await fixtures.user("beheer", role: .tenantAdmin, in: tenant)
            let admin = TestClient(app)
            try await fixtures.signIn(admin, "beheer", secret: secret)
            #expect(try await admin.get("/admin/event-subscriptions").status == .ok)

            let refused = try await admin.post("/admin/event-subscriptions", ["name": "Ketenpartner", "url": "http://partner.example/hook", "events[]": EventType.referralCreated.rawValue])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("https-adres"))
            #expect(refused.body.string.contains("value=\"http://partner.example/hook\""), "the form keeps what was typed")
            #expect(try await EventSubscription.query(on: app.db).count() == 0)

            let made = try await admin.post("/admin/event-subscriptions", ["name": "Ketenpartner", "url": "https://partner.example/hook", "events[]": EventType.referralStatusChanged.rawValue])
            #expect(made.status == .ok)
            let subscription = try #require(try await EventSubscription.query(on: app.db).first())
            #expect(subscription.eventTypes == [.referralStatusChanged])
            let shown = try FieldCipher(key: app.config.keys.field).open(subscription.secretEncrypted)
            #expect(made.body.string.contains(shown), "the secret is shown once")
            #expect(try await admin.get("/admin/event-subscriptions").body.string.contains(shown) == false)

            let parked = OutboxEvent(tenantID: try tenant.requireID(), subscriptionID: try subscription.requireID(), eventID: UUID(), type: .referralStatusChanged, body: "{}", at: Date().addingTimeInterval(-2 * 86400))
            (parked.parkedAt, parked.nextAttemptAt, parked.attempts, parked.lastError) = (Date(), nil, 12, "HTTP 503")
            try await parked.create(on: app.db)
            #expect(try await admin.get("/admin/event-subscriptions").body.string.contains("HTTP 503"))
            #expect(try await admin.post("/admin/event-subscriptions/parked/\(try parked.requireID())/replay", [:]).status == .seeOther)
            let replayed = try #require(try await OutboxEvent.find(parked.id, on: app.db))
            #expect(replayed.parkedAt == nil && replayed.nextAttemptAt != nil && replayed.attempts == 0 && replayed.expiresAt > Date().addingTimeInterval(86000))

            #expect(try await admin.post("/admin/event-subscriptions/\(try subscription.requireID())/end", [:]).status == .seeOther)
            #expect(try await EventSubscription.find(subscription.id, on: app.db)?.active == false)
        }
    }

    @Test func onlyHttpsOrThisMachineIsAnAddress() {
        #expect(EventSubscriptionController.isDeliverable("https://partner.example/hook"))
        #expect(EventSubscriptionController.isDeliverable("http://127.0.0.1:9000/hook"))
        #expect(EventSubscriptionController.isDeliverable("http://localhost/hook"))
        #expect(!EventSubscriptionController.isDeliverable("http://partner.example/hook"))
        #expect(!EventSubscriptionController.isDeliverable("https://user:pw@partner.example/hook"))
        #expect(!EventSubscriptionController.isDeliverable("ftp://partner.example"))
        #expect(!EventSubscriptionController.isDeliverable("partner.example/hook"))
        #expect(!EventSubscriptionController.isDeliverable(""))
    }
}
