import Domain
import Fluent
import Foundation
import NIOConcurrencyHelpers
import Testing
import Vapor
@testable import App

/// Events reach another system through the outbox: written with the change,
/// delivered signed by the delivery job, tried again after a failure, parked
/// when they keep failing for a day — against a real HTTP receiver.
@Suite("Event outbox")
struct OutboxDeliveryTests {
    /// A receiver on a free port of this machine: it refuses its first
    /// `failures` deliveries, checks each signature, and keeps the ids of
    /// the events it accepted (as many times as it accepted them).
    final class Receiver: Sendable {
        let app: Application
        let accepted = NIOLockedValueBox<[String]>([])
        let refused = NIOLockedValueBox(0)
        let port: Int

        init(secret: String, failures: Int) async throws {
            app = try await Application.make(.testing)
            app.logger.logLevel = .critical
            let accepted = self.accepted, refused = self.refused
            app.post("hook") { req async throws -> HTTPStatus in
                let body = Data(buffer: req.body.data ?? ByteBuffer())
                guard req.headers.contentType?.description.hasPrefix("application/cloudevents+json") == true,
                      let signature = req.headers.first(name: "Samenspel-Signature"),
                      WebhookSignature.verify(signature, body: body, secret: secret, now: Date(), tolerance: 3 * 24 * 3600)
                else { return .unauthorized }
                let refuse = refused.withLockedValue { count -> Bool in
                    guard count < failures else { return false }
                    count += 1
                    return true
                }
                if refuse { return .serviceUnavailable }
                let event = try JSONDecoder().decode(CloudEvent.self, from: body)
                accepted.withLockedValue { $0.append(event.id) }
                return .noContent
            }
            try await app.server.start(address: .hostname("127.0.0.1", port: 0))
            port = (app.server as? HTTPServer)?.localAddress?.port ?? 0
        }

        func stop() async throws {
            await app.server.shutdown()
            try await app.asyncShutdown()
        }
    }

    @Test func aReceiverThatFailsAtFirstGetsEveryEventOnceByID() async throws {
        let secret = "een gedeeld geheim van de ontvanger"
        let receiver = try await Receiver(secret: secret, failures: 3)
        try await withApp { app in
            let scenario = try await ReferralScenario.make(app)
            _ = try await scenario.base.consent([.finances], for: scenario.base.partner)
            let tenantID = try scenario.base.tenant.requireID()
            let subscription = EventSubscription(tenantID: tenantID, name: "Ketenpartner", url: "http://127.0.0.1:\(receiver.port)/hook",
                                                 events: EventType.allCases, secretEncrypted: try FieldCipher(key: app.config.keys.field).seal(secret))
            try await subscription.create(on: app.db)
            #expect(try await scenario.send().status == .seeOther)
            let referral = try await scenario.referral()
            #expect(try await scenario.receiver.post(SiteRoute.referralStatus.path(referral.id!),
                                                     ["status": "accepted", "outcome": "", "note": "", "version": String(referral.version), "confirm": "on"]).status == .seeOther)
            let events = try await OutboxEvent.scoped(to: tenantID, on: app.db).all()
            #expect(Set(events.map(\.type)) == [EventType.referralCreated.rawValue, EventType.referralStatusChanged.rawValue])
            #expect(events.allSatisfy { !$0.body.contains(scenario.base.householdID.uuidString.lowercased()) }, "no household in an event")

            let delivery = OutboxDelivery(db: app.db, client: app.client, keys: app.config.keys)
            var now = Date()
            for _ in 0..<6 {
                try await delivery.deliverDue(now: now)
                now = now.addingTimeInterval(3600)
            }
            #expect(receiver.refused.withLockedValue { $0 } == 3)
            #expect(receiver.accepted.withLockedValue { $0 }.sorted() == events.map { $0.eventID.uuidString.lowercased() }.sorted())
            let settled = try await OutboxEvent.scoped(to: tenantID, on: app.db).all()
            #expect(settled.allSatisfy { $0.deliveredAt != nil && $0.nextAttemptAt == nil && $0.parkedAt == nil })
            // Nothing is sent twice once delivered.
            try await delivery.deliverDue(now: now.addingTimeInterval(3600))
            #expect(receiver.accepted.withLockedValue { $0.count } == events.count)
        }
        try await receiver.stop()
    }

    @Test func anEventThatKeepsFailingForADayIsParked() async throws {
        let receiver = try await Receiver(secret: "geheim genoeg hoor", failures: .max)
        try await withApp { app in
            let scenario = try await ReferralScenario.make(app)
            _ = try await scenario.base.consent([.finances], for: scenario.base.partner)
            let tenantID = try scenario.base.tenant.requireID()
            try await EventSubscription(tenantID: tenantID, name: "Storing", url: "http://127.0.0.1:\(receiver.port)/hook", events: [.referralCreated],
                                        secretEncrypted: try FieldCipher(key: app.config.keys.field).seal("geheim genoeg hoor")).create(on: app.db)
            #expect(try await scenario.send().status == .seeOther)
            let delivery = OutboxDelivery(db: app.db, client: app.client, keys: app.config.keys)
            var now = Date()
            for _ in 0..<30 {
                try await delivery.deliverDue(now: now)
                now = now.addingTimeInterval(3600)
            }
            let event = try #require(try await OutboxEvent.scoped(to: tenantID, on: app.db).first())
            #expect(event.parkedAt != nil && event.deliveredAt == nil && event.nextAttemptAt == nil)
            #expect(event.attempts > 5 && event.lastError == "HTTP 503")
            #expect(receiver.refused.withLockedValue { $0 } == event.attempts)
        }
        try await receiver.stop()
    }
}
