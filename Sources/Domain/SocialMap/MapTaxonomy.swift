import Crypto
import Foundation

/// The social map's taxonomies (HSDS 3.0 taxonomy / taxonomy_term): the 13
/// life domains and the target groups. They are fixed by the platform so
/// every tenant, import and referral speaks the same terms; ids are derived
/// from the codes, so they are stable across installations.
public enum MapTaxonomy: String, CaseIterable, Sendable {
    case lifeDomains = "samenspel-leefgebieden"
    case targetGroups = "samenspel-doelgroepen"

    public var id: UUID { StableID.make("taxonomy", rawValue) }

    public var terms: [MapTerm] {
        switch self {
        case .lifeDomains: LifeDomain.allCases.map { MapTerm(taxonomy: self, code: $0.rawValue) }
        case .targetGroups: TargetGroup.allCases.map { MapTerm(taxonomy: self, code: $0.rawValue) }
        }
    }

    public static var allTerms: [MapTerm] { allCases.flatMap(\.terms) }

    /// A term's id is a hash of its code, so they are looked up in a table made once.
    public static func term(id: UUID) -> MapTerm? { termsByID[id] }

    private static let termsByID = Dictionary(allTerms.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

    public static func term(for domain: LifeDomain) -> MapTerm { MapTerm(taxonomy: .lifeDomains, code: domain.rawValue) }
}

/// One term of a `MapTaxonomy`; its names live in the localization files
/// under `taxonomy.<code>`.
public struct MapTerm: Hashable, Sendable {
    public let taxonomy: MapTaxonomy
    public let code: String

    public var id: UUID { StableID.make(taxonomy.rawValue, code) }
    public var lifeDomain: LifeDomain? { taxonomy == .lifeDomains ? LifeDomain(rawValue: code) : nil }
}

/// Who a service is meant for (doelgroep).
public enum TargetGroup: String, CaseIterable, Codable, Sendable {
    case children, youth, families, adults, elderly
    case disabilities, newcomers, jobseekers
    case informalCarers = "informal_carers"
    case peopleWithDebts = "people_with_debts"
}

/// Name-based UUIDs (version 5 layout over SHA-256), so a code always maps
/// to the same id.
public enum StableID {
    public static func make(_ parts: String...) -> UUID {
        var bytes = Array(SHA256.hash(data: Data(("samenspel:" + parts.joined(separator: ":")).utf8)).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x50
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        return UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                           bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }
}
