private let hexDigits = Array("0123456789abcdef".utf8)

/// Lower-case hexadecimal, two digits a byte, for hashes and MACs that are
/// stored or compared as text. (`String(format: "%02x")` per byte goes
/// through printf and showed up on every request's CSRF and session check.)
extension Sequence<UInt8> {
    public var hexString: String {
        var out: [UInt8] = []
        out.reserveCapacity(underestimatedCount * 2)
        for byte in self {
            out.append(hexDigits[Int(byte >> 4)])
            out.append(hexDigits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
