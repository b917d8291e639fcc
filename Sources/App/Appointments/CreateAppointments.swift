import Fluent

struct CreateAppointments: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(Appointment.schema)
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, .id, onDelete: .cascade))
            .field("id", .uuid, .required)
            // No reference: a household is anonymised, never deleted; erasure deletes its appointments.
            .field("household_id", .uuid, .required)
            .field("domain", .string, .required)
            .field("starts_at", .datetime, .required)
            .field("ends_at", .datetime, .required)
            .field("mode", .string, .required)
            .field("place_encrypted", .string)
            .field("purpose_encrypted", .string, .required)
            .field("with_resident", .bool, .required)
            .field("status", .string, .required)
            .field("resident_note_encrypted", .string)
            .field("created_by", .uuid, .required, .references(User.schema, .id))
            .field("organization_id", .uuid)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .field("version", .int, .required)
            .compositeIdentifier(over: "tenant_id", "id")
            .create()
        try await db.createIndex("appointments_household", on: Appointment.schema, "tenant_id", "household_id", "starts_at")
        // The worklist's week and the day-before reminders.
        try await db.createIndex("appointments_starts", on: Appointment.schema, "tenant_id", "starts_at")
        try await db.schema(AppointmentAttendee.schema)
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, .id, onDelete: .cascade))
            .field("id", .uuid, .required)
            .field("appointment_id", .uuid, .required)
            .field("user_id", .uuid, .required, .references(User.schema, .id, onDelete: .cascade))
            .compositeIdentifier(over: "tenant_id", "id")
            .foreignKey(["tenant_id", "appointment_id"], references: Appointment.schema, ["tenant_id", "id"], onDelete: .cascade)
            .unique(on: "tenant_id", "appointment_id", "user_id")
            .create()
        // A person's appointments on their worklist.
        try await db.createIndex("appointment_attendees_user", on: AppointmentAttendee.schema, "tenant_id", "user_id")
    }

    func revert(on db: any Database) async throws {
        try await db.schema(AppointmentAttendee.schema).delete()
        try await db.schema(Appointment.schema).delete()
    }
}
