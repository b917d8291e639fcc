import Domain
import Fluent
import Foundation

/// An entry of the social map (HSDS service): what a provider offers, to
/// whom, at what cost, and whether it can take someone now.
final class Service: Model, TenantOwned, @unchecked Sendable {
    static let schema = "services"
    static let tenantKey: KeyPath<Service, FieldProperty<Service, UUID>> = \.$tenantID

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "map_organization_id") var mapOrganizationID: UUID
    @Field(key: "name") var name: String
    @Field(key: "description") var description: String
    @OptionalField(key: "url") var url: String?
    @OptionalField(key: "email") var email: String?
    /// HSDS status: active, inactive, defunct, temporarily closed.
    @Field(key: "status") var status: String
    @Field(key: "eligibility_description") var eligibilityDescription: String
    @Field(key: "fees_description") var feesDescription: String
    /// ISO 639-1 codes, comma-separated.
    @Field(key: "languages") var languages: String
    @Field(key: "capacity") var capacity: String
    @OptionalField(key: "expected_wait_weeks") var expectedWaitWeeks: Int?
    @Field(key: "accepts_referrals") var acceptsReferrals: Bool
    /// Working days within which a referral must be answered.
    @Field(key: "response_days") var responseDays: Int
    /// Lower-cased name, description and organisation name, for search.
    @Field(key: "search_text") var searchText: String
    /// The lower-cased name: search ranks a word in the name above one elsewhere.
    @Field(key: "name_text") var nameText: String
    /// `ServiceRanking.standingKey`: the database ranks the map by it.
    @Field(key: "rank_key") var rankKey: Data
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    /// Listed by hand, not found by reflection on every query and row (see ModelPropertyListTests).
    var properties: [any AnyProperty] {
        [
            $id, $tenantID, $mapOrganizationID, $name, $description, $url, $email, $status,
            $eligibilityDescription, $feesDescription, $languages, $capacity, $expectedWaitWeeks,
            $acceptsReferrals, $responseDays, $searchText, $nameText, $rankKey, $version, $createdAt, $updatedAt,
        ]
    }

    init() {}

    init(id: UUID? = nil, tenantID: UUID, mapOrganizationID: UUID, name: String, description: String) {
        self.id = id
        self.tenantID = tenantID
        self.mapOrganizationID = mapOrganizationID
        self.name = name
        self.description = description
        self.status = ServiceStatus.active.rawValue
        self.eligibilityDescription = ""
        self.feesDescription = ""
        self.languages = "nl"
        self.capacity = ServiceCapacity.available.rawValue
        self.acceptsReferrals = true
        self.responseDays = 5
        self.searchText = ""
        self.nameText = ""
        self.rankKey = Data()
        self.version = 1
    }

    var serviceCapacity: ServiceCapacity { ServiceCapacity(rawValue: capacity) ?? .available }
    var languageCodes: [String] { languages.split(separator: ",").map { String($0) } }
    var isActive: Bool { status == ServiceStatus.active.rawValue }

    /// What search and ranking read, kept with the row: call after changing
    /// the name, description, eligibility, capacity, wait or referrals.
    func refreshSearchColumns(providerName: String) {
        searchText = Self.searchText(name: name, description: description, organizationName: providerName, eligibility: eligibilityDescription)
        nameText = name.lowercased()
        rankKey = Data(ServiceRanking.standingKey(.init(
            name: name, description: description, organizationName: providerName, capacity: serviceCapacity,
            expectedWaitWeeks: expectedWaitWeeks, acceptsReferrals: acceptsReferrals
        )))
    }
}

/// A service's place in a taxonomy (HSDS attribute linking a service to a
/// taxonomy term): its life domains and target groups.
final class ServiceTerm: Model, TenantOwned, @unchecked Sendable {
    static let schema = "service_terms"
    static let tenantKey: KeyPath<ServiceTerm, FieldProperty<ServiceTerm, UUID>> = \.$tenantID

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "service_id") var serviceID: UUID
    @Field(key: "term_id") var termID: UUID

    /// Listed by hand, not found by reflection on every query and row (see ModelPropertyListTests).
    var properties: [any AnyProperty] { [$id, $tenantID, $serviceID, $termID] }

    init() {}

    init(id: UUID? = nil, tenantID: UUID, serviceID: UUID, termID: UUID) {
        self.id = id
        self.tenantID = tenantID
        self.serviceID = serviceID
        self.termID = termID
    }
}
