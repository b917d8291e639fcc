import Foundation

/// The talents and interests a profile and an offer name, shipped as data
/// (`Resources/Participation/talents.json`), in groups, in plain Dutch and
/// English. Checked when it loads, as the instruments are.
public struct TalentTaxonomy: Codable, Equatable, Sendable {
    public struct Talent: Codable, Equatable, Sendable {
        public let code: String
        public let label: LocalizedText
    }

    public struct Group: Codable, Equatable, Sendable {
        public let code: String
        public let label: LocalizedText
        public let talents: [Talent]
    }

    public enum Problem: Error, Equatable {
        case duplicateCode(String), badCode(String), incompleteText(String), emptyGroup(String)
    }

    public let version: Int
    public let groups: [Group]

    public init(version: Int, groups: [Group]) { (self.version, self.groups) = (version, groups) }

    public static func load(_ data: Data) throws -> TalentTaxonomy {
        let taxonomy = try JSONDecoder().decode(TalentTaxonomy.self, from: data)
        try taxonomy.validate()
        return taxonomy
    }

    func validate() throws {
        var seen = Set<String>()
        for group in groups {
            try Self.check(group.code, group.label, seen: &seen)
            guard !group.talents.isEmpty else { throw Problem.emptyGroup(group.code) }
            for talent in group.talents { try Self.check(talent.code, talent.label, seen: &seen) }
        }
    }

    private static func check(_ code: String, _ label: LocalizedText, seen: inout Set<String>) throws {
        guard !code.isEmpty, code.count <= 40, code.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }) else { throw Problem.badCode(code) }
        guard label.isComplete else { throw Problem.incompleteText(code) }
        guard seen.insert(code).inserted else { throw Problem.duplicateCode(code) }
    }

    /// Every talent's code (not the groups').
    public var codes: Set<String> { Set(groups.flatMap { $0.talents.map(\.code) }) }

    public func label(of code: String) -> LocalizedText? {
        groups.lazy.flatMap(\.talents).first { $0.code == code }?.label
    }
}
