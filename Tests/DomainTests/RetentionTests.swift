import Foundation
import Testing
@testable import Domain

@Suite("Retention rules and erasure decisions")
struct RetentionTests {
    static let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Resources/Retention/rules.json").standardized

    @Test func theShippedRulesLoadWithTheirSources() throws {
        let catalog = try RetentionRule.catalog(try Data(contentsOf: Self.shipped))
        #expect(Set(catalog.keys) == Set(RetentionKind.allCases))
        #expect(catalog[.youthFile]?.statutoryMinimumMonths == 240, "Jeugdwet art. 7.3.8: 20 years")
        #expect(catalog.values.allSatisfy { $0.source["nl"]?.isEmpty == false && $0.source["en"]?.isEmpty == false })
    }

    @Test func aPeriodShorterThanTheLawIsRefused() throws {
        let youth = try #require(try RetentionRule.catalog(try Data(contentsOf: Self.shipped))[.youthFile])
        #expect(youth.check(months: 239) == .shorterThanTheLaw(minimumMonths: 240))
        #expect(youth.check(months: 240) == nil)
        #expect(youth.check(months: -1) == .outOfRange)
        #expect(youth.check(months: 1201) == .outOfRange)
    }

    @Test func aCatalogThatBreaksItsOwnMinimumDoesNotLoad() {
        let broken = #"[{"kind": "youth-file", "months": 12, "statutoryMinimumMonths": 240, "erasableOnRequest": true, "source": {"nl": "x", "en": "x"}}]"#
        #expect(throws: RetentionRule.CatalogError.self) { try RetentionRule.catalog(Data(broken.utf8)) }
    }

    let today = CivilDay("2030-06-15")!
    let sevenYears = RetentionSetting(months: 84, erasableOnRequest: true)

    @Test func aFileGoesByItselfOnlyAfterItsPeriodAndNeverUnderAHold() {
        let closed = ErasurePolicy.File(closedOn: CivilDay("2023-06-14")!, hadMinor: false, legalHold: false)
        #expect(ErasurePolicy.expired(closed, setting: sevenYears, today: today), "kept until 2030-06-14")
        #expect(!ErasurePolicy.expired(closed, setting: sevenYears, today: CivilDay("2030-06-14")!), "its last day is still kept")
        #expect(!ErasurePolicy.expired(ErasurePolicy.File(closedOn: CivilDay("2020-01-01")!, hadMinor: false, legalHold: true), setting: sevenYears, today: today))
        #expect(!ErasurePolicy.expired(ErasurePolicy.File(closedOn: nil, hadMinor: false, legalHold: false), setting: sevenYears, today: today))
    }

    @Test func aRequestIsDecidedByTheFileTheHoldAndTheRule() {
        let closed = ErasurePolicy.File(closedOn: CivilDay("2029-01-01")!, hadMinor: false, legalHold: false)
        #expect(ErasurePolicy.decideRequest(closed, setting: sevenYears, today: today) == .erase)
        #expect(ErasurePolicy.decideRequest(ErasurePolicy.File(closedOn: nil, hadMinor: false, legalHold: false), setting: sevenYears, today: today) == .refused(.fileOpen))
        #expect(ErasurePolicy.decideRequest(ErasurePolicy.File(closedOn: CivilDay("2029-01-01")!, hadMinor: false, legalHold: true), setting: sevenYears, today: today) == .refused(.legalHold))
        let kept = RetentionSetting(months: 84, erasableOnRequest: false)
        #expect(ErasurePolicy.decideRequest(closed, setting: kept, today: today) == .refused(.retentionPeriod(until: CivilDay("2036-01-01")!)))
        #expect(ErasurePolicy.decideRequest(ErasurePolicy.File(closedOn: CivilDay("2020-01-01")!, hadMinor: false, legalHold: false), setting: kept, today: today) == .erase,
                "after its period a file may go on request")
    }

    @Test func aMinorIsUnderEighteenOnTheDay() {
        let born = CivilDay("2012-06-15")!
        #expect(ErasurePolicy.isMinor(bornOn: born, on: CivilDay("2030-06-14")!))
        #expect(!ErasurePolicy.isMinor(bornOn: born, on: CivilDay("2030-06-15")!))
        #expect(ErasurePolicy.File(closedOn: nil, hadMinor: true, legalHold: false).kind == .youthFile)
    }
}
