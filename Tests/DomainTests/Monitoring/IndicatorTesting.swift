import Domain
import Foundation
import Testing

/// What the indicator tests share: the shipped definitions and pillars, and
/// short words for writing a household's history by hand.
protocol IndicatorTesting {}

enum ShippedIndicators {
    /// The repository root, found from this file. The tests may run from a
    /// scratch package whose test folder is a symlink into the repository,
    /// so resolve links first and then walk up to the folder with Resources.
    static let root: URL = {
        let here = URL(fileURLWithPath: #filePath)
        for start in [here.resolvingSymlinksInPath(), here] {
            var url = start.deletingLastPathComponent()
            while url.pathComponents.count > 1 {
                if FileManager.default.fileExists(atPath: url.appendingPathComponent("Resources/Indicators").path) { return url }
                url = url.deletingLastPathComponent()
            }
        }
        return here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }()

    static func files() throws -> [(name: String, data: Data)] {
        let directory = root.appendingPathComponent("Resources/Indicators")
        return try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".json") }.sorted()
            .map { ($0, try Data(contentsOf: directory.appendingPathComponent($0))) }
    }

    static let catalog: IndicatorCatalog = try! IndicatorCatalog.load(files())

    /// Life domain → pillar, from Resources/Monitoring/pillars.json.
    static let pillars: [LifeDomain: Pillar] = {
        struct File: Decodable { let domains: [String: String] }
        let data = try! Data(contentsOf: root.appendingPathComponent("Resources/Monitoring/pillars.json"))
        let file = try! JSONDecoder().decode(File.self, from: data)
        return Dictionary(uniqueKeysWithValues: file.domains.map { (LifeDomain(rawValue: $0.key)!, Pillar(rawValue: $0.value)!) })
    }()
}

extension IndicatorTesting {
    var catalog: IndicatorCatalog { ShippedIndicators.catalog }

    func day(_ iso: String) -> CivilDay {
        guard let day = CivilDay(iso) else { fatalError("not a day: \(iso)") }
        return day
    }

    /// Days `first` through `last`; nil `last` runs on.
    func days(_ first: String, _ last: String? = nil) -> DayRange {
        DayRange(first: day(first), last: last.map(day))!
    }

    func facts(_ histories: [HouseholdHistory], today: String) -> [Fact] {
        let extraction = FactExtraction(today: day(today), pillars: ShippedIndicators.pillars)
        return histories.flatMap { extraction.facts(of: $0).facts }
    }

    func tallies(_ histories: [HouseholdHistory], today: String) -> [CellKey: Tally] {
        IndicatorTallies(catalog: catalog, today: day(today)).tallies(facts(histories, today: today))
    }

    /// The cell of `indicator` for a period ("2026-03", "2026-Q1", "2026")
    /// and slice; zero when no fact fell there.
    func cell(_ tallies: [CellKey: Tally], _ indicator: String, _ period: String, _ slice: [Domain.MonitorDimension: String] = [:]) -> Tally {
        #expect(catalog[indicator] != nil, "no indicator \(indicator)")
        let key = CellKey(indicator: indicator, period: Period(id: period)!, slice: Slice(slice))
        return tallies[key] ?? .zero
    }

    /// One member, the head, so compositions and age bands are plain.
    func head(_ id: String, born: String = "1980-05-01") -> HouseholdHistory.Member {
        .init(id: id, birth: day(born), relation: "head")
    }

    /// A team member for `days`, in the given domains.
    func involvement(_ id: String, _ organization: String, _ days: DayRange, domains: [LifeDomain] = [.finances],
                     municipality: Bool = false, coordinator: Bool = false, contact: String? = nil) -> HouseholdHistory.Involvement {
        .init(id: id, organization: organization, isMunicipality: municipality, isCoordinator: coordinator,
              domains: domains, days: days, contactUser: contact)
    }

    func referral(_ id: String, _ domains: [LifeDomain] = [.finances], to receiver: String = "org-b", sent: String?,
                  due: String? = nil, _ steps: [(ReferralStatus, String)] = [], outcome: String? = nil) -> HouseholdHistory.Referral {
        .init(id: id, domains: domains, requester: "org-a", receiver: receiver, sent: sent.map(day), due: due.map(day),
              steps: steps.map { .init($0.0, on: day($0.1), outcome: $0.0.isFinal ? outcome : nil) })
    }

    func matrix(_ id: String, _ resident: String, on date: String, source: String = "professional",
                _ scores: [LifeDomain: Int]) -> HouseholdHistory.Assessment {
        .init(id: id, resident: resident, instrument: "self-sufficiency-matrix", day: day(date), source: source,
              organization: "org-a", scores: scores)
    }

    func ladder(_ id: String, _ resident: String, on date: String, rung: Int) -> HouseholdHistory.Assessment {
        .init(id: id, resident: resident, instrument: "participation-ladder", day: day(date), source: "professional",
              organization: "org-a", scores: [.socialParticipation: rung])
    }
}
