import Domain
import Fluent
import SQLKit
import Vapor

/// Providers (map organisations) and their locations: validated, versioned,
/// logged. Only tenant admins add providers or link them to an organisation.
enum ProviderEditing {
    struct Form: Content {
        var name: String?
        var description: String?
        var email: String?
        var website: String?
        var phones: String?
        var informal: String?
        var organization_id: String?
        var version: Int?
    }

    struct LocationForm: Content {
        var name: String?
        var address_1: String?
        var postal_code: String?
        var city: String?
        var phones: String?
    }

    struct Valid {
        let name: String, description: String, email: String?, website: String?, phones: [String], informal: Bool
        let organizationID: UUID?
    }

    enum Outcome {
        case saved(UUID)
        case invalid([ValidationIssue])
        case conflict(current: MapOrganization)
    }

    static func validate(_ form: Form, organizations: [Organization]) -> Result<Valid, ValidationFailure> {
        var v = FormValidator()
        let name = v.text("name", form.name, maxLength: 120)
        let description = v.text("description", form.description, maxLength: 4000, allowLineBreaks: true)
        let email = MapFieldRules.email(&v, "email", form.email)
        let website = MapFieldRules.url(&v, "website", form.website)
        let phones = MapFieldRules.phones(&v, "phones", form.phones)
        var organizationID: UUID?
        if let raw = form.organization_id, !raw.isEmpty {
            organizationID = UUID(uuidString: raw).flatMap { id in organizations.contains { $0.id == id } ? id : nil }
            if organizationID == nil { v.add("organization_id", "validation.choose_option") }
        }
        guard v.isValid, let name, let description else { return .failure(ValidationFailure(issues: v.issues)) }
        return .success(Valid(name: name, description: description, email: email, website: website, phones: phones,
                              informal: form.informal == "on", organizationID: organizationID))
    }

    static func create(_ form: Form, actor: Actor, req: Request) async throws -> Outcome {
        guard SocialMapRights.canManageMap(role: actor.role) else { throw AppError.forbidden }
        let organizations = try await Organization.scoped(to: actor.tenantID, on: req.db).all()
        let valid: Valid
        switch validate(form, organizations: organizations) {
        case .failure(let failure): return .invalid(failure.issues)
        case .success(let value): valid = value
        }
        let provider = MapOrganization(tenantID: actor.tenantID, name: valid.name, description: valid.description, informal: valid.informal, organizationID: valid.organizationID)
        provider.email = valid.email
        provider.website = valid.website
        try await req.db.transaction { tx in
            try await provider.create(on: tx)
            let id = try provider.requireID()
            for number in valid.phones { try await MapPhone(tenantID: actor.tenantID, mapOrganizationID: id, number: number).create(on: tx) }
            try await req.audit("socialmap.provider.create", outcome: .success, basis: .administration, objectType: "map_organization", objectID: id.uuidString, on: tx)
        }
        return .saved(try provider.requireID())
    }

    /// Editors keep the link to their organisation; only an admin changes it.
    static func update(_ provider: MapOrganization, with form: Form, actor: Actor, req: Request) async throws -> Outcome {
        let organizations = try await Organization.scoped(to: actor.tenantID, on: req.db).all()
        var form = form
        if !SocialMapRights.canManageMap(role: actor.role) { form.organization_id = provider.organizationID?.uuidString }
        let valid: Valid
        switch validate(form, organizations: organizations) {
        case .failure(let failure): return .invalid(failure.issues)
        case .success(let value): valid = value
        }
        let id = try provider.requireID(), expectedVersion = form.version ?? 0
        let landed = try await req.db.transaction { tx -> Bool in
            let landed = try await tx.sql.updateVersioned(MapOrganization.schema, id: id, in: provider.tenantID, expectedVersion: expectedVersion) {
                $0.set("name", to: valid.name).set("description", to: valid.description).set("email", to: valid.email)
                    .set("website", to: valid.website).set("informal", to: valid.informal).set("organization_id", to: valid.organizationID)
            }
            guard landed else { return false }
            try await MapPhone.scoped(to: provider.tenantID, on: tx).filter(\.$mapOrganizationID == id).delete()
            for number in valid.phones { try await MapPhone(tenantID: provider.tenantID, mapOrganizationID: id, number: number).create(on: tx) }
            try await refreshSearchText(providerID: id, name: valid.name, tenantID: provider.tenantID, on: tx)
            try await req.audit("socialmap.provider.update", outcome: .success, basis: .administration, objectType: "map_organization", objectID: id.uuidString, on: tx)
            return true
        }
        if landed { return .saved(id) }
        return .conflict(current: try await MapOrganization.find(id, in: provider.tenantID, on: req.db))
    }

    /// Search looks in the provider's name too: keep its services' text current.
    static func refreshSearchText(providerID: UUID, name: String, tenantID: UUID, on db: any Database) async throws {
        for service in try await Service.scoped(to: tenantID, on: db).filter(\.$mapOrganizationID == providerID).all() {
            service.refreshSearchColumns(providerName: name)
            try await service.save(on: db)
        }
    }

    static func addLocation(_ form: LocationForm, to provider: MapOrganization, req: Request) async throws -> [ValidationIssue] {
        var v = FormValidator()
        let name = v.text("name", form.name, maxLength: 120)
        let address = v.text("address_1", form.address_1, maxLength: 200)
        let postcode = v.text("postal_code", form.postal_code, maxLength: 10).flatMap { raw -> String? in
            if let normalized = Self.postcode(raw) { return normalized }
            v.add("postal_code", "validation.postcode_invalid")
            return nil
        }
        let city = v.text("city", form.city, maxLength: 80)
        let phones = MapFieldRules.phones(&v, "phones", form.phones)
        guard v.isValid, let name, let address, let postcode, let city else { return v.issues }
        let location = MapLocation(tenantID: provider.tenantID, mapOrganizationID: try provider.requireID(), name: name, address1: address, postalCode: postcode, city: city)
        try await req.db.transaction { tx in
            try await location.create(on: tx)
            for number in phones { try await MapPhone(tenantID: provider.tenantID, locationID: try location.requireID(), number: number).create(on: tx) }
            try await req.audit("socialmap.location.create", outcome: .success, basis: .administration, objectType: "map_location", objectID: location.id?.uuidString, on: tx)
        }
        return []
    }

    /// "1234ab" → "1234 AB"; nil when it is not a Dutch postcode.
    static func postcode(_ raw: String) -> String? {
        let compact = raw.uppercased().filter { !$0.isWhitespace }
        guard compact.count == 6, case .postcode4(let digits)? = AreaCode(compact) else { return nil }
        return "\(digits) \(compact.suffix(2))"
    }
}
