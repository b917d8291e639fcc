import Domain
import Fluent
import Foundation

/// An appointment with the resident and/or team members, about one life
/// domain: read by the access rule for that domain, by the resident when
/// they take part. Its purpose, place and the resident's note are encrypted
/// at rest. `version` counts every change, and is the calendar file's SEQUENCE.
final class Appointment: Model, HouseholdOwned, @unchecked Sendable {
    static let schema = "appointments"
    static let tenantKey: KeyPath<Appointment, FieldProperty<Appointment, UUID>> = \.$tenantID

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "household_id") var householdID: UUID
    @Field(key: "domain") var domain: String
    @Field(key: "starts_at") var startsAt: Date
    @Field(key: "ends_at") var endsAt: Date
    @Field(key: "mode") var mode: String
    @OptionalField(key: "place_encrypted") var placeEncrypted: String?
    @Field(key: "purpose_encrypted") var purposeEncrypted: String
    @Field(key: "with_resident") var withResident: Bool
    @Field(key: "status") var status: String
    @OptionalField(key: "resident_note_encrypted") var residentNoteEncrypted: String?
    @Field(key: "created_by") var createdBy: UUID
    @OptionalField(key: "organization_id") var organizationID: UUID?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date
    @Field(key: "version") var version: Int

    var properties: [any AnyProperty] {
        [$id, $tenantID, $householdID, $domain, $startsAt, $endsAt, $mode, $placeEncrypted, $purposeEncrypted, $withResident, $status,
         $residentNoteEncrypted, $createdBy, $organizationID, $createdAt, $updatedAt, $version]
    }

    init() {}

    var lifeDomain: LifeDomain? { LifeDomain(rawValue: domain) }
    var appointmentStatus: AppointmentStatus { AppointmentStatus(rawValue: status) ?? .cancelled }
    var appointmentMode: AppointmentMode { AppointmentMode(rawValue: mode) ?? .inPerson }
}

/// A team member who takes part in an appointment.
final class AppointmentAttendee: Model, TenantOwned, @unchecked Sendable {
    static let schema = "appointment_attendees"
    static let tenantKey: KeyPath<AppointmentAttendee, FieldProperty<AppointmentAttendee, UUID>> = \.$tenantID

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "appointment_id") var appointmentID: UUID
    @Field(key: "user_id") var userID: UUID

    var properties: [any AnyProperty] { [$id, $tenantID, $appointmentID, $userID] }

    init() {}

    init(_ appointment: Appointment, userID: UUID) throws {
        (self.id, self.tenantID, self.appointmentID, self.userID) = (UUID(), appointment.tenantID, try appointment.requireID(), userID)
    }
}
