import Fluent
import Foundation

/// A tenant's choice about one indicator of the library: whether its monitor
/// hides it. No row means shown, so a new indicator file appears everywhere.
final class MonitorIndicatorSetting: Model, TenantOwned, @unchecked Sendable {
    static let schema = "monitor_indicator_settings"
    static let tenantKey: KeyPath<MonitorIndicatorSetting, FieldProperty<MonitorIndicatorSetting, UUID>> = \.$tenantID

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "indicator_id") var indicatorID: String
    @Field(key: "hidden") var hidden: Bool
    @Field(key: "updated_at") var updatedAt: Date

    var properties: [any AnyProperty] { [$id, $tenantID, $indicatorID, $hidden, $updatedAt] }

    init() {}
}
