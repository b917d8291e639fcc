import Foundation

/// A text in both languages of Samenspel.
public struct LocalizedText: Codable, Hashable, Sendable {
    public let nl: String
    public let en: String

    public init(nl: String, en: String) {
        self.nl = nl
        self.en = en
    }

    /// The text in `language` ("nl" or "en"), Dutch otherwise.
    public func text(_ language: String) -> String { language == "en" ? en : nl }

    var isComplete: Bool {
        !nl.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty && !en.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    }
}

/// A scored instrument, defined as data in `Resources/Instruments/*.json`:
/// items (each in one life domain, so the access rule applies to it), one
/// scale, and every text in Dutch and English, with a plain-language version
/// for residents who assess themselves.
public struct Instrument: Codable, Equatable, Sendable {
    /// How progress on the instrument is drawn.
    public enum Chart: String, Codable, Sendable {
        /// One axis per item (needs three or more items).
        case radar
        /// One line over time per item: a ladder's rung.
        case ladder
    }

    public struct Level: Codable, Equatable, Sendable {
        public let value: Int
        public let label: LocalizedText
        public let plain: LocalizedText
    }

    public struct ItemLevel: Codable, Equatable, Sendable {
        public let value: Int
        public let description: LocalizedText
        public let plain: LocalizedText
    }

    public struct Item: Codable, Equatable, Sendable {
        public let id: String
        /// Raw value of a `LifeDomain`; checked by `validate()`.
        public let domain: String
        public let label: LocalizedText
        /// The plain-language question a resident answers.
        public let question: LocalizedText
        /// Per-level descriptions for this item (optional: the scale's labels otherwise).
        public let levels: [ItemLevel]?

        public var lifeDomain: LifeDomain { LifeDomain(rawValue: domain) ?? .socialParticipation }
    }

    public let id: String
    public let version: Int
    public let chart: Chart
    public let name: LocalizedText
    public let plainName: LocalizedText
    public let description: LocalizedText
    public let plainDescription: LocalizedText
    public let scale: [Level]
    public let items: [Item]

    public var range: ClosedRange<Int> { (scale.first?.value ?? 0)...(scale.last?.value ?? 0) }

    public func item(_ id: String) -> Item? { items.first { $0.id == id } }

    public func level(_ value: Int) -> Level? { scale.first { $0.value == value } }

    /// Items whose life domain `allowed` admits, in the instrument's order.
    public func items(in allowed: (LifeDomain) -> Bool) -> [Item] { items.filter { allowed($0.lifeDomain) } }
}
