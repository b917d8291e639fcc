import Domain
import Fluent
import Vapor

/// Registering a household: the first resident, the registering
/// organisation as coordinator for the chosen domains and, for a partner
/// organisation, the consent that makes that lawful — all or nothing.
enum HouseholdIntake {
    enum Outcome {
        case created(Household)
        case invalid([ValidationIssue])
        /// A resident with this BSN already exists: it is offered, never duplicated.
        case existingBSN(Resident)
        /// Same name and birth date: probably the same person; confirm to proceed.
        case possibleDuplicate(Resident)
        /// The user has made too many BSN lookups this hour.
        case lookupLimitReached
    }

    static func register(_ form: IntakeForm, actor: Actor, req: Request) async throws -> Outcome {
        guard let organizationID = actor.organizationID,
              let organization = try? await Organization.find(organizationID, in: actor.tenantID, on: req.db)
        else { throw AppError.forbidden }
        let partner = !(organization.partOfMunicipality)
        let today = Day.today()
        let valid: IntakeForm.Valid
        switch form.validate(partner: partner, today: today) {
        case .failure(let failure): return .invalid(failure.issues)
        case .success(let value): valid = value
        }
        let lookup = valid.bsn.map { req.bsnLookup($0) }
        if let lookup {
            // Every lookup is counted and logged: the BSN tells who someone is.
            guard try await IntakeLookupLimit.admit(userID: actor.userID, on: req.db) else {
                try await req.audit("intake.bsn_lookup", outcome: .denied, basis: .none, purpose: "limit_reached")
                return .lookupLimitReached
            }
            let existing = try await Resident.scoped(to: actor.tenantID, on: req.db).filter(\.$bsnLookup == lookup).first()
            try await req.audit("intake.bsn_lookup", outcome: .allowed, basis: partner ? .consent : .involvement, subjectID: existing?.householdID,
                                purpose: existing == nil ? "not_found" : "found", objectType: "resident", objectID: existing?.id?.uuidString)
            if let existing { return .existingBSN(existing) }
        }
        if form.confirm_duplicate != "on", let twin = try await Resident.scoped(to: actor.tenantID, on: req.db)
            .filter(\.$givenName == valid.givenName).filter(\.$familyName == valid.familyName)
            .filter(\.$birthDate == valid.birthDate).first() {
            return .possibleDuplicate(twin)
        }
        let cipher = FieldCipher(key: req.application.config.keys.field)
        let household = Household(
            tenantID: actor.tenantID, name: req.t("household.default_name", valid.familyName), street: valid.street,
            postcode: valid.postcode, city: valid.city, neighbourhoodCode: valid.neighbourhoodCode
        )
        try await req.db.transaction { tx in
            try await household.create(on: tx)
            let householdID = try household.requireID()
            let resident = Resident(
                tenantID: actor.tenantID, householdID: householdID, givenName: valid.givenName,
                familyName: valid.familyName, birthDate: valid.birthDate, relation: .head
            )
            resident.bsnEncrypted = try valid.bsn.map { try cipher.seal($0.value) }
            resident.bsnLookup = lookup
            try resident.setContact(valid.contact, cipher: cipher)
            try await resident.create(on: tx)
            try await Involvement(
                tenantID: actor.tenantID, householdID: householdID, organizationID: organizationID,
                domains: valid.domains, isCoordinator: true, startsOn: today, contactUserID: actor.userID
            ).create(on: tx)
            if let method = valid.consentMethod {
                try await Consent(
                    tenantID: actor.tenantID, householdID: householdID, residentID: try resident.requireID(),
                    recipientOrganizationID: organizationID, domains: valid.domains, purpose: valid.consentPurpose ?? "",
                    validFrom: today, validTo: nil, method: method, status: .given, recordedBy: actor.userID
                ).create(on: tx)
            }
            try await req.audit("household.create", outcome: .success, basis: partner ? .consent : .involvement, subjectID: householdID, objectType: "household", objectID: householdID.uuidString, on: tx)
        }
        return .created(household)
    }
}

extension Request {
    /// The BSN's keyed hash: lets us find a resident by BSN without storing it readable.
    func bsnLookup(_ bsn: BSN) -> String { keyedHash.hex(bsn.value, purpose: "bsn") }
}
