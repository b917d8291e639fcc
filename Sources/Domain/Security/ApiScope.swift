/// What an API token may do. Reading is separate from writing so a
/// reporting system can hold a token that cannot change anything.
public enum ApiScope: String, CaseIterable, Codable, Sendable {
    case read, write

    /// Safe methods need `read`; everything else needs `write`.
    public static func required(forMethod method: String) -> ApiScope {
        ["GET", "HEAD", "OPTIONS"].contains(method.uppercased()) ? .read : .write
    }

    /// Parses a space- or comma-separated scope list (OAuth2 style); unknown words make it invalid.
    public static func parse(_ text: String) -> Set<ApiScope>? {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        let scopes = words.compactMap(ApiScope.init(rawValue:))
        guard scopes.count == words.count, !scopes.isEmpty else { return nil }
        return Set(scopes)
    }

    public static func encode(_ scopes: Set<ApiScope>) -> String {
        allCases.filter(scopes.contains).map(\.rawValue).joined(separator: " ")
    }
}

/// How long tokens live.
public enum TokenLifetime {
    /// Personal access tokens: 1 to 365 days, chosen by the person.
    public static let personalDays = 1...365
    /// OAuth2 client-credentials tokens: one hour, then the system asks again.
    public static let clientSeconds = 3600
}
