import Domain
import Foundation
import Testing

@Suite("Instrument definitions")
struct InstrumentTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func shipped() throws -> [(name: String, data: Data)] {
        let directory = root.appendingPathComponent("Resources/Instruments")
        return try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".json") }
            .map { ($0, try Data(contentsOf: directory.appendingPathComponent($0))) }
    }

    /// A small valid definition to break in one place at a time.
    static func definition(_ change: (inout [String: Any]) -> Void = { _ in }) throws -> Data {
        let text = { (nl: String, en: String) in ["nl": nl, "en": en] }
        var object: [String: Any] = [
            "id": "test-instrument", "version": 1, "chart": "radar",
            "name": text("Test", "Test"), "plainName": text("Test", "Test"),
            "description": text("Omschrijving", "Description"), "plainDescription": text("Uitleg", "Explanation"),
            "scale": (1...3).map { ["value": $0, "label": text("Niveau \($0)", "Level \($0)"), "plain": text("Gewoon \($0)", "Plain \($0)")] },
            "items": ["finances", "housing", "justice"].map { ["id": $0, "domain": $0, "label": text($0, $0), "question": text("Vraag?", "Question?")] },
        ]
        change(&object)
        return try JSONSerialization.data(withJSONObject: object)
    }

    func problem(_ files: [(name: String, data: Data)]) -> InstrumentProblem? {
        do { _ = try InstrumentCatalog.load(files); return nil } catch let problem as InstrumentProblem { return problem } catch { return nil }
    }

    @Test func theShippedInstrumentsLoad() throws {
        let catalog = try InstrumentCatalog.load(try Self.shipped())
        let matrix = try #require(catalog.instrument("self-sufficiency-matrix"))
        #expect(matrix.chart == .radar)
        #expect(matrix.scale.map(\.value) == [1, 2, 3, 4, 5])
        #expect(Set(matrix.items.map(\.lifeDomain)) == Set(LifeDomain.allCases))
        #expect(matrix.items.allSatisfy { $0.levels?.count == 5 })
        #expect(matrix.level(1)?.label == LocalizedText(nl: "Acute problemen", en: "Acute problems"))
        let ladder = try #require(catalog.instrument("participation-ladder"))
        #expect(ladder.chart == .ladder)
        #expect(ladder.scale.map(\.value) == [1, 2, 3, 4, 5, 6])
        #expect(ladder.level(6)?.label.en == "Paid work")
        #expect(ladder.items.map(\.lifeDomain) == [.socialParticipation])
    }

    @Test func aValidDefinitionLoads() throws {
        let catalog = try InstrumentCatalog.load([("test.json", try Self.definition())])
        #expect(catalog.instrument("test-instrument")?.range == 1...3)
    }

    @Test(arguments: [
        ("not json", "not valid JSON"),
        ("{}", "missing field"),
    ])
    func unreadableFilesAreNamed(text: String, expected: String) {
        let found = problem([("broken.json", Data(text.utf8))])
        #expect(found?.file == "broken.json")
        #expect(found?.problem.contains(expected) == true, "\(String(describing: found))")
        #expect(found?.description.contains("broken.json") == true)
    }

    @Test func eachProblemIsReportedWithTheFileName() throws {
        let text = { (nl: String, en: String) in ["nl": nl, "en": en] }
        let cases: [(String, (inout [String: Any]) -> Void)] = [
            ("used twice", { $0["items"] = ["finances", "finances", "justice"].map { ["id": $0, "domain": $0, "label": text($0, $0), "question": text("?", "?")] } }),
            ("without gaps", { $0["scale"] = [1, 2, 4].map { ["value": $0, "label": text("a", "b"), "plain": text("a", "b")] } }),
            ("Dutch (nl) and an English (en)", { $0["name"] = text("Test", "") }),
            ("label and a plain text in nl and en", { $0["scale"] = [1, 2].map { ["value": $0, "label": text("a", " "), "plain": text("a", "b")] } }),
            ("unknown life domain \"money\"", { $0["items"] = ["finances", "money", "justice"].map { ["id": $0, "domain": $0, "label": text($0, $0), "question": text("?", "?")] } }),
            ("at least three items", { $0["items"] = [["id": "finances", "domain": "finances", "label": text("a", "b"), "question": text("?", "?")]] }),
            ("at least one item", { $0["items"] = [[String: Any]](); $0["chart"] = "ladder" }),
            ("invalid value at chart", { $0["chart"] = "pie" }),
            ("exactly the scale's levels", { object in
                var items = object["items"] as! [[String: Any]]
                items[0]["levels"] = [["value": 1, "description": text("a", "b"), "plain": text("a", "b")]]
                object["items"] = items
            }),
        ]
        for (expected, change) in cases {
            let found = problem([("bad-instrument.json", try Self.definition(change))])
            #expect(found?.file == "bad-instrument.json", "\(expected)")
            #expect(found?.problem.contains(expected) == true, "expected “\(expected)”, got \(String(describing: found))")
        }
    }

    @Test func twoFilesCannotDefineTheSameInstrument() throws {
        let found = problem([("a.json", try Self.definition()), ("b.json", try Self.definition())])
        #expect(found?.file == "b.json")
        #expect(found?.problem.contains("already defines") == true)
    }
}
