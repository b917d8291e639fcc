import Domain
import Fluent
import Vapor

/// `/api/v1`: a household's appointments, and one appointment, under the
/// same access rule as the pages.
struct AppointmentAPIController {
    struct AppointmentDTO: Content {
        let id: UUID
        let householdId: UUID
        let domain: String
        let startsAt: String
        let endsAt: String
        let mode: String
        let place: String?
        let purpose: String
        let withResident: Bool
        let status: String
        let version: Int
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.apiHouseholdAppointments, use: list)
        routes.get(SiteRoute.apiAppointment, use: one)
    }

    func list(req: Request) async throws -> [AppointmentDTO] {
        let opened = try await req.residentAccess().open(req.id(.householdID), .identity, event: "appointment.list")
        let cipher = FieldCipher(key: req.application.config.keys.field)
        return try await opened.appointments(on: req.db).map { try Self.dto($0, cipher: cipher) }
    }

    func one(req: Request) async throws -> AppointmentDTO {
        let (_, appointment) = try await req.residentAccess().openRow(Appointment.self, req.id(.appointmentID), writing: false, event: "appointment.read")
        return try Self.dto(appointment, cipher: FieldCipher(key: req.application.config.keys.field))
    }

    static func dto(_ appointment: Appointment, cipher: FieldCipher) throws -> AppointmentDTO {
        let stamp = { (date: Date) in ISO8601DateFormatter().string(from: date) }
        return AppointmentDTO(
            id: try appointment.requireID(), householdId: appointment.householdID, domain: appointment.domain,
            startsAt: stamp(appointment.startsAt), endsAt: stamp(appointment.endsAt), mode: appointment.mode,
            place: appointment.placeEncrypted.flatMap(cipher.openOrNil), purpose: cipher.openOrNil(appointment.purposeEncrypted) ?? "",
            withResident: appointment.withResident, status: appointment.status, version: appointment.version)
    }
}
