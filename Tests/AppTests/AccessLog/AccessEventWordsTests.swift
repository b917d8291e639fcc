import Domain
import Foundation
import Testing
@testable import App

@Suite("The access log in words")
struct AccessEventWordsTests {
    /// Every event the sources log reads in words for the privacy officer, in both languages.
    @Test func everyLoggedEventHasWords() throws {
        let localizer = try Localizer.load(from: "Resources/Localization")
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../Sources/App").standardized
        let logging = try NSRegularExpression(pattern: #"(?:audit\(|auditChange\(|event: )\s*"([a-z_]+\.[a-z_.]+)""#)
        var events: Set<String> = []
        for file in FileManager.default.enumerator(atPath: sources.path)?.compactMap({ $0 as? String }).filter({ $0.hasSuffix(".swift") }) ?? [] {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for match in logging.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                events.insert(String(text[Range(match.range(at: 1), in: text)!]))
            }
        }
        #expect(events.count > 50)
        // Logged with a status in the name.
        events.formUnion(ReferralStatus.allCases.map { "referral.\($0.rawValue)" } + ConsentStatus.allCases.map { "consent.\($0.rawValue)" })
        // The privacy officer chooses from the known events: each logged one is on that list.
        #expect(events.subtracting(AccessEvents.known).isEmpty, "add to AccessEvents.known: \(events.subtracting(AccessEvents.known).sorted())")
        let reader = DayTextTests.Reader(locale: .nl, localizer: localizer)
        for event in events.union(AccessEvents.known) {
            // Without words for what happened, the code's last part would show as it is.
            let words = reader.eventWords(event), code = event.split(separator: ".", maxSplits: 1).last.map(String.init) ?? event
            #expect(words != event && !words.hasSuffix(code), "\(event) reads as \(words)")
        }
    }
}
