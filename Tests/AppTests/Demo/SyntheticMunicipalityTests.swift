import Domain
import Fluent
import Foundation
import Testing
import Vapor
@testable import App

@Suite("Synthetic municipality")
struct SyntheticMunicipalityTests {
    @Test func nonsenseArgumentsAreRefusedClearly() {
        #expect(SyntheticOptions.parse(residents: nil, seed: nil) == .success(nil))
        #expect(SyntheticOptions.parse(residents: "250", seed: "42") == .success(SyntheticOptions(residents: 250, seed: 42)))
        #expect(SyntheticOptions.parse(residents: "250", seed: nil) == .success(SyntheticOptions(residents: 250, seed: 1)))
        for bad in ["abc", "0", "-5", "1.5", "2000000", ""] {
            guard case .failure(let problem) = SyntheticOptions.parse(residents: bad, seed: nil) else { Issue.record("\(bad) accepted"); continue }
            #expect(problem.description.contains("--residents must be a whole number from 1 to 1000000"))
        }
        #expect(SyntheticOptions.parse(residents: "10", seed: "-1") == .failure(.seed("-1")))
        #expect(SyntheticOptions.parse(residents: nil, seed: "3") == .failure(.seedWithoutResidents))
        #expect(SyntheticOptions.parse(residents: "10", seed: nil, historyMonths: "12") == .success(SyntheticOptions(residents: 10, seed: 1, historyMonths: 12)))
        for bad in ["0", "41", "twelve", ""] {
            #expect(SyntheticOptions.parse(residents: "10", seed: nil, historyMonths: bad) == .failure(.history(bad)))
        }
        #expect(SyntheticOptions.parse(residents: nil, seed: nil, historyMonths: "12") == .failure(.seedWithoutResidents))
    }

    static func generate(_ app: Application, residents: Int, seed: UInt64, historyMonths: Int = 40) async throws -> SyntheticMunicipality.Report {
        try await DemoTenant.seed(app: app)
        let tenantID = try #require(try await Tenant.query(on: app.db).filter(\.$slug == DemoTenant.slug).first()?.id)
        let options = SyntheticOptions(residents: residents, seed: seed, historyMonths: historyMonths)
        return try await SyntheticMunicipality(app: app, options: options, tenantID: tenantID).generate(progress: nil)
    }

    /// A young municipality for the benchmark's "one year against two": nothing before its history began.
    @Test func aShorterHistoryStartsLater() async throws {
        try await withApp { app in
            try await DemoTenant.seed(app: app)
            let demo = Set(try await Household.query(on: app.db).all().compactMap(\.id))
            let tenantID = try #require(try await Tenant.query(on: app.db).filter(\.$slug == DemoTenant.slug).first()?.id)
            let options = SyntheticOptions(residents: 300, seed: 12, historyMonths: 12)
            _ = try await SyntheticMunicipality(app: app, options: options, tenantID: tenantID).generate(progress: nil)
            let earliest = SyntheticHousehold.day(Day.today(), plus: -360)
            let involvements = try await Involvement.query(on: app.db).all().filter { !demo.contains($0.householdID) }
            let assessments = try await Assessment.query(on: app.db).all().filter { !demo.contains($0.householdID) }
            #expect(!involvements.isEmpty && !assessments.isEmpty)
            #expect(involvements.allSatisfy { $0.startsOn >= earliest })
            #expect(assessments.allSatisfy { $0.assessedOn >= earliest })
        }
    }

    @Test func theSameSeedGivesTheSameMunicipality() async throws {
        var first: [String] = [], second: [String] = []
        try await withApp { app in
            let report = try await Self.generate(app, residents: 600, seed: 5)
            #expect(report.residents == 600)
            #expect(try await Resident.query(on: app.db).count() == 600 + 2)  // plus the demo household
            first = try await Household.query(on: app.db).sort(\.$id).all().map { "\($0.id!) \($0.name) \($0.postcode)" }
            // Asking again for the same seed is refused, not doubled.
            await #expect(throws: SyntheticMunicipality.Refusal.self) { _ = try await Self.generate(app, residents: 600, seed: 5) }
        }
        try await withApp { app in
            _ = try await Self.generate(app, residents: 600, seed: 5)
            second = try await Household.query(on: app.db).sort(\.$id).all().map { "\($0.id!) \($0.name) \($0.postcode)" }
        }
        // The demo household is made afresh each time; everything generated is the same.
        #expect(first.count == second.count)
        #expect(Set(first).intersection(second).count == first.count - 1)
    }

    @Test func itIsRealisticEnoughToProveThings() async throws {
        try await withApp { app in
            _ = try await Self.generate(app, residents: 1500, seed: 11)
            let statuses = Set(try await Referral.query(on: app.db).all().map(\.status))
            #expect(statuses == Set(ReferralStatus.allCases.map(\.rawValue)))
            let consents = try await Consent.query(on: app.db).all()
            let states = Set(consents.map { $0.effective(today: Day.today()) })
            #expect(states.isSuperset(of: [.active, .withdrawn, .expired, .refused]))
            // Assessments over two years, professional and own, scored only in the team's domains.
            let assessments = try await Assessment.query(on: app.db).all()
            #expect(Set(assessments.map(\.source)) == ["professional", "self"])
            let days = assessments.map(\.assessedOn).sorted()
            #expect(days.first! < SyntheticHousehold.day(Day.today(), plus: -365) && days.last! <= Day.today())
            let scores = try await AssessmentScore.query(on: app.db).limit(500).all()
            #expect(scores.allSatisfy { (1...6).contains($0.score) })
            // Every resident with a BSN has a valid one, found by its keyed hash.
            let cipher = FieldCipher(key: app.config.keys.field)
            let residents = try await Resident.query(on: app.db).filter(\.$bsnEncrypted != nil).limit(50).all()
            #expect(!residents.isEmpty)
            for resident in residents { #expect(BSN(cipher.openOrNil(resident.bsnEncrypted) ?? "") != nil) }
            // The social map grows with the municipality, beside the demo's providers, and can be searched.
            #expect(try await MapOrganization.query(on: app.db).count() == DemoSocialMap.providers.count + 1)
            let tenantID = try #require(try await Tenant.query(on: app.db).filter(\.$slug == DemoTenant.slug).first()?.id)
            let centre = DutchPlace.neighbourhoods[0]
            let found = try await SocialMapSearch.run(SocialMapQuery(area: AreaCode(String(centre.postcode))), tenantID: tenantID, on: app.db)
            #expect(found.contains { $0.name.hasSuffix(" \(centre.name)") })
            // A district professional sees their households through the access rule, not others'.
            let professional = try #require(try await User.query(on: app.db).filter(\.$username == "s11-noord-1").first())
            let involved = try #require(try await Involvement.query(on: app.db).filter(\.$organizationID == professional.organizationID!).first())
            #expect(try await Household.find(involved.householdID, on: app.db) != nil)
        }
    }

    @Test func aFailingBatchLeavesNothingOfItself() async throws {
        try await withApp { app in
            let tenant = try await Fixtures(app: app).tenant()
            var batch = SyntheticBatch()
            let household = Household(tenantID: try tenant.requireID(), name: "Eerste", street: "Straat 1", postcode: "1234 AB", city: "X", neighbourhoodCode: nil)
            household.id = UUID()
            batch.households = [household]
            let twin = Household(tenantID: try tenant.requireID(), name: "Tweeling", street: "Straat 2", postcode: "1234 AB", city: "X", neighbourhoodCode: nil)
            twin.id = household.id
            batch.households.append(twin)
            await #expect(throws: (any Error).self) { try await batch.write(on: app.db) }
            #expect(try await Household.query(on: app.db).count() == 0)
        }
    }

    @Test func idsComeInOrderAndRepeatWithTheSeed() {
        var first = SeededRandom(seed: 9), again = SeededRandom(seed: 9), other = SeededRandom(seed: 10)
        let ids = (0..<1000).map { _ in first.uuid() }
        // Byte order is what both databases compare UUIDs by.
        let bytes = ids.map { id in withUnsafeBytes(of: id.uuid) { Array($0) } }
        #expect(zip(bytes, bytes.dropFirst()).allSatisfy { $0.lexicographicallyPrecedes($1) })
        #expect(bytes.allSatisfy { $0[6] >> 4 == 8 && $0[8] >> 6 == 0b10 })
        #expect((0..<1000).map { _ in again.uuid() } == ids)
        #expect(Set((0..<1000).map { _ in other.uuid() }).isDisjoint(with: ids))
    }

    @Test func theSocialMapGrowsWithTheMunicipality() {
        var small = SeededRandom(seed: 3), large = SeededRandom(seed: 3), again = SeededRandom(seed: 3)
        let few = SyntheticSocialMap.plan(residents: 10_000, random: &small)
        let many = SyntheticSocialMap.plan(residents: 100_000, random: &large)
        #expect(few.providers.count == 10 && many.providers.count == 100)
        #expect((100...400).contains(many.services.count))
        let domainTerms = Set(LifeDomain.allCases.map { MapTaxonomy.term(for: $0).id })
        #expect(many.services.allSatisfy { !Set($0.termIDs).isDisjoint(with: domainTerms) && $0.links.count == 1 })
        #expect(SyntheticSocialMap.plan(residents: 10_000, random: &again).services.map(\.id) == few.services.map(\.id))
    }
}
