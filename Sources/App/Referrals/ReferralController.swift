import Domain
import Fluent
import Vapor

/// One referral: its page, its next step, and redirecting a rejected one.
struct ReferralController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.referral, use: show)
        routes.post(SiteRoute.referralStatus, use: changeStatus)
        routes.post(SiteRoute.referralRedirect, use: redirect)
    }

    func show(req: Request) async throws -> Response {
        let (referral, goal, opened) = try await Self.open(req, event: "referral.view")
        return try await Self.page(req, referral, goal, opened)
    }

    func changeStatus(req: Request) async throws -> Response {
        let (referral, goal, opened) = try await Self.open(req, event: "referral.update", acting: true)
        let form = try req.content.decode(ReferralStatusForm.self)
        guard let next = form.status.flatMap(ReferralStatus.init(rawValue:)) else {
            return try await Self.page(req, referral, goal, opened, issue: "validation.choose_option", status: .unprocessableEntity, typed: form)
        }
        let outcome = form.outcome.flatMap { $0.isEmpty ? nil : ReferralOutcome(rawValue: $0) }
        var validator = FormValidator()
        let note = validator.text("note", form.note, required: false, maxLength: ReferralTransition.maximumNote, allowLineBreaks: true)
        if !validator.isValid {
            return try await Self.page(req, referral, goal, opened, issue: "referral.note_too_long", on: "note", status: .unprocessableEntity, typed: form)
        }
        if ReferralWorkflow.needsConfirmation.contains(next), form.confirm != "on" {
            return try await Self.page(req, referral, goal, opened, issue: "referral.confirm_step", on: "confirm", status: .unprocessableEntity, typed: form, asksConfirmation: true)
        }
        switch try await ReferralTransition(context: try req.context()).apply(referral, goal: goal, in: opened, to: next, outcome: outcome, note: note, expectedVersion: form.version ?? 0) {
        case .done: return req.redirect(to: SiteRoute.referral.path(try referral.requireID()), notice: .referralSaved)
        case .refused(let key): return try await Self.page(req, referral, goal, opened, issue: key, status: .unprocessableEntity, typed: form)
        case .conflict:
            let current = try await req.residentAccess().current(referral, in: opened)
            return try await Self.page(req, current, goal, opened, issue: "error.conflict", status: .conflict)
        }
    }

    /// A rejected referral, sent on to another service in one step.
    func redirect(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let (referral, goal, opened) = try await Self.open(req, event: "referral.redirect", acting: true)
        guard referral.party(of: actor.organizationID) == .requester, referral.referralStatus == .rejected else {
            return try await Self.page(req, referral, goal, opened, issue: "referral.redirect_only_rejected", status: .unprocessableEntity)
        }
        let form = try req.content.decode(ReferralRedirectForm.self)
        let message = FieldCipher(key: req.application.config.keys.field).openOrNil(referral.messageEncrypted)
        let input = ReferralSending.Input(serviceID: form.service_id, organizationID: nil, domains: referral.lifeDomains.map(\.rawValue), message: message, send: true)
        switch try await ReferralSending(context: try req.context()).send(input, goal: goal, opened: opened, redirectedFrom: referral) {
        case .created(let next): return req.redirect(to: SiteRoute.referral.path(try next.requireID()), notice: .referralSent)
        case .invalid(let issues, _):
            let view = try await ReferralView.build(referral, goal: goal, opened: opened, in: req.context(), errors: FormErrors(issues, req: req))
            return try await req.page("referrals/show", title: view.title, view, status: .unprocessableEntity)
        }
    }

    /// The referral in the actor's tenant, after the access rule for its
    /// household and goal domain (team members, or the receiver while open):
    /// to see it, or (`acting`) to move it on, which an emergency opening may not.
    static func open(_ req: Request, event: String, acting: Bool = false) async throws -> (Referral, Goal, ResidentAccess.Opened) {
        try await req.residentAccess().openReferral(req.id(.referralID), acting: acting, event: event)
    }

    static func page(_ req: Request, _ referral: Referral, _ goal: Goal, _ opened: ResidentAccess.Opened,
                     issue: String? = nil, on field: String = "status", status: HTTPStatus = .ok,
                     typed: ReferralStatusForm = .init(), asksConfirmation: Bool = false) async throws -> Response {
        let errors = issue.map { FormErrors([ValidationIssue(field: field, messageKey: $0)], req: req) } ?? .none
        let view = try await ReferralView.build(referral, goal: goal, opened: opened, in: req.context(), errors: errors,
                                                typed: typed, asksConfirmation: asksConfirmation)
        return try await req.page("referrals/show", title: view.title, view, status: status)
    }
}
