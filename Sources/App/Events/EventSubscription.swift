import Domain
import Fluent
import Foundation

/// An external system that hears of events in a tenant: where to deliver,
/// which events, and the secret that signs each delivery (sealed like a
/// note, because signing needs it back).
final class EventSubscription: Model, TenantOwned, @unchecked Sendable {
    static let schema = "event_subscriptions"
    static let tenantKey: KeyPath<EventSubscription, FieldProperty<EventSubscription, UUID>> = \.$tenantID

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "name") var name: String
    @Field(key: "url") var url: String
    /// Event types, comma-separated.
    @Field(key: "events") var events: String
    @Field(key: "secret_encrypted") var secretEncrypted: String
    @Field(key: "active") var active: Bool
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    var properties: [any AnyProperty] { [$id, $tenantID, $name, $url, $events, $secretEncrypted, $active, $createdAt] }

    init() {}

    init(tenantID: UUID, name: String, url: String, events: [EventType], secretEncrypted: String) {
        (self.id, self.tenantID, self.name, self.url) = (UUID(), tenantID, name, url)
        self.events = events.map(\.rawValue).sorted().joined(separator: ",")
        (self.secretEncrypted, self.active) = (secretEncrypted, true)
    }

    var eventTypes: [EventType] { events.split(separator: ",").compactMap { EventType(rawValue: String($0)) } }
}

/// One event for one subscription, written in the same transaction as the
/// change it tells of, and kept until delivered or parked.
final class OutboxEvent: Model, TenantOwned, @unchecked Sendable {
    static let schema = "outbox_events"
    static let tenantKey: KeyPath<OutboxEvent, FieldProperty<OutboxEvent, UUID>> = \.$tenantID

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "subscription_id") var subscriptionID: UUID
    /// The CloudEvent's id: the same for every subscription that hears it.
    @Field(key: "event_id") var eventID: UUID
    @Field(key: "type") var type: String
    /// The CloudEvent as it is sent.
    @Field(key: "body") var body: String
    @Field(key: "created_at") var createdAt: Date
    /// Tried until then, and parked after.
    @Field(key: "expires_at") var expiresAt: Date
    @Field(key: "attempts") var attempts: Int
    /// When to try next; none once delivered or parked.
    @OptionalField(key: "next_attempt_at") var nextAttemptAt: Date?
    @OptionalField(key: "delivered_at") var deliveredAt: Date?
    @OptionalField(key: "parked_at") var parkedAt: Date?
    @OptionalField(key: "last_error") var lastError: String?

    var properties: [any AnyProperty] {
        [$id, $tenantID, $subscriptionID, $eventID, $type, $body, $createdAt, $expiresAt, $attempts, $nextAttemptAt, $deliveredAt, $parkedAt, $lastError]
    }

    init() {}

    init(tenantID: UUID, subscriptionID: UUID, eventID: UUID, type: EventType, body: String, at now: Date) {
        (self.id, self.tenantID, self.subscriptionID, self.eventID) = (UUID(), tenantID, subscriptionID, eventID)
        (self.type, self.body, self.createdAt) = (type.rawValue, body, now)
        self.expiresAt = now.addingTimeInterval(DeliveryBackoff.giveUpAfter)
        (self.attempts, self.nextAttemptAt) = (0, now)
    }
}
