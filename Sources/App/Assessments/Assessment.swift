import Domain
import Fluent
import Foundation

/// One scored instrument for one household member on one day, by a
/// professional or by the resident themself. Only the needed items are
/// scored, and why is recorded (data minimisation); the scores live one row
/// per item in `assessment_scores`.
final class Assessment: Model, HouseholdOwned, @unchecked Sendable {
    static let schema = "assessments"
    static let tenantKey: KeyPath<Assessment, FieldProperty<Assessment, UUID>> = \.$tenantID

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "household_id") var householdID: UUID
    @Field(key: "resident_id") var residentID: UUID
    @Field(key: "instrument_id") var instrumentID: String
    @Field(key: "instrument_version") var instrumentVersion: Int
    /// yyyy-MM-dd
    @Field(key: "assessed_on") var assessedOn: String
    /// `AssessmentSource` raw value.
    @Field(key: "source") var source: String
    @Field(key: "assessed_by") var assessedBy: UUID
    @OptionalField(key: "organization_id") var organizationID: UUID?
    /// Why these items were scored, AES-GCM sealed like every free text.
    @OptionalField(key: "reason_encrypted") var reasonEncrypted: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    /// Listed by hand, not found by reflection on every query and row (see ModelPropertyListTests).
    var properties: [any AnyProperty] {
        [
            $id, $tenantID, $householdID, $residentID, $instrumentID, $instrumentVersion, $assessedOn, $source,
            $assessedBy, $organizationID, $reasonEncrypted, $createdAt,
        ]
    }

    init() {}

    init(
        tenantID: UUID, householdID: UUID, residentID: UUID, instrument: Instrument, assessedOn: String,
        source: AssessmentSource, assessedBy: UUID, organizationID: UUID?, reasonEncrypted: String?
    ) {
        self.tenantID = tenantID
        self.householdID = householdID
        self.residentID = residentID
        self.instrumentID = instrument.id
        self.instrumentVersion = instrument.version
        self.assessedOn = assessedOn
        self.source = source.rawValue
        self.assessedBy = assessedBy
        self.organizationID = organizationID
        self.reasonEncrypted = reasonEncrypted
    }

    var assessmentSource: AssessmentSource { AssessmentSource(rawValue: source) ?? .professional }
}

/// Who scored: a professional, or the resident about themself.
enum AssessmentSource: String, Codable, CaseIterable, Sendable {
    case professional
    case own = "self"
}

/// One item's score in one assessment, with the item's life domain so the
/// access rule can filter in the query.
final class AssessmentScore: Model, TenantOwned, @unchecked Sendable {
    static let schema = "assessment_scores"
    static let tenantKey: KeyPath<AssessmentScore, FieldProperty<AssessmentScore, UUID>> = \.$tenantID

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "assessment_id") var assessmentID: UUID
    @Field(key: "item_id") var itemID: String
    @Field(key: "domain") var domain: String
    @Field(key: "score") var score: Int

    /// Listed by hand, not found by reflection on every query and row (see ModelPropertyListTests).
    var properties: [any AnyProperty] { [$id, $tenantID, $assessmentID, $itemID, $domain, $score] }

    init() {}

    init(tenantID: UUID, assessmentID: UUID, item: Instrument.Item, score: Int) {
        self.tenantID = tenantID
        self.assessmentID = assessmentID
        self.itemID = item.id
        self.domain = item.domain
        self.score = score
    }

    var lifeDomain: LifeDomain? { LifeDomain(rawValue: domain) }
}
