/// A server's reply in SMTP (RFC 5321 4.2): one or more lines of a
/// three-digit code, `-` on every line but the last, then text.
public struct SMTPReply: Sendable, Equatable {
    public let code: Int
    public let lines: [String]

    public init(code: Int, lines: [String]) { (self.code, self.lines) = (code, lines) }

    public var isPositive: Bool { (200..<400).contains(code) }

    /// Whether an EHLO reply advertises `keyword` (e.g. `STARTTLS`, `AUTH`),
    /// and the parameters after it.
    public func extensionParameters(_ keyword: String) -> [String]? {
        for line in lines.dropFirst() {
            let words = line.split(separator: " ").map(String.init)
            if words.first?.uppercased() == keyword.uppercased() { return Array(words.dropFirst()) }
        }
        return nil
    }

    /// Gathers a reply line by line: `add` answers the reply once its last
    /// line arrived, nil while more lines are to come.
    public struct Reader: Sendable {
        var pending: [String] = []
        var code: Int?

        public init() {}

        public mutating func add(line: String) throws(Malformed) -> SMTPReply? {
            let bytes = Array(line.utf8)
            guard bytes.count >= 3, bytes.prefix(3).allSatisfy({ (48...57).contains($0) }), let lineCode = Int(String(line.prefix(3))),
                  (200...599).contains(lineCode), code == nil || code == lineCode else { throw Malformed(line: line) }
            let separator = bytes.count > 3 ? bytes[3] : UInt8(ascii: " ")
            guard separator == UInt8(ascii: " ") || separator == UInt8(ascii: "-") else { throw Malformed(line: line) }
            pending.append(bytes.count > 4 ? String(line.dropFirst(4)) : "")
            code = lineCode
            guard separator == UInt8(ascii: " ") else { return nil }
            defer { (pending, code) = ([], nil) }
            return SMTPReply(code: lineCode, lines: pending)
        }
    }

    public struct Malformed: Error, Equatable {
        public let line: String
        public init(line: String) { self.line = line }
    }
}
