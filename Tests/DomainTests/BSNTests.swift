import Testing
@testable import Domain

@Suite("BSN 11-check")
struct BSNTests {
    /// Digits 1–8 at random, then the one check digit that makes the sum a multiple of 11 (if any).
    static func randomValid(using generator: inout some RandomNumberGenerator) -> String? {
        let digits = (0..<8).map { _ in Int.random(in: 0...9, using: &generator) }
        let partial = zip(digits, [9, 8, 7, 6, 5, 4, 3, 2]).reduce(0) { $0 + $1.0 * $1.1 }
        guard let last = (0...9).first(where: { (partial - $0) % 11 == 0 }), partial - last != 0 else { return nil }
        return (digits + [last]).map(String.init).joined()
    }

    @Test(arguments: ["111222333", "123456782", "999999990", "11122 2333", "12345678.2"])
    func knownValid(_ raw: String) {
        #expect(BSN(raw) != nil)
    }

    @Test(arguments: ["123456789", "000000000", "12345678", "1234567890", "abcdefghi", "", "１２３４５６７８２"])
    func knownInvalid(_ raw: String) {
        #expect(BSN(raw) == nil)
    }

    @Test func eightDigitsGetTheirLeadingZero() {
        // 0·9 + 1·8 + … : "012345672" passes; written without its zero it still does.
        #expect(BSN("012345672")?.value == "012345672")
        #expect(BSN("12345672")?.value == "012345672")
    }

    /// Property: every number built to pass is accepted, and changing any single
    /// digit of it is always caught (the 11-check detects all single-digit errors).
    @Test func propertySingleDigitErrorsAreAlwaysCaught() {
        var generator = SystemRandomNumberGenerator()
        var tried = 0
        while tried < 2000 {
            guard let valid = Self.randomValid(using: &generator) else { continue }
            tried += 1
            #expect(BSN(valid)?.value == valid)
            var digits = Array(valid)
            let position = Int.random(in: 0..<9, using: &generator)
            let original = digits[position]
            digits[position] = Character(String((original.wholeNumberValue! + Int.random(in: 1...9, using: &generator)) % 10))
            #expect(BSN(String(digits)) == nil, "\(valid) → \(String(digits))")
        }
    }

    @Test func maskShowsOnlyTheLastThree() {
        #expect(BSN("111222333")?.masked == "******333")
    }
}
