import Domain
import Fluent
import Foundation

/// An impact agreement (prestatieafspraak) between the municipality and one
/// partner organisation: a title and, in `ImpactAgreementTarget`, what
/// figure each indicator should reach in which period.
final class ImpactAgreement: Model, TenantOwned, @unchecked Sendable {
    static let schema = "impact_agreements"
    static let tenantKey: KeyPath<ImpactAgreement, FieldProperty<ImpactAgreement, UUID>> = \.$tenantID

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "organization_id") var organizationID: UUID
    @Field(key: "title") var title: String
    @Field(key: "created_by_name") var createdByName: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    var properties: [any AnyProperty] { [$id, $tenantID, $organizationID, $title, $createdByName, $createdAt, $updatedAt] }

    init() {}

    init(tenantID: UUID, organizationID: UUID, title: String, createdByName: String) {
        (self.tenantID, self.organizationID, self.title, self.createdByName) = (tenantID, organizationID, title, createdByName)
    }
}

/// One target of an agreement: the figure an indicator should reach for the
/// partner organisation in one period (a year, quarter or month).
final class ImpactAgreementTarget: Model, TenantOwned, @unchecked Sendable {
    static let schema = "impact_agreement_targets"
    static let tenantKey: KeyPath<ImpactAgreementTarget, FieldProperty<ImpactAgreementTarget, UUID>> = \.$tenantID

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "agreement_id") var agreementID: UUID
    @Field(key: "indicator") var indicator: String
    @Field(key: "period") var period: String
    @Field(key: "target") var target: Double
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    var properties: [any AnyProperty] { [$id, $tenantID, $agreementID, $indicator, $period, $target, $createdAt] }

    init() {}

    init(tenantID: UUID, agreementID: UUID, indicator: String, period: String, target: Double) {
        (self.tenantID, self.agreementID, self.indicator, self.period, self.target) = (tenantID, agreementID, indicator, period, target)
    }
}

/// One revision of a note beside the figures (see `CreateMonitorNotes`).
final class MonitorNote: Model, TenantOwned, @unchecked Sendable {
    static let schema = "monitor_notes"
    static let tenantKey: KeyPath<MonitorNote, FieldProperty<MonitorNote, UUID>> = \.$tenantID

    /// The story behind an indicator's figure, or an agreement's thread.
    enum Topic: String { case story, agreement }

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "topic") var topic: String
    @OptionalField(key: "indicator") var indicator: String?
    @OptionalField(key: "agreement_id") var agreementID: UUID?
    /// A story on an organisation's own monitor; nil on the tenant's.
    @OptionalField(key: "organization_id") var organizationID: UUID?
    @Field(key: "period") var period: String
    @Field(key: "side") var side: String
    @Field(key: "text") var text: String
    @Field(key: "author_id") var authorID: UUID
    /// The author's name when they wrote it: the note stays signed as it was.
    @Field(key: "author_name") var authorName: String
    @OptionalField(key: "replaces_id") var replacesID: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    var properties: [any AnyProperty] {
        [$id, $tenantID, $topic, $indicator, $agreementID, $organizationID, $period, $side, $text, $authorID, $authorName, $replacesID, $createdAt]
    }

    init() {}

    init(tenantID: UUID, topic: Topic, period: String, side: String, text: String, authorID: UUID, authorName: String) {
        (self.tenantID, self.topic, self.period, self.side, self.text) = (tenantID, topic.rawValue, period, side, text)
        (self.authorID, self.authorName) = (authorID, authorName)
    }

    /// The next wording of this note, by `author`, replacing this revision.
    func revised(_ text: String, by authorID: UUID, _ authorName: String) throws -> MonitorNote {
        let next = MonitorNote(tenantID: tenantID, topic: Topic(rawValue: topic) ?? .story, period: period, side: side,
                               text: text, authorID: authorID, authorName: authorName)
        (next.indicator, next.agreementID, next.organizationID, next.replacesID) = (indicator, agreementID, organizationID, try requireID())
        return next
    }

    var revision: NoteRevision { NoteRevision(id: id!, replaces: replacesID, createdAt: createdAt ?? .distantPast) }
}
