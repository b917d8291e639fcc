import Domain
import Fluent
import Foundation
import SQLKit
import NIOCore
import Vapor

/// Delivers what the outbox holds: each due event POSTed to its
/// subscription's URL as `application/cloudevents+json`, signed
/// (`Samenspel-Signature`). A failure is tried again later
/// (`DeliveryBackoff`); an event still failing when it expires is parked for
/// the tenant admin, who can replay it. Delivery is at least once: a
/// receiver recognises a repeat by the event's id.
struct OutboxDelivery {
    let db: any Database
    let client: any Client
    let keys: Keys
    static let batchSize = 50
    /// How long a claimed event is left to this server before another may try it.
    static let claim: TimeInterval = 60
    static let timeout: TimeAmount = .seconds(10)

    enum Outcome: Equatable {
        case delivered
        case failed(String)
    }

    /// Delivers every tenant's due events; returns how many were delivered.
    @discardableResult
    func deliverDue(now: Date = Date()) async throws -> Int {
        var delivered = 0
        for tenant in try await Tenant.query(on: db).all() {
            let tenantID = try tenant.requireID()
            let due = try await OutboxEvent.scoped(to: tenantID, on: db).filter(\.$nextAttemptAt <= now)
                .sort(\.$nextAttemptAt).limit(Self.batchSize).all()
            guard !due.isEmpty else { continue }
            let subscriptions = Dictionary(try await EventSubscription.scoped(to: tenantID, on: db).all().map { ($0.id!, $0) }, uniquingKeysWith: { first, _ in first })
            for event in due where try await claim(event, now: now) {
                let outcome: Outcome
                if let subscription = subscriptions[event.subscriptionID], subscription.active {
                    outcome = await send(event, to: subscription, now: now)
                } else {
                    outcome = .failed("the subscription was ended")
                }
                try await settle(event, outcome, now: now)
                if outcome == .delivered { delivered += 1 }
            }
        }
        return delivered
    }

    /// Takes the event for this server for a while, unless another took it
    /// first: a claim moves it out of "due", and each try counts an attempt.
    private func claim(_ event: OutboxEvent, now: Date) async throws -> Bool {
        try await db.sql.update(OutboxEvent.schema)
            .set("next_attempt_at", to: now.addingTimeInterval(Self.claim))
            .where("tenant_id", .equal, event.tenantID).where("id", .equal, try event.requireID())
            .where("attempts", .equal, event.attempts).where("next_attempt_at", .lessThanOrEqual, now)
            .returning("id").first() != nil
    }

    private func send(_ event: OutboxEvent, to subscription: EventSubscription, now: Date) async -> Outcome {
        do {
            let secret = try FieldCipher(key: keys.field).open(subscription.secretEncrypted)
            let body = Data(event.body.utf8)
            var headers = HTTPHeaders()
            headers.contentType = HTTPMediaType(type: "application", subType: "cloudevents+json", parameters: ["charset": "utf-8"])
            headers.add(name: "Samenspel-Signature", value: WebhookSignature.header(body: body, secret: secret, at: now))
            let response = try await client.post(URI(string: subscription.url), headers: headers) { request in
                request.body = ByteBuffer(data: body)
                request.timeout = Self.timeout
            }
            return (200..<300).contains(response.status.code) ? .delivered : .failed("HTTP \(response.status.code)")
        } catch {
            return .failed(String(describing: type(of: error)))
        }
    }

    private func settle(_ event: OutboxEvent, _ outcome: Outcome, now: Date) async throws {
        event.attempts += 1
        switch outcome {
        case .delivered:
            (event.deliveredAt, event.nextAttemptAt, event.lastError) = (now, nil, nil)
        case .failed(let reason):
            event.lastError = String(reason.prefix(300))
            let next = now.addingTimeInterval(DeliveryBackoff.delay(afterAttempt: event.attempts))
            if next > event.expiresAt {
                (event.parkedAt, event.nextAttemptAt) = (now, nil)
            } else {
                event.nextAttemptAt = next
            }
        }
        try await event.save(on: db)
    }
}
