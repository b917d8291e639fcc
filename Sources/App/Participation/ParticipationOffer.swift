import Domain
import Fluent
import Foundation

/// A service of the social map that is also a participation offer (issue
/// 24): a volunteer role, activity, course, work place or job, with the
/// talents it suits, its ladder rung, when and where, the support there and
/// the places free. The service keeps its name, provider and description;
/// this row keeps what matching reads.
final class ParticipationOffer: Model, TenantOwned, @unchecked Sendable {
    static let schema = "participation_offers"
    static let tenantKey: KeyPath<ParticipationOffer, FieldProperty<ParticipationOffer, UUID>> = \.$tenantID

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "service_id") var serviceID: UUID
    @Field(key: "kind") var kind: String
    @Field(key: "talents") var talents: String
    @Field(key: "rung") var rung: Int
    /// `HalfDays.mask`; 0: by arrangement.
    @Field(key: "times") var times: Int
    @Field(key: "postcode") var postcode: String
    @Field(key: "postcode4") var postcode4: String
    /// CBS code of the neighbourhood it lies in, found from the postcode when saved (for the monitor).
    @OptionalField(key: "neighbourhood_code") var neighbourhoodCode: String?
    @Field(key: "support") var support: String
    @Field(key: "places") var places: Int
    @Field(key: "places_free") var placesFree: Int
    @Field(key: "version") var version: Int
    @Field(key: "updated_at") var updatedAt: Date

    var properties: [any AnyProperty] {
        [$id, $tenantID, $serviceID, $kind, $talents, $rung, $times, $postcode, $postcode4, $neighbourhoodCode, $support, $places, $placesFree, $version, $updatedAt]
    }

    init() {}

    var terms: OfferTerms { Self.terms(kind: kind, talents: talents, rung: rung, times: times, support: support, placesFree: placesFree) }

    /// The terms from the columns as stored, for a row read without its model (matching reads thousands).
    static func terms(kind: String, talents: String, rung: Int, times: Int, support: String, placesFree: Int) -> OfferTerms {
        OfferTerms(kind: OfferKind(rawValue: kind) ?? .volunteering, talents: Set(ParticipationProfile.codes(talents)), rung: rung,
                   times: HalfDays(mask: times), support: Set(ParticipationProfile.codes(support).compactMap(SupportKind.init(rawValue:))),
                   placesFree: placesFree)
    }

    func fill(_ checked: CheckedOffer) {
        (kind, talents, rung, times) = (checked.terms.kind.rawValue, checked.terms.talents.sorted().joined(separator: ","), checked.terms.rung, checked.terms.times.mask)
        (postcode, postcode4, places, placesFree) = (checked.postcode, checked.postcode4, checked.places, checked.terms.placesFree)
        support = SupportKind.allCases.filter(checked.terms.support.contains).map(\.rawValue).joined(separator: ",")
    }
}

/// Where a four-digit postcode area lies (its centre), for the distance
/// between a resident's home and an offer. Filled from the CBS's PC4
/// centres for a real municipality, by the synthetic one for its own.
final class PostcodeArea: Model, TenantOwned, @unchecked Sendable {
    static let schema = "postcode_areas"
    static let tenantKey: KeyPath<PostcodeArea, FieldProperty<PostcodeArea, UUID>> = \.$tenantID

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "postcode4") var postcode4: String
    @Field(key: "latitude") var latitude: Double
    @Field(key: "longitude") var longitude: Double

    var properties: [any AnyProperty] { [$id, $tenantID, $postcode4, $latitude, $longitude] }

    init() {}

    init(tenantID: UUID, postcode4: String, latitude: Double, longitude: Double) {
        (self.id, self.tenantID, self.postcode4, self.latitude, self.longitude) = (UUID(), tenantID, postcode4, latitude, longitude)
    }

    var coordinates: Coordinates? { Coordinates(latitude: latitude, longitude: longitude) }
}
