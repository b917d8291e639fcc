import Fluent
import Foundation

/// One household's facts as the monitor last counted them, and the day it
/// counted them on: what the next refresh takes back out of the cells
/// before it adds the household's new facts. Its `id` is the household's.
final class MonitorHousehold: Model, TenantOwned, @unchecked Sendable {
    static let schema = "monitor_households"
    static let tenantKey: KeyPath<MonitorHousehold, FieldProperty<MonitorHousehold, UUID>> = \.$tenantID

    @ID(custom: .id, generatedBy: .user) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    /// The facts, as compact JSON (`Fact`'s coding).
    @Field(key: "facts") var facts: String
    /// The day the facts were tallied on: running facts counted up to its month.
    @Field(key: "marked_on") var markedOn: String
    /// When time alone changes the facts (a new month, a deadline): refresh then.
    @OptionalField(key: "recheck_on") var recheckOn: String?

    var properties: [any AnyProperty] { [$id, $tenantID, $facts, $markedOn, $recheckOn] }

    init() {}

    init(household: UUID, tenantID: UUID, facts: String, markedOn: String, recheckOn: String?) {
        (self.id, self.tenantID, self.facts, self.markedOn, self.recheckOn) = (household, tenantID, facts, markedOn, recheckOn)
    }
}

/// The tally of one indicator, period and slice. A slice is stored as a
/// filter ("" or "dimension=value") and a breakdown (dimension and member,
/// or empty), so a page reads a breakdown with one equality lookup.
final class MonitorCell: Model, TenantOwned, @unchecked Sendable {
    static let schema = "monitor_cells"
    static let tenantKey: KeyPath<MonitorCell, FieldProperty<MonitorCell, UUID>> = \.$tenantID

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "indicator") var indicator: String
    @Field(key: "period") var period: String
    @Field(key: "filter") var filter: String
    @Field(key: "breakdown") var breakdown: String
    @Field(key: "member") var member: String
    @Field(key: "subjects") var subjects: Int
    @Field(key: "hits") var hits: Int

    var properties: [any AnyProperty] { [$id, $tenantID, $indicator, $period, $filter, $breakdown, $member, $subjects, $hits] }

    init() {}
}

/// How many subjects of one cell have each value: the histogram a median,
/// percentile or mean is read from (medians cannot be summed; histograms can).
final class MonitorCellValue: Model, TenantOwned, @unchecked Sendable {
    static let schema = "monitor_cell_values"
    static let tenantKey: KeyPath<MonitorCellValue, FieldProperty<MonitorCellValue, UUID>> = \.$tenantID

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "indicator") var indicator: String
    @Field(key: "period") var period: String
    @Field(key: "filter") var filter: String
    @Field(key: "breakdown") var breakdown: String
    @Field(key: "member") var member: String
    @Field(key: "number") var number: Int
    @Field(key: "subjects") var subjects: Int

    var properties: [any AnyProperty] { [$id, $tenantID, $indicator, $period, $filter, $breakdown, $member, $number, $subjects] }

    init() {}
}

/// Per tenant: up to when changes have been counted, and when.
final class MonitorRefresh: Model, TenantOwned, @unchecked Sendable {
    static let schema = "monitor_refreshes"
    static let tenantKey: KeyPath<MonitorRefresh, FieldProperty<MonitorRefresh, UUID>> = \.$tenantID

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    /// Changes at or before this moment are in the cells.
    @OptionalField(key: "watermark") var watermark: Date?
    /// When the last refresh finished: "figures up to".
    @OptionalField(key: "refreshed_at") var refreshedAt: Date?
    @OptionalField(key: "started_at") var startedAt: Date?

    var properties: [any AnyProperty] { [$id, $tenantID, $watermark, $refreshedAt, $startedAt] }

    init() {}

    init(tenantID: UUID) { (self.id, self.tenantID) = (UUID(), tenantID) }
}
