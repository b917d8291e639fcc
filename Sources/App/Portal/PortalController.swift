import Domain
import Fluent
import Vapor

/// The resident's own pages, in plain language: their plan, their own
/// actions, signing, consent, who looked at their data, and all of it to
/// download. Every read goes through the access rule like anyone else's.
struct PortalController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.portal, use: show)
        routes.post(SiteRoute.portalAction, use: addAction)
        routes.post(SiteRoute.portalActionDone, use: actionDone)
        routes.post(SiteRoute.portalSign, use: sign)
        routes.post(SiteRoute.portalComment, use: comment)
        routes.post(SiteRoute.portalConsents, use: giveConsent)
        routes.post(SiteRoute.portalConsentWithdraw, use: withdrawConsent)
        routes.get(SiteRoute.portalAccessLog, use: whoLooked)
        routes.get(SiteRoute.portalPlanPrint, use: printable)
        routes.get(SiteRoute.portalExportJSON, use: exportJSON)
        routes.get(SiteRoute.portalExportHTML, use: exportHTML)
    }

    /// The resident's household — their own, or that of the person they
    /// represent — opened through the access rule, to see it or (`acting`)
    /// to do what the portal offers.
    static func own(_ req: Request, event: String, acting: Bool = false) async throws -> (ResidentAccess.Opened, Resident) {
        let actor = try req.requireActor()
        guard actor.role == .resident, let resident = try await req.residentAccess().ownResident() else { throw AppError.notFound }
        return (try await req.residentAccess().open(resident.householdID, acting ? .participate : .read(.identity), event: event), resident)
    }

    func show(req: Request) async throws -> Response {
        let (opened, _) = try await Self.own(req, event: "portal.view")
        return try await render(req, opened)
    }

    func render(_ req: Request, _ opened: ResidentAccess.Opened, errors: FormErrors = .none, status: HTTPStatus = .ok,
                typed: PortalHomePage.Typed = .init()) async throws -> Response {
        let page = try await PortalHomePage.build(opened, in: req.context(), errors: errors, typed: typed)
        return try await req.page("portal/home", title: req.t("portal.title"), page, status: status)
    }

    func addAction(req: Request) async throws -> Response {
        let (opened, _) = try await Self.own(req, event: "portal.action_create", acting: true)
        let form = try req.content.decode(PortalActionForm.self)
        var validator = FormValidator()
        let description = validator.text("portal_action", form.description, maxLength: 300)
        let goal = try await opened.goal(form.goal_id, on: req.db)
        if goal == nil { validator.add("portal_goal", "validation.choose_option") }
        guard validator.isValid, let description, let goal else {
            return try await render(req, opened, errors: FormErrors(validator.issues, req: req), status: .unprocessableEntity, typed: .init(action: form))
        }
        let action = PlanAction(tenantID: goal.tenantID, householdID: goal.householdID, goalID: try goal.requireID(), description: description, owner: .resident(name: nil), dueOn: nil)
        try await req.db.transaction { tx in
            try await action.create(on: tx)
            try await req.context().auditChange("action.created", in: opened, objectType: "action", objectID: action.id?.uuidString, on: tx)
        }
        return req.redirect(to: SiteRoute.portal.path(), notice: .actionAdded)
    }

    /// My plan on paper.
    func printable(req: Request) async throws -> Response {
        let (opened, _) = try await Self.own(req, event: "portal.plan_print")
        let page = try await PrintablePlanPage.build(opened, backHref: SiteRoute.portal.path(), in: req.context())
        return try await req.page("plans/print", title: req.t("plan.print_title", opened.household.name), page)
    }

    func actionDone(req: Request) async throws -> Response {
        let (opened, _) = try await Self.own(req, event: "portal.action_done", acting: true)
        // Residents tick off their own steps; others' steps are theirs to close.
        guard let action = try await opened.action(req.id(.actionID), on: req.db),
              action.ownerKind == ActionOwnerKind.resident.rawValue else { throw AppError.notFound }
        try await req.db.transaction { tx in
            action.status = ActionStatus.done.rawValue
            action.version += 1
            try await action.save(on: tx)
            try await req.context().auditChange("action.done", in: opened, objectType: "action", objectID: action.id?.uuidString, on: tx)
        }
        return req.redirect(to: SiteRoute.portal.path(), notice: .actionDone)
    }

    /// A comment on a goal, in the resident's words; the team reads it with
    /// the goal's life domain, like any note.
    func comment(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let (opened, _) = try await Self.own(req, event: "portal.comment", acting: true)
        let form = try req.content.decode(PortalCommentForm.self)
        var validator = FormValidator()
        let text = validator.text("portal_comment", form.text, maxLength: NoteController.maximumLength, allowLineBreaks: true)
        let goal = try await opened.goal(form.goal_id, on: req.db)
        if goal == nil { validator.add("portal_comment_goal", "validation.choose_option") }
        guard validator.isValid, let text, let goal, let domain = goal.lifeDomain else {
            return try await render(req, opened, errors: FormErrors(validator.issues, req: req), status: .unprocessableEntity, typed: .init(comment: form))
        }
        let note = Note(
            tenantID: goal.tenantID, householdID: goal.householdID, domain: domain, kind: .comment, occurredOn: Day.today(),
            textEncrypted: try FieldCipher(key: req.application.config.keys.field).seal("\(goal.title): \(text)"),
            authorID: actor.userID, organizationID: nil
        )
        try await req.db.transaction { tx in
            try await note.create(on: tx)
            try await req.context().auditChange("note.created", in: opened, purpose: "detail:\(domain.rawValue)", objectType: "note", objectID: note.id?.uuidString, on: tx)
        }
        try await TeamNotices.tellCoordinator(opened, "notification.resident_comment", actor: try req.requireActor(), on: req.db)
        return req.redirect(to: SiteRoute.portal.path(), notice: .commentAdded)
    }

    /// Signs the plan as it is now: a numbered, frozen snapshot.
    func sign(req: Request) async throws -> Response {
        let (opened, resident) = try await Self.own(req, event: "portal.sign", acting: true)
        let signed = try await PlanController.sign(opened, resident: resident, method: .portal, req: req)
        if signed { try await TeamNotices.tellCoordinator(opened, "notification.plan_signed", actor: try req.requireActor(), on: req.db) }
        return req.redirect(to: SiteRoute.portal.path() + "#plan", notice: signed ? .planSigned : .planAlreadySigned)
    }

    func giveConsent(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let (opened, resident) = try await Self.own(req, event: "portal.consent_give", acting: true)
        let form = try req.content.decode(PortalConsentForm.self)
        var validator = FormValidator()
        let organization = try await Organization.chosen(form.organization_id, in: opened.household.tenantID, on: req.db)
        if organization == nil { validator.add("portal_organization", "validation.choose_option") }
        let domains = Set((form.domains ?? []).compactMap(LifeDomain.init(rawValue:)))
        if domains.isEmpty { validator.add("portal_domains", "validation.domains_required") }
        let purpose = validator.text("portal_purpose", form.purpose, maxLength: 200)
        guard validator.isValid, let organization, let purpose else {
            return try await render(req, opened, errors: FormErrors(validator.issues, req: req), status: .unprocessableEntity, typed: .init(consent: form))
        }
        let consent = Consent(
            tenantID: opened.household.tenantID, householdID: try opened.household.requireID(), residentID: try resident.requireID(),
            recipientOrganizationID: try organization.requireID(), domains: domains, purpose: purpose,
            validFrom: Day.today(), validTo: nil, method: .portal, status: .given, recordedBy: actor.userID
        )
        try await req.db.transaction { tx in
            try await consent.create(on: tx)
            try await req.context().auditChange("consent.given", in: opened, objectType: "consent", objectID: consent.id?.uuidString, on: tx)
        }
        return req.redirect(to: SiteRoute.portal.path(), notice: .consentRecorded)
    }

    func withdrawConsent(req: Request) async throws -> Response {
        let (opened, _) = try await Self.own(req, event: "portal.consent_withdraw", acting: true)
        guard let consent = try await opened.consent(req.id(.consentID), on: req.db) else { throw AppError.notFound }
        try await ConsentWithdrawal.withdraw(consent, in: opened, req: req)
        return req.redirect(to: SiteRoute.portal.path(), notice: .consentWithdrawn)
    }

    func whoLooked(req: Request) async throws -> Response {
        let (opened, _) = try await Self.own(req, event: "portal.who_looked")
        let data = try await PortalData.gather(opened, in: req.context())
        return try await req.page("portal/who-looked", title: req.t("portal.who_looked"), data)
    }

    func exportJSON(req: Request) async throws -> Response {
        let (opened, _) = try await Self.own(req, event: "portal.export")
        let data = try await PortalData.gather(opened, in: req.context())
        let response = try await data.encodeResponse(for: req)
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"mijn-gegevens.json\"")
        return response
    }

    func exportHTML(req: Request) async throws -> Response {
        let (opened, _) = try await Self.own(req, event: "portal.export")
        let data = try await PortalData.gather(opened, in: req.context())
        return try await req.page("portal/my-data", title: req.t("portal.my_data"), data)
    }
}
