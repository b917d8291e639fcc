/// A histogram as one short text for one database column: "value:count"
/// pairs, lowest value first, joined by commas ("3:2,5:1"); the empty
/// histogram is "". Exactly one text per histogram, so equal histograms
/// store equal texts and a fact rebuilt from scratch compares equal as text.
extension Histogram: CustomStringConvertible, Codable {
    public var text: String {
        buckets.map { "\($0.value):\($0.count)" }.joined(separator: ",")
    }

    public var description: String { text }

    /// Reads `text`; nil unless it is exactly what `text` would write: no
    /// spaces, no leading zeros or "+", counts of at least 1, values strictly
    /// ascending.
    public init?(text: String) {
        self.init()
        guard !text.isEmpty else { return }
        var previous: Int?
        for pair in text.split(separator: ",", omittingEmptySubsequences: false) {
            let parts = pair.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2, let value = Self.canonicalInt(parts[0]), let count = Self.canonicalInt(parts[1]),
                  count >= 1, previous.map({ $0 < value }) ?? true else { return nil }
            add(value, count: count)
            previous = value
        }
    }

    /// An integer written the one way `String(_:)` writes it.
    private static func canonicalInt(_ text: Substring) -> Int? {
        guard let number = Int(text), String(number) == text else { return nil }
        return number
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let histogram = Histogram(text: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a histogram text: \"value:count\" pairs, ascending")
        }
        self = histogram
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}
