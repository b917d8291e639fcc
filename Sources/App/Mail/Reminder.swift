import Fluent
import Foundation

/// That a reminder was given: one per thing and due day, so every server
/// may look for reminders due and each is given once.
final class Reminder: Model, TenantOwned, @unchecked Sendable {
    static let schema = "reminders"
    static let tenantKey: KeyPath<Reminder, FieldProperty<Reminder, UUID>> = \.$tenantID

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "kind") var kind: String
    @Field(key: "object_id") var objectID: UUID
    @Field(key: "due_on") var dueOn: String
    @Field(key: "created_at") var createdAt: Date

    var properties: [any AnyProperty] { [$id, $tenantID, $kind, $objectID, $dueOn, $createdAt] }

    init() {}

    init(tenantID: UUID, kind: String, objectID: UUID, dueOn: String, at now: Date) {
        (self.id, self.tenantID, self.kind, self.objectID, self.dueOn, self.createdAt) = (UUID(), tenantID, kind, objectID, dueOn, now)
    }
}
