import Fluent
import SQLKit
@testable import App

/// SQLite's table statistics (`sqlite_stat1`) of a municipality of 1,000,000
/// residents, as `ANALYZE` left them after `Benchmarks/generate sqlite
/// 1000000` and `samenspel kpi rebuild`. Loaded into a small test database,
/// they make SQLite plan as it would for the large city: a plan that is
/// cheap for 100 households but walks a whole table there shows up in a test.
enum LargeCityStatistics {
    static let rows: [(table: String, index: String, stat: String)] = [
        ("assessment_scores", "assessment_scores_tenant_domain", "3458657 3458657 266051"),
        ("assessment_scores", "sqlite_autoindex_assessment_scores_1", "3458657 3458657 1"),
        ("assessment_scores", "sqlite_autoindex_assessment_scores_2", "3458657 3458657 3 1"),
        ("assessments", "assessments_created", "1383333 1383333 1"),
        ("assessments", "assessments_household_resident_day", "1383333 1383333 6 6 1"),
        ("assessments", "sqlite_autoindex_assessments_1", "1383333 1383333 1"),
        ("consents", "consents_changed", "1366569 1366569 1"),
        ("consents", "consents_household", "1366569 1366569 4"),
        ("consents", "sqlite_autoindex_consents_1", "1366569 1366569 1"),
        ("goals", "goals_changed", "1298943 1298943 1"),
        ("goals", "goals_household", "1298943 1298943 4"),
        ("goals", "sqlite_autoindex_goals_1", "1298943 1298943 1"),
        ("households", "households_changed", "425474 425474 1"),
        ("households", "households_tenant_name_id", "425474 425474 11819 1"),
        ("households", "sqlite_autoindex_households_1", "425474 425474 1"),
        ("involvements", "involvements_changed", "1005034 1005034 1"),
        ("involvements", "involvements_contact", "1005034 1005034 89"),
        ("involvements", "involvements_household_organization", "1005034 1005034 3 2 1 1"),
        ("involvements", "involvements_organization_contact", "1005034 1005034 100504 89"),
        ("involvements", "sqlite_autoindex_involvements_1", "1005034 1005034 1"),
        ("monitor_households", "monitor_households_recheck", "425474 425474 2418"),
        ("monitor_households", "sqlite_autoindex_monitor_households_1", "425474 425474 1"),
        ("plan_versions", "plan_versions_household", "656728 656728 2"),
        ("plan_versions", "plan_versions_signed", "656728 656728 1"),
        ("plan_versions", "sqlite_autoindex_plan_versions_1", "656728 656728 1"),
        ("plan_versions", "sqlite_autoindex_plan_versions_2", "656728 656728 2 1"),
        ("referral_events", "referral_events_referral", "1703846 3"),
        ("referral_events", "sqlite_autoindex_referral_events_1", "1703846 1703846 1"),
        ("referrals", "referrals_changed", "680726 680726 1"),
        ("referrals", "referrals_household_receiver", "680726 680726 3 2"),
        ("referrals", "referrals_receiver_due", "680726 680726 136146 16604 24"),
        ("referrals", "referrals_receiver_updated", "680726 680726 136146 1"),
        ("referrals", "referrals_requester", "680726 680726 97247 11160"),
        ("referrals", "referrals_requester_updated", "680726 680726 97247 1"),
        ("referrals", "sqlite_autoindex_referrals_1", "680726 680726 1"),
        ("residents", "residents_changed", "1000002 1000002 1"),
        ("residents", "residents_household", "1000002 1000002 3"),
        ("residents", "residents_user", "1000002 1000002 500001"),
        ("residents", "sqlite_autoindex_residents_1", "1000002 1000002 1"),
        ("residents", "sqlite_autoindex_residents_2", "1000002 1000002 2"),
    ]

    /// Replaces the database's statistics with the large city's, and has
    /// SQLite read them again.
    static func load(on db: any Database) async throws {
        try await db.sql.raw("ANALYZE sqlite_schema").run()
        try await db.sql.raw("DELETE FROM sqlite_stat1").run()
        for row in rows {
            try await db.sql.raw("INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES (\(bind: row.table), \(bind: row.index), \(bind: row.stat))").run()
        }
        try await db.sql.raw("ANALYZE sqlite_schema").run()
    }
}
