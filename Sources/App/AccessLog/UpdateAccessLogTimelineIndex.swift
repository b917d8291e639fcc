import Fluent

/// The household timeline asks for a subject's changes, newest first, among
/// many more reads of that subject (every page view is logged). Indexing the
/// event and time too keeps it from walking all those reads; the old
/// (tenant, subject) index is a prefix of the new one, so it goes.
struct UpdateAccessLogTimelineIndex: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.createIndex("access_log_subject_event_time", on: AccessLogEntry.schema, "tenant_id", "subject_id", "event", "occurred_at")
        try await db.dropIndex("access_log_subject")
    }

    func revert(on db: any Database) async throws {
        try await db.createIndex("access_log_subject", on: AccessLogEntry.schema, "tenant_id", "subject_id")
        try await db.dropIndex("access_log_subject_event_time")
    }
}
