import Foundation

/// Where a service works (HSDS service_area): a four-digit postcode area
/// (PC4, "1234") or a CBS neighbourhood code ("BU03630000"). A service
/// without any area serves the whole tenant.
public enum AreaCode: Hashable, Sendable {
    case postcode4(String)
    case neighbourhood(String)

    public static let postcodeType = "postcode4"
    public static let neighbourhoodType = "neighbourhood"

    /// "1234", "1234AB", "1234 ab" → PC4 "1234"; "bu03630000" → neighbourhood "BU03630000".
    public init?(_ raw: String) {
        let compact = raw.uppercased().filter { !$0.isWhitespace }
        if compact.hasPrefix("BU") {
            let digits = compact.dropFirst(2)
            guard digits.count == 8, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            self = .neighbourhood(compact)
            return
        }
        let digits = compact.prefix(4), letters = compact.dropFirst(4)
        guard digits.count == 4, digits.allSatisfy({ $0.isASCII && $0.isNumber }), digits.first != "0",
              letters.isEmpty || (letters.count == 2 && letters.allSatisfy({ $0.isASCII && $0.isLetter }))
        else { return nil }
        self = .postcode4(String(digits))
    }

    public init?(type: String, extent: String) {
        guard let code = AreaCode(extent) else { return nil }
        switch (type, code) {
        case (Self.postcodeType, .postcode4), (Self.neighbourhoodType, .neighbourhood): self = code
        default: return nil
        }
    }

    public var type: String {
        switch self {
        case .postcode4: Self.postcodeType
        case .neighbourhood: Self.neighbourhoodType
        }
    }

    public var code: String {
        switch self {
        case .postcode4(let code), .neighbourhood(let code): code
        }
    }

    /// A list typed by a person: codes separated by commas, spaces or new lines.
    /// Returns the codes and the pieces that are not a code.
    public static func parseList(_ text: String) -> (codes: [AreaCode], invalid: [String]) {
        var codes: [AreaCode] = [], invalid: [String] = []
        // Keep "1234 AB" together: split on commas and new lines, then on spaces only between codes.
        for piece in text.split(whereSeparator: { $0 == "," || $0 == ";" || $0.isNewline }) {
            let trimmed = piece.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { continue }
            if let code = AreaCode(trimmed) {
                if !codes.contains(code) { codes.append(code) }
                continue
            }
            for word in trimmed.split(separator: " ") {
                if let code = AreaCode(String(word)) { if !codes.contains(code) { codes.append(code) } } else { invalid.append(String(word)) }
            }
        }
        return (codes, invalid)
    }
}
