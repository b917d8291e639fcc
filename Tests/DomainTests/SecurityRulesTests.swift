import Testing
@testable import Domain

@Suite("Local redirects and spreadsheet cells")
struct SecurityRulesTests {
    @Test(arguments: [
        "/\r\nSet-Cookie: x=1", "/\t/evil.example", "/ x", "//evil.example", "/\\evil.example", "https://evil.example",
        "evil.example", "", "/%0d%0aX: y", "/%2f%2fevil.example", "/%5cevil.example", "/\u{7F}", "/\u{200B}x", "/\u{3000}x",
        "/" + String(repeating: "a", count: 600),
    ])
    func hostileTargetsAreRefused(_ next: String) {
        #expect(LocalRedirect.validated(next) == nil)
    }

    @Test(arguments: ["/", "/portal", "/households/6f1c?tab=plan#goals", "/social-map?q=schuld%20hulp", "/a/b/c"])
    func localPathsPass(_ next: String) {
        #expect(LocalRedirect.validated(next) == next)
    }

    @Test func formulasAreNeutralisedAndRestored() {
        for value in ["=1+1", "+31", "-2", "@A1", "\tx", "\r\nx", "'=x", "''@x", "plain", "'plain", "", "'"] {
            #expect(SpreadsheetCell.restored(SpreadsheetCell.neutralized(value)) == value)
            let safe = SpreadsheetCell.neutralized(value)
            #expect(!(safe.unicodeScalars.first.map { "=+-@\t\r".unicodeScalars.contains($0) } ?? false))
        }
        #expect(SpreadsheetCell.neutralized("=HYPERLINK(\"x\")") == "'=HYPERLINK(\"x\")")
        #expect(SpreadsheetCell.neutralized("Buurtkamer") == "Buurtkamer")
    }
}
