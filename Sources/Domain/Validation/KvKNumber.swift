/// A Dutch Chamber of Commerce (KvK) number: exactly eight digits. The KvK
/// publishes no check digit, so "00000000" is the only other thing we refuse.
public struct KvKNumber: Equatable, Sendable, CustomStringConvertible {
    public let value: String

    public init?(_ raw: String) {
        let compact = raw.filter { !$0.isWhitespace && $0 != "." && $0 != "-" }
        guard compact.count == 8,
              compact.allSatisfy({ $0.isASCII && $0.isNumber }),
              compact != "00000000"
        else { return nil }
        value = compact
    }

    public var description: String { value }
}
