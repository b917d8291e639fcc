import Domain
import Fluent
import Vapor

/// Creating and changing organisations in a tenant. Each change is logged
/// in the same transaction.
enum OrganizationAdmin {
    enum Outcome {
        case saved(Organization)
        case invalid([ValidationIssue])
        case conflict(current: Organization)
    }

    static func create(_ form: OrganizationForm, tenantID: UUID, req: Request) async throws -> Outcome {
        let valid: OrganizationForm.Valid
        switch form.validate() {
        case .failure(let failure): return .invalid(failure.issues)
        case .success(let value): valid = value
        }
        if try await nameTaken(valid.name, tenantID: tenantID, except: nil, on: req.db) {
            return .invalid([ValidationIssue(field: "name", messageKey: "validation.name_taken")])
        }
        let organization = Organization(tenantID: tenantID, name: valid.name, kind: valid.kind, kvkNumber: valid.kvkNumber)
        organization.intakeEmail = valid.intakeEmail
        organization.partOfMunicipality = valid.partOfMunicipality
        try await req.db.transaction { tx in
            try await organization.create(on: tx)
            try await req.audit("organization.create", outcome: .success, basis: .administration, objectType: "organization", objectID: organization.id?.uuidString, on: tx)
        }
        return .saved(organization)
    }

    static func update(_ organization: Organization, with form: OrganizationForm, req: Request) async throws -> Outcome {
        let valid: OrganizationForm.Valid
        switch form.validate() {
        case .failure(let failure): return .invalid(failure.issues)
        case .success(let value): valid = value
        }
        let id = try organization.requireID()
        if try await nameTaken(valid.name, tenantID: organization.tenantID, except: id, on: req.db) {
            return .invalid([ValidationIssue(field: "name", messageKey: "validation.name_taken")])
        }
        let saved = try await req.db.transaction { tx -> Bool in
            let landed = try await tx.sql.updateVersioned(Organization.schema, id: id, in: organization.tenantID, expectedVersion: form.version ?? 0) {
                $0.set("name", to: valid.name).set("kind", to: valid.kind.rawValue).set("kvk_number", to: valid.kvkNumber).set("intake_email", to: valid.intakeEmail)
                    .set("part_of_municipality", to: valid.partOfMunicipality)
            }
            if landed {
                try await req.audit("organization.update", outcome: .success, basis: .administration, objectType: "organization", objectID: id.uuidString, on: tx)
            }
            return landed
        }
        let current = try await Organization.find(id, in: organization.tenantID, on: req.db)
        return saved ? .saved(current) : .conflict(current: current)
    }

    static func nameTaken(_ name: String, tenantID: UUID, except id: UUID?, on db: any Database) async throws -> Bool {
        let sameName = try await Organization.scoped(to: tenantID, on: db).filter(\.$name == name).first()
        return sameName != nil && sameName?.id != id
    }
}
