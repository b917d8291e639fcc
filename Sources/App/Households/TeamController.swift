import Domain
import Fluent
import Vapor

/// The team around a household: the coordinator adds organisations for
/// some life domains, and can hand coordination over. A partner
/// organisation joins only for domains the resident consented to share.
struct TeamController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.involvementNew, use: new)
        routes.post(SiteRoute.involvements, use: add)
        routes.post(SiteRoute.involvementEnd, use: end)
        routes.post(SiteRoute.involvementContact, use: becomeContact)
    }

    /// Ends an organisation's involvement today: its access ends with it. The
    /// coordinator's own involvement ends only by handing coordination over.
    func end(req: Request) async throws -> Response {
        let opened = try await req.residentAccess().open(req.id(.householdID), .coordinate, event: "involvement.end")
        guard let involvement = try await opened.involvement(req.id(.involvementID), on: req.db) else { throw AppError.notFound }
        guard !involvement.isCoordinator else {
            return try await HouseholdPage.rerender(req, opened, FormErrors([.init(field: "organization_id", messageKey: "team.coordinator_cannot_end")], req: req))
        }
        try await req.db.transaction { tx in
            involvement.endsOn = Day.today()
            try await involvement.save(on: tx)
            try await req.context().auditChange("involvement.ended", in: opened, objectType: "involvement", objectID: involvement.id?.uuidString, on: tx)
        }
        return req.redirect(to: SiteRoute.household.path(involvement.householdID), notice: .teamMemberEnded)
    }

    /// Makes the professional their organisation's contact person for the
    /// household, so it is on their worklist. If a colleague became it since
    /// the page was shown, nothing is overwritten and the page says so (409).
    func becomeContact(req: Request) async throws -> Response {
        let opened = try await req.residentAccess().open(req.id(.householdID), .identity, event: "involvement.contact")
        let actor = try req.requireActor()
        guard actor.role == .professional, let organizationID = actor.organizationID,
              let involvement = try await opened.involvement(req.id(.involvementID), of: organizationID, on: req.db),
              involvement.isActive(on: Day.today()), let id = involvement.id else { throw AppError.notFound }
        let shown = try req.content.decode(InvolvementContactForm.self).shown.flatMap { UUID(uuidString: $0) }
        let claimed = try await req.db.transaction { tx in
            guard try await Involvement.claimContact(id, tenantID: involvement.tenantID, for: actor.userID, shown: shown, on: tx) else { return false }
            try await req.context().auditChange("involvement.contact_set", in: opened, objectType: "involvement", objectID: id.uuidString, on: tx)
            return true
        }
        guard claimed else {
            return try await HouseholdPage.rerender(req, opened, FormErrors([.init(field: "contact", messageKey: "household.contact_changed")], req: req), status: .conflict)
        }
        return req.redirect(to: SiteRoute.household.path(involvement.householdID), notice: .contactSet)
    }

    func new(req: Request) async throws -> Response {
        let opened = try await req.residentAccess().open(req.id(.householdID), .coordinate, event: "involvement.form")
        return try await req.formPage(TeamNewPage.build(opened, in: req.context()))
    }

    func add(req: Request) async throws -> Response {
        let opened = try await req.residentAccess().open(req.id(.householdID), .coordinate, event: "involvement.add")
        let household = opened.household
        let householdID = try household.requireID()
        let form = try req.content.decode(InvolvementForm.self)
        var validator = FormValidator()
        let organization = try await Organization.chosen(form.organization_id, in: household.tenantID, on: req.db)
        if organization == nil { validator.add("organization_id", "validation.choose_option") }
        let domains = Set((form.domains ?? []).compactMap(LifeDomain.init(rawValue:)))
        if domains.isEmpty { validator.add("domains", "validation.domains_required") }
        if let organization, let organizationID = organization.id, !(organization.partOfMunicipality) {
            let consented = try await ResidentAccess.consentedDomains(householdID: householdID, organizationID: organizationID, tenantID: household.tenantID, on: req.db)
            let missing = LifeDomain.allCases.filter { domains.contains($0) && !consented.contains($0) }
            if !missing.isEmpty {
                let names = missing.map { req.t("domain.\($0.rawValue)") }.joined(separator: ", ")
                let refusal = req.t("team.consent_missing", organization.name, names)
                return try await req.formPage(TeamNewPage.build(opened, typed: form, errors: FormErrors(summary: [.init(field: "organization_id", message: refusal)], fields: ["organization_id": refusal]), in: req.context()))
            }
        }
        guard validator.isValid, let organization else {
            return try await req.formPage(TeamNewPage.build(opened, typed: form, errors: FormErrors(validator.issues, req: req), in: req.context()))
        }
        let makeCoordinator = form.coordinator == "on"
        try await req.db.transaction { tx in
            if makeCoordinator { try await opened.clearCoordinator(on: tx) }
            let involvement = Involvement(
                tenantID: household.tenantID, householdID: householdID, organizationID: try organization.requireID(),
                domains: domains, isCoordinator: makeCoordinator, startsOn: Day.today()
            )
            try await involvement.create(on: tx)
            try await req.context().auditChange(makeCoordinator ? "coordination.handover" : "involvement.created", in: opened, objectType: "involvement", objectID: involvement.id?.uuidString, on: tx)
        }
        return req.redirect(to: SiteRoute.household.path(householdID), notice: .teamMemberAdded)
    }
}
