import Foundation

/// The kinds of data Samenspel keeps for a while and then erases.
public enum RetentionKind: String, CaseIterable, Codable, Sendable {
    /// A household's file (plan, notes, referrals, assessments, members), counted from when it closed.
    case householdFile = "household-file"
    /// The same, when a minor was in the household: the Jeugdwet's longer period.
    case youthFile = "youth-file"
    /// Notifications already read.
    case notifications
}

/// How long one kind of data is kept, as shipped (`Resources/Retention`):
/// a default, the shortest the law allows, whether a resident may ask for
/// earlier erasure, and where that comes from.
public struct RetentionRule: Codable, Sendable, Equatable {
    public let kind: RetentionKind
    public let months: Int
    public let statutoryMinimumMonths: Int
    public let erasableOnRequest: Bool
    public let source: [String: String]

    public init(kind: RetentionKind, months: Int, statutoryMinimumMonths: Int, erasableOnRequest: Bool, source: [String: String]) {
        (self.kind, self.months, self.statutoryMinimumMonths, self.erasableOnRequest, self.source) =
            (kind, months, statutoryMinimumMonths, erasableOnRequest, source)
    }

    /// The longest period anyone may set: a century.
    public static let longestMonths = 1200

    public enum Refusal: Equatable, Sendable {
        case shorterThanTheLaw(minimumMonths: Int)
        case outOfRange
    }

    /// Whether a municipality may keep this kind `months` long.
    public func check(months: Int) -> Refusal? {
        guard (0...Self.longestMonths).contains(months) else { return .outOfRange }
        return months < statutoryMinimumMonths ? .shorterThanTheLaw(minimumMonths: statutoryMinimumMonths) : nil
    }

    /// The rules as shipped, checked: every kind once, each default allowed by its own minimum.
    public static func catalog(_ data: Data) throws -> [RetentionKind: RetentionRule] {
        let rules = try JSONDecoder().decode([RetentionRule].self, from: data)
        var catalog: [RetentionKind: RetentionRule] = [:]
        for rule in rules {
            guard catalog[rule.kind] == nil else { throw CatalogError(problem: "\(rule.kind.rawValue) is listed twice") }
            guard rule.check(months: rule.months) == nil else { throw CatalogError(problem: "\(rule.kind.rawValue): \(rule.months) months is not allowed") }
            guard rule.source["nl"] != nil, rule.source["en"] != nil else { throw CatalogError(problem: "\(rule.kind.rawValue) names no source in Dutch and English") }
            catalog[rule.kind] = rule
        }
        let missing = Set(RetentionKind.allCases).subtracting(catalog.keys)
        guard missing.isEmpty else { throw CatalogError(problem: "no rule for \(missing.map(\.rawValue).sorted())") }
        return catalog
    }

    public struct CatalogError: Error, CustomStringConvertible {
        public let problem: String
        public init(problem: String) { self.problem = problem }
        public var description: String { "retention rules: \(problem)" }
    }
}

/// What a municipality chose for one kind; the shipped rule until it chooses.
public struct RetentionSetting: Sendable, Equatable {
    public let months: Int
    public let erasableOnRequest: Bool

    public init(months: Int, erasableOnRequest: Bool) { (self.months, self.erasableOnRequest) = (months, erasableOnRequest) }
    public init(_ rule: RetentionRule) { self.init(months: rule.months, erasableOnRequest: rule.erasableOnRequest) }
}
