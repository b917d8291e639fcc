/// A Dutch citizen service number (burgerservicenummer): nine digits that pass
/// the 11-check (9·d1 + 8·d2 + … + 2·d8 − 1·d9 is a multiple of 11, and not 0).
public struct BSN: Equatable, Hashable, Sendable {
    public let value: String

    public init?(_ raw: String) {
        var digits = raw.filter { !$0.isWhitespace && $0 != "." && $0 != "-" }
        // Eight-digit numbers are written without their leading zero.
        if digits.count == 8 { digits = "0" + digits }
        guard digits.count == 9, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
              BSN.passesElevenCheck(digits)
        else { return nil }
        value = digits
    }

    static func passesElevenCheck(_ digits: String) -> Bool {
        let numbers = digits.compactMap(\.wholeNumberValue)
        guard numbers.count == 9 else { return false }
        let weights = [9, 8, 7, 6, 5, 4, 3, 2, -1]
        let sum = zip(numbers, weights).reduce(0) { $0 + $1.0 * $1.1 }
        return sum != 0 && sum % 11 == 0
    }

    /// Only the last three digits, for screens that do not need the number.
    public var masked: String { "******" + value.suffix(3) }
}
