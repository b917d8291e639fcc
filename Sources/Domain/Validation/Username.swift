import Foundation

/// Usernames are lowercase and limited to a safe alphabet, so they are
/// unambiguous in logs and cannot smuggle markup or control characters.
public enum Username {
    public static let maximumLength = 64

    public static func normalized(_ raw: String) -> String? {
        let value = raw.trimmingCharacters(in: .whitespaces).lowercased()
        guard (3...maximumLength).contains(value.count),
              value.unicodeScalars.allSatisfy({ allowed.contains($0) })
        else { return nil }
        return value
    }

    private static let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789.-_@".unicodeScalars)
}
