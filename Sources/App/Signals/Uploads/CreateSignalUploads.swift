import Fluent

/// Partners' files of signals and the column mapping each partner last used (issue 23).
struct CreateSignalUploads: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(SignalUpload.schema)
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, .id, onDelete: .cascade))
            .field("id", .uuid, .required)
            .field("organization_id", .uuid, .required, .references(Organization.schema, .id, onDelete: .cascade))
            .field("user_id", .uuid, .required, .references(User.schema, .id))
            .field("file_name_encrypted", .string, .required)
            .field("byte_count", .int, .required)
            .field("sha256", .string, .required)
            .field("status", .string, .required)
            .field("mapping", .string)
            .field("mode", .string)
            .field("rows_total", .int, .required)
            .field("rows_valid", .int, .required)
            .field("rows_refused", .int, .required)
            .field("rows_done", .int, .required)
            .field("signals_new", .int, .required)
            .field("problems", .string)
            .field("claimed_until", .datetime)
            .field("created_at", .datetime, .required)
            .field("finished_at", .datetime)
            .field("version", .int, .required)
            .compositeIdentifier(over: "tenant_id", "id")
            .create()
        // A partner's files, newest first; and the imports waiting for a server.
        try await db.createIndex("signal_uploads_organization", on: SignalUpload.schema, "tenant_id", "organization_id", "created_at")
        try await db.createIndex("signal_uploads_status", on: SignalUpload.schema, "tenant_id", "status")
        try await db.schema(SignalColumnMapping.schema)
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, .id, onDelete: .cascade))
            .field("id", .uuid, .required)
            .field("organization_id", .uuid, .required, .references(Organization.schema, .id, onDelete: .cascade))
            .field("mapping", .string, .required)
            .field("updated_at", .datetime, .required)
            .compositeIdentifier(over: "tenant_id", "id")
            .unique(on: "tenant_id", "organization_id")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(SignalColumnMapping.schema).delete()
        try await db.schema(SignalUpload.schema).delete()
    }
}
