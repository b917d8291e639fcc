import Foundation
import Testing
@testable import Domain

@Suite("Social map rules")
struct SocialMapRulesTests {
    func candidate(_ name: String, _ description: String = "", capacity: ServiceCapacity = .available, wait: Int? = nil, accepts: Bool = true) -> ServiceRanking.Candidate {
        .init(name: name, description: description, organizationName: "Org", capacity: capacity, expectedWaitWeeks: wait, acceptsReferrals: accepts)
    }

    @Test func nameMatchesComeBeforeDescriptionMatches() {
        let inDescription = candidate("Budgetcoaching", "hulp bij schulden")
        let inName = candidate("Schuldhulp", capacity: .noCapacity)
        #expect(ServiceRanking.rank([inDescription, inName], query: "schuld").map(\.name) == ["Schuldhulp", "Budgetcoaching"])
        // All words in the name beat some words in the name.
        let some = candidate("Schuldhulp", "jongeren")
        let all = candidate("Schuldhulp jongeren", capacity: .waitingList)
        #expect(ServiceRanking.rank([some, all], query: "schuldhulp jongeren").map(\.name) == ["Schuldhulp jongeren", "Schuldhulp"])
    }

    @Test func capacityThenWaitThenReferralsThenName() {
        let none = candidate("A", capacity: .noCapacity)
        let longWait = candidate("B", capacity: .waitingList, wait: 8)
        let shortWait = candidate("C", capacity: .waitingList, wait: 2)
        let available = candidate("D")
        let noReferrals = candidate("A0", accepts: false)
        let ranked = ServiceRanking.rank([none, longWait, shortWait, noReferrals, available], query: "")
        #expect(ranked.map(\.name) == ["D", "A0", "C", "B", "A"])
    }

    @Test func namesIgnoreCaseAndAccentsAndCountNumbersByValue() {
        let names = ["huis 10", "Huis 2", "Één loket", "een Loket", "Ezel", "Eerste hulp", "Huis 2a"]
        let ranked = ServiceRanking.rank(names.map { candidate($0) }, query: "").map(\.name)
        #expect(ranked == ["een Loket", "Één loket", "Eerste hulp", "Ezel", "Huis 2", "Huis 2a", "huis 10"])
        #expect(ServiceRanking.nameKey("Één Loket 7") == ServiceRanking.nameKey("een loket 007"))
    }

    @Test func queryWordsAreLowerCasedAndDeduplicated() {
        #expect(ServiceRanking.words("Schuld, schuld! Hulp%_") == ["schuld", "hulp"])
        #expect(ServiceRanking.words("   ") == [])
    }

    @Test func openingHoursAndOpenNow() throws {
        let opening = WeeklyOpening(weekday: .monday, opensAt: 9 * 60, closesAt: 17 * 60)
        #expect(opening.isOpen(on: .monday, at: 9 * 60))
        #expect(!opening.isOpen(on: .monday, at: 17 * 60))
        #expect(!opening.isOpen(on: .tuesday, at: 10 * 60))
        #expect(WeeklyOpening.minutes("09:30") == 570)
        #expect(WeeklyOpening.minutes("24:00") == nil)
        #expect(WeeklyOpening.minutes("9:30") == nil)
        #expect(WeeklyOpening.minutes("09:30:00") == 570)
        // Monday 2026-03-30 08:30 UTC is 10:30 in Amsterdam (summer time).
        let date = try #require(ISO8601DateFormatter().date(from: "2026-03-30T08:30:00Z"))
        let (day, minute) = WeeklyOpening.moment(date, in: TimeZone(identifier: "Europe/Amsterdam")!)
        #expect(day == .monday && minute == 630)
    }

    @Test func areaCodes() {
        #expect(AreaCode("1234 ab") == .postcode4("1234"))
        #expect(AreaCode("1234") == .postcode4("1234"))
        #expect(AreaCode("bu03630000") == .neighbourhood("BU03630000"))
        #expect(AreaCode("0123") == nil)
        #expect(AreaCode("12345") == nil)
        #expect(AreaCode("BU123") == nil)
        let (codes, invalid) = AreaCode.parseList("1234 AB, 1235\nBU03630000, nope")
        #expect(codes == [.postcode4("1234"), .postcode4("1235"), .neighbourhood("BU03630000")])
        #expect(invalid == ["nope"])
    }

    @Test func editingRights() {
        let org = UUID(), other = UUID()
        #expect(SocialMapRights.canEdit(role: .tenantAdmin, actorOrganizationID: nil, providerOrganizationID: nil))
        #expect(SocialMapRights.canEdit(role: .professional, actorOrganizationID: org, providerOrganizationID: org))
        #expect(!SocialMapRights.canEdit(role: .professional, actorOrganizationID: org, providerOrganizationID: other))
        #expect(!SocialMapRights.canEdit(role: .professional, actorOrganizationID: org, providerOrganizationID: nil))
        #expect(!SocialMapRights.canEdit(role: .volunteer, actorOrganizationID: org, providerOrganizationID: org))
        #expect(!SocialMapRights.canEdit(role: .resident, actorOrganizationID: nil, providerOrganizationID: nil))
        #expect(!SocialMapRights.canManageMap(role: .professional))
    }
}
