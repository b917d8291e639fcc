import Domain
import Foundation
import Testing

@Suite("Indicator definitions")
struct IndicatorCatalogTests {
    /// A small valid definition to break in one place at a time.
    static func definition(_ change: (inout [String: Any]) -> Void = { _ in }) throws -> Data {
        let text = { (nl: String, en: String) in ["nl": nl, "en": en] }
        var object: [String: Any] = [
            "id": "test-indicator", "version": 1,
            "name": text("Proef", "Test"), "description": text("Omschrijving", "Description"),
            "question": "how-well", "unit": "percentage", "direction": "higher",
            "fact": "referral-closed", "measure": "share",
            "hit": ["tag": "outcome-known", "values": ["true"]],
            "dimensions": ["organization", "domain"],
        ]
        change(&object)
        return try JSONSerialization.data(withJSONObject: object)
    }

    func problem(_ files: [(name: String, data: Data)]) -> IndicatorProblem? {
        do { _ = try IndicatorCatalog.load(files); return nil } catch let problem as IndicatorProblem { return problem } catch { return nil }
    }

    func problem(_ change: (inout [String: Any]) -> Void) throws -> IndicatorProblem? {
        problem([("broken.json", try Self.definition(change))])
    }

    @Test func theShippedDefinitionsLoad() throws {
        let files = try ShippedIndicators.files()
        let catalog = try IndicatorCatalog.load(files)
        #expect(catalog.all.count == files.count)
        #expect(catalog.all.count >= 20)
        for question in IndicatorDefinition.Question.allCases {
            #expect(!catalog.answering(question).isEmpty, "no indicator answers \(question.rawValue)")
        }
        // Each file is named after the indicator it holds.
        for (name, data) in files {
            let definition = try JSONDecoder().decode(IndicatorDefinition.self, from: data)
            #expect(name == definition.id + ".json")
        }
        // Ordered by question: how much, how well, better off.
        let order = catalog.all.map { IndicatorDefinition.Question.allCases.firstIndex(of: $0.question)! }
        #expect(order == order.sorted())
    }

    @Test func theShippedPillarsPlaceEveryLifeDomain() {
        #expect(Set(ShippedIndicators.pillars.keys) == Set(LifeDomain.allCases))
        #expect(ShippedIndicators.pillars[.finances] == .income)
        #expect(Set(ShippedIndicators.pillars.values) == Set(Pillar.allCases))
    }

    @Test func aValidDefinitionLoads() throws {
        let catalog = try IndicatorCatalog.load([("test-indicator.json", try Self.definition())])
        let indicator = try #require(catalog["test-indicator"])
        #expect(indicator.counting == .start)
        #expect(indicator.filters.isEmpty)
        #expect(indicator.dimensions == [.organization, .domain])
    }

    @Test(arguments: [
        ("not json", "not valid JSON"),
        ("{}", "missing field"),
        (#"{"id": "x", "version": 1"#, "not valid JSON"),
    ])
    func unreadableFilesAreNamed(text: String, expected: String) {
        let found = problem([("broken.json", Data(text.utf8))])
        #expect(found?.file == "broken.json")
        #expect(found?.problem.contains(expected) == true, "\(String(describing: found))")
    }

    @Test func anUnknownFactIsRefused() throws {
        let found = try problem { $0["fact"] = "household-happiness" }
        #expect(found?.file == "broken.json")
        #expect(found?.problem == "invalid value at fact")
    }

    @Test func aDimensionTheFactDoesNotCarryIsRefused() throws {
        // Referrals are not about one person: they have no age band.
        let found = try problem { $0["dimensions"] = ["organization", "age-band"] }
        #expect(found == IndicatorProblem(file: "broken.json", problem: "fact referral-closed cannot be broken down by age-band"))
        let unknown = try problem { $0["dimensions"] = ["shoe-size"] }
        #expect(unknown?.problem == "invalid value at dimensions[0]")
    }

    @Test func aShareNeedsAHit() throws {
        let found = try problem { $0["hit"] = nil }
        #expect(found == IndicatorProblem(file: "broken.json", problem: "a share needs a hit condition"))
        let countWithHit = try problem { $0["measure"] = "count"; $0["unit"] = "count" }
        #expect(countWithHit?.problem == "only a share has a hit condition")
    }

    @Test func aTagTheFactDoesNotCarryIsRefused() throws {
        let found = try problem { $0["hit"] = ["tag": "achieved", "values": ["true"]] }
        #expect(found?.problem == "fact referral-closed has no tag achieved (it has: outcome-known)")
        let filter = try problem { $0["filters"] = [["tag": "source", "values": ["self"]]] }
        #expect(filter?.problem == "fact referral-closed has no tag source (it has: outcome-known)")
    }

    @Test func aMedianNeedsAFactWithAValue() throws {
        let found = try problem { $0["measure"] = "median"; $0["unit"] = "days"; $0["hit"] = nil }
        #expect(found == IndicatorProblem(file: "broken.json", problem: "fact referral-closed has no value to take a median of"))
        let mean = try problem { $0["measure"] = "mean"; $0["unit"] = "points"; $0["hit"] = nil; $0["fact"] = "goal-closed"; $0["dimensions"] = ["domain"] }
        #expect(mean?.problem == "fact goal-closed has no value to take a mean of")
        let fine = try problem { $0["measure"] = "median"; $0["unit"] = "working-days"; $0["hit"] = nil; $0["fact"] = "referral-answered" }
        #expect(fine == nil)
    }

    @Test func theUnitMustFitTheMeasure() throws {
        let found = try problem { $0["unit"] = "days" }
        #expect(found == IndicatorProblem(file: "broken.json", problem: "unit days does not fit measure share"))
        let count = try problem { $0["measure"] = "count"; $0["unit"] = "percentage"; $0["hit"] = nil }
        #expect(count?.problem == "unit percentage does not fit measure count")
        let unknown = try problem { $0["unit"] = "furlongs" }
        #expect(unknown?.problem == "invalid value at unit")
    }

    @Test func caseloadNeedsPerAndKeepsProfessionalsOutOfBreakdowns() throws {
        func caseload(_ change: @escaping (inout [String: Any]) -> Void) throws -> IndicatorProblem? {
            try problem {
                $0["fact"] = "caseload"; $0["measure"] = "median-per"; $0["unit"] = "households"; $0["hit"] = nil
                $0["per"] = "professional"; $0["dimensions"] = ["organization"]
                change(&$0)
            }
        }
        #expect(try caseload { _ in } == nil)
        #expect(try caseload { $0["per"] = nil }?.problem == "median-per needs per: the dimension to count per value of")
        // Listing the per dimension again is harmless: it is never a breakdown.
        #expect(try caseload { $0["dimensions"] = ["organization", "professional"] } == nil)
        #expect(try caseload { $0["measure"] = "count"; $0["per"] = nil; $0["dimensions"] = ["organization", "professional"] }?.problem
            == "professional is only counted per, never shown as a breakdown")
        #expect(try problem { $0["per"] = "organization" }?.problem == "only median-per and p90-per count per a dimension")
    }

    @Test func aDuplicateIdIsRefusedNamingBothFiles() throws {
        let found = problem([("a.json", try Self.definition()), ("b.json", try Self.definition())])
        #expect(found == IndicatorProblem(file: "b.json", problem: "id test-indicator is already used by a.json"))
        #expect(found?.description == "indicator b.json: id test-indicator is already used by a.json")
    }

    @Test func aDutchNameIsRequired() throws {
        let missing = try problem { $0["name"] = ["en": "Test"] }
        #expect(missing == IndicatorProblem(file: "broken.json", problem: "missing field \"nl\" in name"))
        let blank = try problem { $0["name"] = ["nl": "  ", "en": "Test"] }
        #expect(blank?.problem == "name needs a Dutch (nl) and an English (en) text")
        let description = try problem { $0["description"] = ["nl": "Omschrijving", "en": ""] }
        #expect(description?.problem == "description needs a Dutch (nl) and an English (en) text")
    }

    @Test(arguments: ["Test", "test indicator", "test_indicator", ""])
    func idsAreKebabCase(id: String) throws {
        let found = try problem { $0["id"] = id }
        #expect(found?.problem == "id must be lower-case kebab-case (a-z, 0-9, -), at most 60 characters")
    }

    @Test func theVersionStartsAtOne() throws {
        #expect(try problem { $0["version"] = 0 }?.problem == "version must be 1 or more")
        #expect(try problem { $0["version"] = nil }?.problem == "missing field \"version\"")
    }

    @Test func aDimensionListedTwiceIsRefused() throws {
        #expect(try problem { $0["dimensions"] = ["domain", "domain"] }?.problem == "a dimension is listed twice")
    }
}
