import Foundation
import Testing
import VaporTesting
@testable import App

@Suite("Localization")
struct LocalizationTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func table(_ locale: String) throws -> [String: String] {
        let data = try Data(contentsOf: Self.root.appendingPathComponent("Resources/Localization/\(locale).json"))
        return try JSONDecoder().decode([String: String].self, from: data)
    }

    @Test func dutchAndEnglishHaveTheSameKeys() throws {
        let nl = try table("nl"), en = try table("en")
        #expect(Set(nl.keys).subtracting(en.keys).sorted() == [])
        #expect(Set(en.keys).subtracting(nl.keys).sorted() == [])
        #expect(nl.values.allSatisfy { !$0.isEmpty } && en.values.allSatisfy { !$0.isEmpty })
    }

    @Test func everyKeyInATemplateExists() throws {
        let nl = try table("nl")
        let views = Self.root.appendingPathComponent("Resources/Views")
        let files = FileManager.default.enumerator(at: views, includingPropertiesForKeys: nil)!.compactMap { $0 as? URL }.filter { $0.pathExtension == "leaf" }
        #expect(!files.isEmpty)
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in text.matches(of: /#t\("([a-z0-9_.]+)"/) {
                #expect(nl[String(match.1)] != nil, "\(file.lastPathComponent) uses missing key \(match.1)")
            }
            // Leaf reads `#t(…):` as the start of a block, which fails at render time.
            #expect(text.firstMatch(of: /#t\([^)]*\):/) == nil, "\(file.lastPathComponent): a colon right after #t(…)")
        }
    }

    @Test func inTestsAMissingKeyIsMarkedSoTheRenderingTestFails() async throws {
        try await withApp { app in
            #expect(app.localizer.text("portal.event.nonexistent", .nl) == "⟦portal.event.nonexistent⟧")
            #expect(app.localizer.text("login.title", .nl) != "⟦login.title⟧")
            var quiet = app.localizer
            quiet.marksMissingKeys = false
            #expect(quiet.text("portal.event.nonexistent", .en) == "portal.event.nonexistent")
        }
    }

    @Test func placeholdersAreFilledInOnePass() {
        #expect(Localizer.fill("{0} zag {1} op {0}", ["Eva", "het plan"]) == "Eva zag het plan op Eva")
        #expect(Localizer.fill("{1}{0}", ["a", "b"]) == "ba")
        #expect(Localizer.fill("{0} en {1}", ["{1}", "x"]) == "{1} en x", "an argument is not filled in again")
        #expect(Localizer.fill("{2} {x} {} {0", ["a"]) == "{2} {x} {} {0", "what is no placeholder stays")
        #expect(Localizer.fill("Öztürk {0} ✓", ["Ünal"]) == "Öztürk Ünal ✓")
        #expect(Localizer.fill("{10}", Array(repeating: "-", count: 10) + ["tien"]) == "tien")
    }

    @Test func acceptLanguageChoosesTheLanguage() {
        #expect(AppLocale.preferred(acceptLanguage: "en-GB,en;q=0.9,nl;q=0.8") == .en)
        #expect(AppLocale.preferred(acceptLanguage: "de-DE,nl;q=0.5,en;q=0.4") == .nl)
        #expect(AppLocale.preferred(acceptLanguage: "fr, de") == nil)
        #expect(AppLocale.preferred(acceptLanguage: "en;q=0, nl;q=0.1") == .nl)
        #expect(AppLocale.preferred(acceptLanguage: "garbage;;;q=x") == nil)
    }

    @Test func pagesFollowTheChoice() async throws {
        try await withApp { app in
            let client = TestClient(app)
            #expect(try await client.get("/login").body.string.contains(#"<html lang="nl">"#))
            let english = try await client.get("/login", headers: [("Accept-Language", "en-US,en;q=0.9")])
            #expect(english.body.string.contains("Sign in"))
            // An explicit choice is remembered; an unknown one is ignored.
            #expect(try await client.get("/login?lang=en").body.string.contains(#"<html lang="en">"#))
            #expect(try await client.get("/login").body.string.contains(#"<html lang="en">"#))
            let unknown = try await TestClient(app).get("/login?lang=xx")
            #expect(unknown.status == .ok)
            #expect(unknown.body.string.contains(#"<html lang="nl">"#))
        }
    }
}
