import Domain
import Fluent
import Vapor

/// Recording and withdrawing consent on the household page. Terms once
/// given never change: a change is a new record; withdrawal takes effect
/// at the partner's very next request.
struct ConsentController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.consentNew, use: new)
        routes.post(SiteRoute.consents, use: record)
        routes.post(SiteRoute.consentWithdraw, use: withdraw)
    }

    func new(req: Request) async throws -> Response {
        let opened = try await req.residentAccess().open(req.id(.householdID), .recordConsent, event: "consent.form")
        return try await req.formPage(ConsentNewPage.build(opened, in: req.context()))
    }

    func record(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let opened = try await req.residentAccess().open(req.id(.householdID), .recordConsent, event: "consent.record")
        let household = opened.household
        let householdID = try household.requireID()
        let form = try req.content.decode(ConsentRecordForm.self)
        var validator = FormValidator()
        let resident = try await opened.member(form.resident_id, on: req.db)
        if resident == nil { validator.add("resident_id", "validation.choose_option") }
        let organization = try await Organization.chosen(form.organization_id, in: household.tenantID, on: req.db)
        if organization == nil { validator.add("organization_id", "validation.choose_option") }
        let domains = Set((form.domains ?? []).compactMap(LifeDomain.init(rawValue:)))
        if domains.isEmpty { validator.add("domains", "validation.domains_required") }
        let purpose = validator.text("purpose", form.purpose, maxLength: 200)
        let validFrom = validator.day("valid_from", form.valid_from)?.iso
        var validTo: String?
        if let raw = form.valid_to, !raw.trimmingCharacters(in: .whitespaces).isEmpty {
            validTo = validator.day("valid_to", raw)?.iso
            if let validFrom, let validTo, validTo < validFrom { validator.add("valid_to", "validation.end_before_start") }
        }
        let method = form.method.flatMap(ConsentMethod.init(rawValue:))
        if method == nil || method == .portal { validator.add("method", "validation.choose_option") }
        let status = form.status.flatMap(ConsentStatus.init(rawValue:)) ?? .given
        guard validator.isValid, let resident, let organization, let purpose, let validFrom, let method, status != .withdrawn else {
            return try await req.formPage(ConsentNewPage.build(opened, typed: form, errors: FormErrors(validator.issues, req: req), in: req.context()))
        }
        let endDay = validTo
        try await req.db.transaction { tx in
            let consent = Consent(
                tenantID: household.tenantID, householdID: householdID, residentID: try resident.requireID(),
                recipientOrganizationID: try organization.requireID(), domains: domains, purpose: purpose,
                validFrom: validFrom, validTo: endDay, method: method, status: status, recordedBy: actor.userID
            )
            try await consent.create(on: tx)
            try await req.context().auditChange("consent.\(status.rawValue)", in: opened, objectType: "consent", objectID: consent.id?.uuidString, on: tx)
        }
        return req.redirect(to: SiteRoute.household.path(householdID), notice: .consentRecorded)
    }

    func withdraw(req: Request) async throws -> Response {
        let opened = try await req.residentAccess().open(req.id(.householdID), .recordConsent, event: "consent.withdraw")
        let householdID = try opened.household.requireID()
        guard let consent = try await opened.consent(req.id(.consentID), on: req.db) else { throw AppError.notFound }
        try await ConsentWithdrawal.withdraw(consent, in: opened, req: req)
        return req.redirect(to: SiteRoute.household.path(householdID), notice: .consentWithdrawn)
    }
}

/// Withdrawal, shared by the team's page and the resident's portal.
enum ConsentWithdrawal {
    static func withdraw(_ consent: Consent, in opened: ResidentAccess.Opened, req: Request) async throws {
        guard ConsentRule.canWithdraw(ConsentStatus(rawValue: consent.status) ?? .withdrawn) else { return }
        try await req.db.transaction { tx in
            consent.status = ConsentStatus.withdrawn.rawValue
            consent.withdrawnAt = Date()
            try await consent.save(on: tx)
            try await req.context().auditChange("consent.withdrawn", in: opened, objectType: "consent", objectID: consent.id?.uuidString, on: tx)
            let consentID = try consent.requireID()
            try await EventOutbox.record(.consentWithdrawn, object: consentID, path: SiteRoute.apiConsent.path(consentID), data: ["status": consent.status],
                                         tenantID: consent.tenantID, publicURL: req.application.config.publicURL, on: tx)
            let actor = try req.requireActor()
            try await TeamNotices.tellOrganization(consent.recipientOrganizationID, opened, "notification.consent_withdrawn_partner", actor: actor, on: tx)
            if actor.role == .resident { try await TeamNotices.tellCoordinator(opened, "notification.consent_withdrawn", actor: actor, on: tx) }
        }
    }
}
