import Domain
import Fluent
import Foundation

/// Writes an event for every active subscription that asked for its type,
/// on the database (transaction) of the change it tells of: committed with
/// the change or not at all, so a crash between commit and delivery loses
/// nothing. Delivery is `OutboxDelivery`'s, later, never in the request.
enum EventOutbox {
    static func record(_ type: EventType, object: UUID, path: String, data: [String: String]? = nil,
                       tenantID: UUID, publicURL: String, on db: any Database, now: Date = Date()) async throws {
        let subscriptions = try await EventSubscription.scoped(to: tenantID, on: db).filter(\.$active == true).all()
            .filter { $0.eventTypes.contains(type) }
        guard !subscriptions.isEmpty, let tenant = try await Tenant.find(tenantID, on: db) else { return }
        let eventID = UUID()
        let event = CloudEvent(id: eventID, tenant: tenant.slug, type: type, objectID: object, url: publicURL + path, at: now, data: data)
        let body = String(decoding: try event.encoded(), as: UTF8.self)
        for subscription in subscriptions {
            try await OutboxEvent(tenantID: tenantID, subscriptionID: try subscription.requireID(), eventID: eventID, type: type, body: body, at: now).create(on: db)
        }
    }
}
