import Domain
import Fluent
import Foundation
import Vapor

/// Loads `Resources/Indicators/*.json` and the pillar of each life domain
/// (`Resources/Monitoring/pillars.json`) at start-up: adding an indicator is
/// adding a file; a file that breaks the rules stops start-up naming it.
enum IndicatorLibrary {
    static func load(from resources: String) throws -> (catalog: IndicatorCatalog, pillars: [LifeDomain: Pillar]) {
        let directory = resources + "Indicators"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            throw IndicatorProblem(file: directory, problem: "the indicators directory cannot be read")
        }
        let files = try names.filter { $0.hasSuffix(".json") }.map { name -> (name: String, data: Data) in
            guard let data = FileManager.default.contents(atPath: "\(directory)/\(name)") else {
                throw IndicatorProblem(file: name, problem: "cannot be read")
            }
            return (name, data)
        }
        return (try IndicatorCatalog.load(files), try pillars(resources + "Monitoring/pillars.json"))
    }

    private struct PillarFile: Decodable { let domains: [String: Pillar] }

    static func pillars(_ path: String) throws -> [LifeDomain: Pillar] {
        guard let data = FileManager.default.contents(atPath: path),
              let file = try? JSONDecoder().decode(PillarFile.self, from: data) else {
            throw IndicatorProblem(file: "pillars.json", problem: "cannot be read: a JSON object with domains: {life domain: income | work | services}")
        }
        var pillars: [LifeDomain: Pillar] = [:]
        for (key, pillar) in file.domains {
            guard let domain = LifeDomain(rawValue: key) else { throw IndicatorProblem(file: "pillars.json", problem: "unknown life domain \(key)") }
            pillars[domain] = pillar
        }
        if let missing = LifeDomain.allCases.first(where: { pillars[$0] == nil }) {
            throw IndicatorProblem(file: "pillars.json", problem: "life domain \(missing.rawValue) has no pillar")
        }
        return pillars
    }
}

extension Application {
    private struct IndicatorsKey: StorageKey { typealias Value = IndicatorCatalog }
    private struct PillarsKey: StorageKey { typealias Value = [LifeDomain: Pillar] }

    var indicators: IndicatorCatalog {
        get { storage[IndicatorsKey.self] ?? IndicatorCatalog([]) }
        set { storage[IndicatorsKey.self] = newValue }
    }

    var pillars: [LifeDomain: Pillar] {
        get { storage[PillarsKey.self] ?? [:] }
        set { storage[PillarsKey.self] = newValue }
    }

    /// A refresher for one tenant with this application's indicators.
    func monitorRefresher(tenantID: UUID, on db: (any Database)? = nil) -> MonitorRefresher {
        var refresher = MonitorRefresher(db: db ?? self.db, tenantID: tenantID, catalog: indicators, pillars: pillars)
        refresher.overlap = config.kpiOverlap
        return refresher
    }
}

extension Request {
    var indicators: IndicatorCatalog { application.indicators }
}
