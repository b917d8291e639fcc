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
            for event in due where try await event.claim(for: Self.claim, now: now, on: db) {
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
        switch outcome {
        case .delivered:
            event.attempts += 1
            (event.deliveredAt, event.nextAttemptAt, event.lastError) = (now, nil, nil)
        case .failed(let reason):
            event.failed(reason, now: now)
        }
        try await event.save(on: db)
    }
}
