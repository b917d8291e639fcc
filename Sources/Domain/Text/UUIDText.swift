import Foundation

private let upperHexDigits = Array("0123456789ABCDEF".utf8)

/// A UUID as the 36-character text that links and the embedded database use,
/// exactly as Foundation's `uuidString` writes it (upper case) and
/// `UUID(uuidString:)` reads it (either case). Foundation goes through
/// `sprintf` and `sscanf` for these on Linux, which showed up on pages that
/// read and link hundreds of ids.
extension UUID {
    public var canonicalText: String {
        let bytes = uuid
        return withUnsafeBytes(of: bytes) { raw in
            String(unsafeUninitializedCapacity: 36) { out in
                var at = 0
                for (index, byte) in raw.enumerated() {
                    if Self.hyphen(before: index) {
                        out[at] = UInt8(ascii: "-"); at += 1
                    }
                    out[at] = upperHexDigits[Int(byte >> 4)]
                    out[at + 1] = upperHexDigits[Int(byte & 0x0f)]
                    at += 2
                }
                return at
            }
        }
    }

    /// Reads what `canonicalText` writes, in upper or lower case; nil for anything else.
    public init?(canonicalText text: String) {
        var text = text
        guard let value = text.withUTF8(Self.parse) else { return nil }
        self = UUID(uuid: value)
    }

    /// "XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX": hyphens before bytes 4, 6, 8 and 10.
    private static func hyphen(before byte: Int) -> Bool {
        byte == 4 || byte == 6 || byte == 8 || byte == 10
    }

    private static func parse(_ utf8: UnsafeBufferPointer<UInt8>) -> uuid_t? {
        guard utf8.count == 36 else { return nil }
        var value: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        let parsed = withUnsafeMutableBytes(of: &value) { bytes in
            var at = 0
            for index in 0..<16 {
                if hyphen(before: index) {
                    guard utf8[at] == UInt8(ascii: "-") else { return false }
                    at += 1
                }
                guard let high = nibble(utf8[at]), let low = nibble(utf8[at + 1]) else { return false }
                bytes[index] = high << 4 | low
                at += 2
            }
            return true
        }
        return parsed ? value : nil
    }

    private static func nibble(_ character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): character - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): character - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): character - UInt8(ascii: "a") + 10
        default: nil
        }
    }
}
