import Domain
import Fluent
import Vapor

/// Impact agreements (prestatieafspraken): the municipality agrees targets
/// with a partner organisation; both follow the partner's figures against
/// them, and per period the partner tells the story behind the numbers and
/// the municipality responds.
struct AgreementController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.agreements, use: list)
        routes.get(SiteRoute.agreementNew, use: new)
        routes.post(SiteRoute.agreements, use: create)
        routes.get(SiteRoute.agreement, use: show)
        routes.post(SiteRoute.agreementTargets, use: addTarget)
        routes.post(SiteRoute.agreementTargetDelete, use: removeTarget)
        routes.post(SiteRoute.agreementNotes, use: addNote)
    }

    func list(req: Request) async throws -> Response {
        let context = try req.context()
        guard Self.takesPart(context.actor) else { throw AppError.notFound }
        let page = try await AgreementListPage.build(req, desk: AgreementDesk(context: context))
        return try await req.page("monitor/agreements", title: req.t("agreement.list_title"), page)
    }

    func new(req: Request) async throws -> Response {
        let desk = try AgreementDesk(context: req.context())
        guard Self.speaksForMunicipality(desk.actor) else { throw AppError.notFound }
        return try await req.formPage(AgreementListPage.newForm(req, partners: try await desk.partners()))
    }

    func create(req: Request) async throws -> Response {
        let desk = try AgreementDesk(context: req.context())
        guard Self.speaksForMunicipality(desk.actor) else { throw AppError.notFound }
        let form = try req.content.decode(AgreementForms.NewAgreement.self)
        let partners = try await desk.partners()
        var validator = FormValidator()
        let partner = partners.first { $0.id?.uuidString == form.organization_id }
        if partner == nil { validator.add("organization_id", "validation.choose_option") }
        let title = validator.text("title", form.title, maxLength: 200)
        guard validator.isValid, let partner, let title else {
            return try await req.formPage(AgreementListPage.newForm(req, partners: partners, typed: form, errors: FormErrors(validator.issues, req: req)))
        }
        let agreement = ImpactAgreement(tenantID: desk.actor.tenantID, organizationID: try partner.requireID(), title: title,
                                        createdByName: desk.actor.displayName)
        try await agreement.create(on: req.db)
        return req.redirect(to: SiteRoute.agreement.path(try agreement.requireID()), notice: .agreementSaved)
    }

    func show(req: Request) async throws -> Response {
        let (agreement, side) = try await AgreementDesk(context: req.context()).open(req.id(.agreementID))
        try await req.audit("monitor.read", outcome: .allowed, basis: .none, objectType: "agreement", objectID: agreement.id?.uuidString)
        return try await Self.render(req, agreement, side: side)
    }

    func addTarget(req: Request) async throws -> Response {
        let agreement = try await AgreementDesk(context: req.context()).openForMunicipality(req.id(.agreementID))
        let form = try req.content.decode(AgreementForms.Target.self)
        var validator = FormValidator()
        let indicator = AgreementForms.agreeable(req).first { $0.id == form.indicator }
        if indicator == nil { validator.add("indicator", "validation.choose_option") }
        let period = form.period.flatMap(Period.init(id:)).flatMap { AgreementForms.targetPeriods().contains($0) ? $0 : nil }
        if period == nil { validator.add("period", "validation.choose_option") }
        let target = validator.decimal("target", form.target, in: indicator.map(AgreementForms.range(of:)) ?? -1_000_000...1_000_000)
        let typed = AgreementForms.Typed(target: form)
        guard validator.isValid, let indicator, let period, let target else {
            return try await Self.render(req, agreement, side: .municipality, typed: typed, errors: FormErrors(validator.issues, req: req))
        }
        let row = ImpactAgreementTarget(tenantID: agreement.tenantID, agreementID: try agreement.requireID(), indicator: indicator.id,
                                        period: period.id, target: target)
        do {
            try await row.create(on: req.db)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            let errors = FormErrors([.init(field: "indicator", messageKey: "agreement.target_exists")], req: req)
            return try await Self.render(req, agreement, side: .municipality, typed: typed, errors: errors, status: .conflict)
        }
        return req.redirect(to: SiteRoute.agreement.path(try agreement.requireID()) + "#period-\(period.id)", notice: .targetAdded)
    }

    func removeTarget(req: Request) async throws -> Response {
        let agreement = try await AgreementDesk(context: req.context()).openForMunicipality(req.id(.agreementID))
        let target = try await ImpactAgreementTarget.find(req.id(.targetID), in: agreement.tenantID, on: req.db)
        guard target.agreementID == agreement.id else { throw AppError.notFound }
        try await target.delete(on: req.db)
        return req.redirect(to: SiteRoute.agreement.path(try agreement.requireID()), notice: .targetRemoved)
    }

    func addNote(req: Request) async throws -> Response {
        let context = try req.context()
        let (agreement, side) = try await AgreementDesk(context: context).open(req.id(.agreementID))
        let form = try req.content.decode(AgreementForms.Note.self)
        var validator = FormValidator()
        let period = form.period.flatMap(Period.init(id:))
        if period == nil { validator.add("note_period", "validation.choose_option") }
        let text = validator.text("note_text", form.text, maxLength: AgreementForms.noteLength, allowLineBreaks: true)
        guard validator.isValid, let period, let text else {
            return try await Self.render(req, agreement, side: side, typed: .init(note: form), errors: FormErrors(validator.issues, req: req))
        }
        let note = MonitorNote(tenantID: agreement.tenantID, topic: .agreement, period: period.id, side: side.rawValue, text: text,
                               authorID: context.actor.userID, authorName: context.actor.displayName)
        note.agreementID = try agreement.requireID()
        try await note.create(on: req.db)
        return req.redirect(to: SiteRoute.agreement.path(try agreement.requireID()) + "#period-\(period.id)", notice: .noteSaved)
    }

    static func render(_ req: Request, _ agreement: ImpactAgreement, side: AgreementSide, typed: AgreementForms.Typed = .init(),
                       errors: FormErrors = .none, status: HTTPStatus? = nil) async throws -> Response {
        let page = try await AgreementPage.build(req, agreement, side: side, typed: typed, errors: errors)
        return try await req.page("monitor/agreement", title: agreement.title, page,
                                  status: status ?? (errors.summary.isEmpty ? .ok : .unprocessableEntity))
    }

    static func speaksForMunicipality(_ actor: Actor) -> Bool { actor.role == .analyst || actor.role == .tenantAdmin }
    static func takesPart(_ actor: Actor) -> Bool { speaksForMunicipality(actor) || actor.isManager }
}
