import Domain
import Fluent
import Foundation

/// A resident's participation profile (issue 24): what they are good at and
/// like, when and how far they can go, the support they need and what they
/// do not want. Matching reads the codes and numbers; what they wrote in
/// their own words is sealed. One per resident, versioned: every save keeps
/// the one before (`ParticipationProfileRevision`); withdrawing erases both.
final class ParticipationProfile: Model, HouseholdOwned, @unchecked Sendable {
    static let schema = "participation_profiles"
    static let tenantKey: KeyPath<ParticipationProfile, FieldProperty<ParticipationProfile, UUID>> = \.$tenantID

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "household_id") var householdID: UUID
    @Field(key: "resident_id") var residentID: UUID
    /// Talent codes of the taxonomy, comma-separated.
    @Field(key: "talents") var talents: String
    /// `HalfDays.mask`.
    @Field(key: "availability") var availability: Int
    @Field(key: "travel_mode") var travelMode: String
    @Field(key: "max_kilometres") var maxKilometres: Int
    /// `SupportKind` codes, comma-separated.
    @Field(key: "needs") var needs: String
    /// `OfferKind` codes, comma-separated.
    @Field(key: "not_wanted") var notWanted: String
    /// `ProfileTexts` as sealed JSON.
    @Field(key: "texts_encrypted") var textsEncrypted: String
    /// Who wrote this version: the resident, or a professional with them.
    @Field(key: "written_by") var writtenBy: UUID
    @Field(key: "written_by_resident") var writtenByResident: Bool
    @Field(key: "version") var version: Int
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    var properties: [any AnyProperty] {
        [$id, $tenantID, $householdID, $residentID, $talents, $availability, $travelMode, $maxKilometres, $needs, $notWanted,
         $textsEncrypted, $writtenBy, $writtenByResident, $version, $createdAt, $updatedAt]
    }

    init() {}

    /// Matching's view: codes and numbers, with the rung when known.
    func wish(rung: Int?) -> ParticipationWish {
        ParticipationWish(talents: Set(Self.codes(talents)), availability: HalfDays(mask: availability), travel: TravelMode(rawValue: travelMode) ?? .walking,
                          maxKilometres: maxKilometres, needs: Set(Self.codes(needs).compactMap(SupportKind.init(rawValue:))),
                          notWanted: Set(Self.codes(notWanted).compactMap(OfferKind.init(rawValue:))), rung: rung)
    }

    /// Takes a checked form's content (not the version: the caller decides that).
    func fill(_ checked: CheckedProfile, sealedTexts: String, writer: UUID, byResident: Bool, at now: Date) {
        talents = checked.wish.talents.sorted().joined(separator: ",")
        (availability, travelMode, maxKilometres) = (checked.wish.availability.mask, checked.wish.travel.rawValue, checked.wish.maxKilometres)
        needs = SupportKind.allCases.filter(checked.wish.needs.contains).map(\.rawValue).joined(separator: ",")
        notWanted = OfferKind.allCases.filter(checked.wish.notWanted.contains).map(\.rawValue).joined(separator: ",")
        (textsEncrypted, writtenBy, writtenByResident, updatedAt) = (sealedTexts, writer, byResident, now)
    }

    static func codes(_ text: String) -> [String] { text.split(separator: ",").map(String.init) }
}

/// An earlier version of a profile, whole and sealed, for the resident to see what changed.
final class ParticipationProfileRevision: Model, HouseholdOwned, @unchecked Sendable {
    static let schema = "participation_profile_revisions"
    static let tenantKey: KeyPath<ParticipationProfileRevision, FieldProperty<ParticipationProfileRevision, UUID>> = \.$tenantID

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "household_id") var householdID: UUID
    @Field(key: "profile_id") var profileID: UUID
    @Field(key: "version") var version: Int
    /// The profile as it was (`ProfileSnapshot`), sealed.
    @Field(key: "snapshot_encrypted") var snapshotEncrypted: String
    @Field(key: "written_by_resident") var writtenByResident: Bool
    @Field(key: "written_at") var writtenAt: Date

    var properties: [any AnyProperty] { [$id, $tenantID, $householdID, $profileID, $version, $snapshotEncrypted, $writtenByResident, $writtenAt] }

    init() {}
}
