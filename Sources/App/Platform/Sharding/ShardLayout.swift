/// How the schema is laid out for a distributed PostgreSQL that shards by
/// municipality (DESIGN.md §4, issue 27). The one list of which tables are
/// distributed and which are replicated to every node.
enum ShardLayout {
    /// Tables every node holds whole. Not tenant-owned (tenants, the
    /// migrator's bookkeeping), or the identity layer: a login, a session
    /// cookie or an API token arrives before its tenant is known, these
    /// tables stay small (people who work in the platform, not residents),
    /// and every distributed table may keep a foreign key to them.
    static let reference: Set<String> = [
        "_fluent_migrations", "tenants",
        "organizations", "users", "user_sessions", "login_throttles", "recovery_codes", "account_links",
        "api_clients", "api_tokens", "portal_codes", "job_leases",
    ]

    /// The column a distributed table is sharded by. The access log's hash
    /// chain is per tenant ("platform" for events outside one), so it is
    /// sharded by its chain; everything else by `tenant_id`.
    static func distributionColumn(of table: String) -> String? {
        if reference.contains(table) { return nil }
        return table.hasPrefix("access_log_") ? "chain" : "tenant_id"
    }

    static func isDistributed(_ table: String) -> Bool { distributionColumn(of: table) != nil }
}
