/// Cells a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, or a
/// leading tab or carriage return) get an apostrophe in front, as OWASP
/// advises for CSV exports. Every export writes its cells through
/// `neutralized`, and imports read them through `restored`, so a value
/// survives the round trip unchanged, including one that itself starts with
/// apostrophes before such a character.
public enum SpreadsheetCell {
    static let triggers: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    public static func neutralized(_ value: String) -> String {
        startsWithApostrophesThenTrigger(value, atLeast: 0) ? "'" + value : value
    }

    public static func restored(_ value: String) -> String {
        startsWithApostrophesThenTrigger(value, atLeast: 1) ? String(value.dropFirst()) : value
    }

    private static func startsWithApostrophesThenTrigger(_ value: String, atLeast minimum: Int) -> Bool {
        // By scalar, since "\r\n" is one Character.
        let scalars = value.unicodeScalars
        let apostrophes = scalars.prefix { $0 == "'" }.count
        guard apostrophes >= minimum, let next = scalars.dropFirst(apostrophes).first else { return false }
        return triggers.contains(next)
    }
}
