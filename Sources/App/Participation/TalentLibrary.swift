import Domain
import Foundation
import Vapor

/// The talent taxonomy, read at start-up from `Resources/Participation/talents.json`;
/// a malformed file stops start-up with the problem named.
extension Application {
    private struct TalentsKey: StorageKey { typealias Value = TalentTaxonomy }

    var talents: TalentTaxonomy {
        get { storage[TalentsKey.self] ?? TalentTaxonomy(version: 0, groups: []) }
        set { storage[TalentsKey.self] = newValue }
    }

    func loadTalents() throws {
        let path = directory.resourcesDirectory + "Participation/talents.json"
        guard let data = FileManager.default.contents(atPath: path) else { throw InstrumentProblem(file: path, problem: "cannot be read") }
        do { talents = try TalentTaxonomy.load(data) } catch { throw InstrumentProblem(file: path, problem: String(describing: error)) }
    }
}

extension Request {
    var talents: TalentTaxonomy { application.talents }
}
