import Domain
import Fluent
import Foundation

/// An organisation registered to send early signals, with the arrears it
/// may report and the conditions for each (as JSON: kind → conditions).
final class SignalPartner: Model, TenantOwned, @unchecked Sendable {
    static let schema = "signal_partners"
    static let tenantKey: KeyPath<SignalPartner, FieldProperty<SignalPartner, UUID>> = \.$tenantID

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "organization_id") var organizationID: UUID
    @Field(key: "conditions") var conditions: String
    @Field(key: "updated_at") var updatedAt: Date
    @Field(key: "version") var version: Int

    var properties: [any AnyProperty] { [$id, $tenantID, $organizationID, $conditions, $updatedAt, $version] }

    init() {}

    init(tenantID: UUID, organizationID: UUID, allowed: [ArrearsKind: SignalConditions], at now: Date) throws {
        (self.id, self.tenantID, self.organizationID, self.updatedAt, self.version) = (UUID(), tenantID, organizationID, now, 1)
        conditions = try Self.encode(allowed)
    }

    var allowed: [ArrearsKind: SignalConditions] {
        guard let decoded = try? JSONDecoder().decode([String: SignalConditions].self, from: Data(conditions.utf8)) else { return [:] }
        return Dictionary(uniqueKeysWithValues: decoded.compactMap { key, value in ArrearsKind(rawValue: key).map { ($0, value) } })
    }

    static func encode(_ allowed: [ArrearsKind: SignalConditions]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(Dictionary(uniqueKeysWithValues: allowed.map { ($0.key.rawValue, $0.value) })), as: UTF8.self)
    }
}

/// Where a case stands for the partners who signalled it: all they are ever told.
enum SignalCaseStatus: String, CaseIterable, Codable, Sendable {
    case received
    case inContact = "in_contact"
    case closed
}

/// How outreach ended.
enum SignalOutcome: String, CaseIterable, Codable, Sendable {
    case acceptedHelp = "accepted_help", declined
    case helpedElsewhere = "helped_elsewhere"
    case notReached = "not_reached"
    case movedAway = "moved_away"
    /// Combined into another case of the same people: not an outcome anyone chooses.
    case combined

    /// The outcomes a person closes a case with.
    static let chosen: [SignalOutcome] = allCases.filter { $0 != .combined }
}

/// The signals of one person or address within the combining window: what
/// the outreach team works on. Its weight (partners, months, money, first
/// day) is kept on the row, so the queue is read in its order by an index.
final class SignalCase: Model, TenantOwned, @unchecked Sendable {
    static let schema = "signal_cases"
    static let tenantKey: KeyPath<SignalCase, FieldProperty<SignalCase, UUID>> = \.$tenantID

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "status") var status: String
    @OptionalField(key: "outcome") var outcome: String?
    @OptionalField(key: "household_id") var householdID: UUID?
    @Field(key: "first_signalled_on") var firstSignalledOn: String
    @Field(key: "last_signalled_on") var lastSignalledOn: String
    @Field(key: "total_arrears_cents") var totalArrearsCents: Int
    @Field(key: "partners") var partners: Int
    @Field(key: "longest_months") var longestMonths: Int
    @OptionalField(key: "first_contact_on") var firstContactOn: String?
    @OptionalField(key: "closed_on") var closedOn: String?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "version") var version: Int
    /// When anything of the case last changed, for the monitor's refresh.
    @OptionalField(key: "updated_at") var updatedAt: Date?
    /// The neighbourhood of its address, as the tenant's households there have it (nil when none does).
    @OptionalField(key: "neighbourhood_code") var neighbourhoodCode: String?
    /// Its place in the queue: `queueKey(weight, id:)`, set with the weight.
    @Field(key: "queue_key") var queueKey: String

    var properties: [any AnyProperty] {
        [$id, $tenantID, $status, $outcome, $householdID, $firstSignalledOn, $lastSignalledOn, $totalArrearsCents, $partners, $longestMonths,
         $firstContactOn, $closedOn, $createdAt, $version, $updatedAt, $neighbourhoodCode, $queueKey]
    }

    init() {}

    var caseStatus: SignalCaseStatus { SignalCaseStatus(rawValue: status) ?? .received }
    var weight: CaseWeight {
        CaseWeight(totalArrearsCents: totalArrearsCents, partners: partners, longestMonths: longestMonths,
                   firstSignalled: CivilDay(firstSignalledOn) ?? CivilDay.today())
    }

    /// The weight's key with the case's id after it, so every key is one
    /// case's and equal weights keep one order (digits and hex only: any
    /// collation sorts them alike).
    static func queueKey(_ weight: CaseWeight, id: UUID) -> String {
        weight.queueKey + id.uuidString.filter { $0 != "-" }
    }
}

/// One partner's report of arrears. Who it is about is encrypted at rest;
/// matching reads only keyed hashes of the address and name.
final class Signal: Model, TenantOwned, @unchecked Sendable {
    static let schema = "signals"
    static let tenantKey: KeyPath<Signal, FieldProperty<Signal, UUID>> = \.$tenantID

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "partner_organization_id") var partnerOrganizationID: UUID
    @Field(key: "reference") var reference: String
    @Field(key: "case_id") var caseID: UUID
    @Field(key: "kind") var kind: String
    @Field(key: "amount_cents") var amountCents: Int
    @Field(key: "months") var months: Int
    @Field(key: "signalled_on") var signalledOn: String
    @Field(key: "person_encrypted") var personEncrypted: String
    @OptionalField(key: "bsn_encrypted") var bsnEncrypted: String?
    @OptionalField(key: "bsn_lookup") var bsnLookup: String?
    @Field(key: "address_key") var addressKey: String
    @OptionalField(key: "name_birth_key") var nameBirthKey: String?
    @Field(key: "name_postcode_key") var namePostcodeKey: String
    @OptionalField(key: "uncertain_cases") var uncertainCases: String?
    @Field(key: "created_at") var createdAt: Date

    var properties: [any AnyProperty] {
        [$id, $tenantID, $partnerOrganizationID, $reference, $caseID, $kind, $amountCents, $months, $signalledOn, $personEncrypted, $bsnEncrypted,
         $bsnLookup, $addressKey, $nameBirthKey, $namePostcodeKey, $uncertainCases, $createdAt]
    }

    init() {}

    var key: SignalMatch.Key { .init(bsnLookup: bsnLookup, address: addressKey, nameAndBirth: nameBirthKey, nameAndPostcode: namePostcodeKey) }
    var arrearsKind: ArrearsKind? { ArrearsKind(rawValue: kind) }
}

/// One try to reach the people of a case.
final class OutreachAttempt: Model, TenantOwned, @unchecked Sendable {
    static let schema = "outreach_attempts"
    static let tenantKey: KeyPath<OutreachAttempt, FieldProperty<OutreachAttempt, UUID>> = \.$tenantID

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "case_id") var caseID: UUID
    @Field(key: "channel") var channel: String
    @Field(key: "attempted_on") var attemptedOn: String
    @Field(key: "reached") var reached: Bool
    @OptionalField(key: "note_encrypted") var noteEncrypted: String?
    @Field(key: "user_id") var userID: UUID
    @Field(key: "created_at") var createdAt: Date

    var properties: [any AnyProperty] { [$id, $tenantID, $caseID, $channel, $attemptedOn, $reached, $noteEncrypted, $userID, $createdAt] }

    init() {}
}

enum OutreachChannel: String, CaseIterable, Codable, Sendable {
    case letter, phone
    case homeVisit = "home_visit"
    case email
    case viaPartner = "via_partner"
}
