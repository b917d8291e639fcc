/// One count as a page, a CSV or the API may show it, after suppression.
///
/// - `shown`: the true count, 0 or 5 and more; never 1–4.
/// - `fewerThanFive`: 1 to 4 people, hidden for its own sake (primary); read "< 5".
/// - `hidden`: withheld so that a "< 5" cannot be worked out from the others
///   (complementary); read "•". It promises nothing about its size: nearly
///   always 5 or more (and suppression assumes readers guess that), but in
///   rare corners a 0 or a 1–4 is withheld this way too.
public enum PublishedCount: Sendable, Hashable {
    case shown(Int)
    case fewerThanFive
    case hidden

    /// The count when it is shown.
    public var value: Int? {
        if case .shown(let value) = self { return value }
        return nil
    }

    public var isShown: Bool { value != nil }

    /// How a cell reads on a page or in a CSV: "12", "< 5" or "•".
    public var text: String {
        switch self {
        case .shown(let value): String(value)
        case .fewerThanFive: "< 5"
        case .hidden: "•"
        }
    }
}

/// In JSON a shown count is a number and a withheld one a fixed string, so a
/// client can never mistake a marker for a count: 12, "fewer-than-5", "suppressed".
extension PublishedCount: Codable {
    static let fewerThanFiveCode = "fewer-than-5"
    static let hiddenCode = "suppressed"

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let value = try? container.decode(Int.self) {
            guard value == 0 || value >= 5 else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "a shown count is 0 or at least 5")
            }
            self = .shown(value)
            return
        }
        switch try container.decode(String.self) {
        case Self.fewerThanFiveCode: self = .fewerThanFive
        case Self.hiddenCode: self = .hidden
        default: throw DecodingError.dataCorruptedError(in: container, debugDescription: "a count, \"\(Self.fewerThanFiveCode)\" or \"\(Self.hiddenCode)\"")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .shown(let value): try container.encode(value)
        case .fewerThanFive: try container.encode(Self.fewerThanFiveCode)
        case .hidden: try container.encode(Self.hiddenCode)
        }
    }
}
