import Domain
import Fluent
import Foundation
import Vapor

/// The shipped rules (`Resources/Retention/rules.json`, checked at start-up)
/// and each municipality's own choices over them.
struct RetentionRules: Sendable {
    let catalog: [RetentionKind: RetentionRule]

    static func load(from directory: String) throws -> RetentionRules {
        let path = directory + "/rules.json"
        guard let data = FileManager.default.contents(atPath: path) else { throw RetentionRule.CatalogError(problem: "\(path) is missing") }
        return RetentionRules(catalog: try RetentionRule.catalog(data))
    }

    func rule(_ kind: RetentionKind) -> RetentionRule { catalog[kind]! }

    /// What the tenant chose, or the shipped rule, per kind.
    func settings(tenantID: UUID, on db: any Database) async throws -> [RetentionKind: RetentionSetting] {
        var settings = catalog.mapValues(RetentionSetting.init)
        for row in try await RetentionSettingRow.scoped(to: tenantID, on: db).all() {
            guard let kind = RetentionKind(rawValue: row.kind) else { continue }
            settings[kind] = RetentionSetting(months: row.months, erasableOnRequest: row.erasableOnRequest)
        }
        return settings
    }
}

extension Application {
    private struct RetentionRulesKey: StorageKey { typealias Value = RetentionRules }

    var retentionRules: RetentionRules {
        get { storage[RetentionRulesKey.self]! }
        set { storage[RetentionRulesKey.self] = newValue }
    }
}
