import Domain
import Fluent
import SQLKit
import Vapor

/// Triage and outreach (issue 23): the queue of open cases, a case with its
/// signals and attempts, recording an attempt and closing with an outcome.
/// Only the designated teams; every look is logged. That the household is
/// already known, and who coordinates it, is all triage learns of it.
struct SignalCaseController {
    struct AttemptForm: Content { var channel: String?; var attempted_on: String?; var reached: String?; var note: String?; var version: Int? }
    struct CloseForm: Content { var outcome: String?; var version: Int? }
    struct MatchForm: Content { var other_case_id: String?; var decision: String?; var version: Int? }

    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.signalCases, use: queue)
        routes.get(SiteRoute.signalCase, use: show)
        routes.post(SiteRoute.signalCaseAttempts, use: attempt)
        routes.post(SiteRoute.signalCaseClose, use: close)
        routes.post(SiteRoute.signalCaseMatches, use: match)
    }

    struct QueuePage: Encodable { let rows: [SignalTriage.Row]; let pager: Pager; let uploadsHref: String; let contactDays: String }

    func queue(req: Request) async throws -> Response {
        let context = try req.context()
        try await SignalTriage.requireHandler(context)
        let position = SignalTriage.Position(after: req.query["after"], before: req.query["before"])
        let rules = try await SignalSettings.rules(of: context.actor.tenantID, on: req.db)
        let page = try await SignalTriage.queue(from: position, rules: rules, in: context)
        try await context.audit("signal_case.list", outcome: .allowed, basis: .administration, objectType: "signal_queue", objectID: String(page.rows.count))
        let pager = Pager(path: SiteRoute.signalCases.path(), before: page.hasPrevious ? page.firstKey : nil, after: page.hasNext ? page.lastKey : nil)
        let content = QueuePage(rows: page.rows, pager: pager, uploadsHref: SiteRoute.signalUploads.path(), contactDays: String(rules.contactWorkingDays))
        return try await req.page("signals/queue", title: req.t("signal.queue_title"), content)
    }

    func show(req: Request) async throws -> Response {
        let (context, signalCase) = try await open(req, event: "signal_case.view")
        return try await render(req, signalCase, in: context)
    }

    func attempt(req: Request) async throws -> Response {
        let (context, signalCase) = try await open(req, event: "outreach.attempt")
        let form = try req.content.decode(AttemptForm.self)
        var validator = FormValidator()
        let channel = form.channel.flatMap(OutreachChannel.init(rawValue:))
        if channel == nil { validator.add("attempt_channel", "validation.choose_option") }
        let day = validator.day("attempt_date", form.attempted_on)
        if let day, day.iso > context.today { validator.add("attempt_date", "validation.date_in_future") }
        let note = validator.text("attempt_note", form.note, required: false, maxLength: 1000, allowLineBreaks: true)
        guard validator.isValid, let channel, let day else {
            return try await render(req, signalCase, typed: form, errors: FormErrors(validator.issues, req: req), status: .unprocessableEntity, in: context)
        }
        let reached = form.reached == "on"
        let caseID = try signalCase.requireID()
        try await req.db.transaction { tx in
            let attempt = OutreachAttempt()
            (attempt.id, attempt.tenantID, attempt.caseID, attempt.channel, attempt.attemptedOn) = (UUID(), signalCase.tenantID, caseID, channel.rawValue, day.iso)
            (attempt.reached, attempt.userID, attempt.createdAt) = (reached, context.actor.userID, Date())
            attempt.noteEncrypted = try note.map { try FieldCipher(key: context.keys.field).seal($0) }
            try await attempt.create(on: tx)
            if reached, signalCase.caseStatus == .received {
                try await tx.sql.update(SignalCase.schema).set("updated_at", to: Date()).set("status", to: SignalCaseStatus.inContact.rawValue).set("first_contact_on", to: day.iso)
                    .set(SQLIdentifier("version"), to: SQLBinaryExpression(SQLIdentifier("version"), .add, SQLBind(1)))
                    .where("tenant_id", .equal, signalCase.tenantID).where("id", .equal, caseID).run()
            }
            try await context.audit("outreach.attempted", outcome: .success, basis: .administration, objectType: "signal_case", objectID: caseID.uuidString, on: tx)
        }
        return req.redirect(to: SiteRoute.signalCase.path(caseID), notice: .attemptSaved)
    }

    func close(req: Request) async throws -> Response {
        let (context, signalCase) = try await open(req, event: "signal_case.close")
        let form = try req.content.decode(CloseForm.self)
        guard let outcome = form.outcome.flatMap(SignalOutcome.init(rawValue:)), SignalOutcome.chosen.contains(outcome), signalCase.caseStatus != .closed else {
            let key = signalCase.caseStatus == .closed ? "signal.already_closed" : "validation.choose_option"
            return try await render(req, signalCase, errors: FormErrors([.init(field: "close_outcome", messageKey: key)], req: req), status: .unprocessableEntity, in: context)
        }
        let caseID = try signalCase.requireID()
        let closed = try await req.db.transaction { tx -> Bool in
            let changed = try await tx.sql.updateVersioned(SignalCase.schema, id: caseID, in: signalCase.tenantID, expectedVersion: form.version ?? -1) {
                $0.set("status", to: SignalCaseStatus.closed.rawValue).set("outcome", to: outcome.rawValue).set("closed_on", to: context.today)
            }
            if changed { try await context.audit("signal_case.closed", outcome: .success, basis: .administration, objectType: "signal_case", objectID: caseID.uuidString, on: tx) }
            return changed
        }
        guard closed else {
            let current = try await SignalCase.select(in: signalCase.tenantID, where: "id = \(bind: caseID)", limit: 1, on: req.db).first ?? signalCase
            return try await render(req, current, errors: FormErrors([.init(field: "close_outcome", messageKey: "signal.conflict")], req: req), status: .conflict, in: context)
        }
        // Accepted help starts the intake, filled in from the signal: the household's plan, not a copy of it.
        if outcome == .acceptedHelp, try await SignalHelp.joinKnownHousehold(caseID, in: context) {
            return req.redirect(to: SiteRoute.signalCase.path(caseID), notice: .coordinatorTold)
        }
        if outcome == .acceptedHelp { return req.redirect(to: SiteRoute.householdNew.path() + "?signal_case=" + caseID.uuidString, notice: .caseClosed) }
        return req.redirect(to: SiteRoute.signalCase.path(caseID), notice: .caseClosed)
    }

    /// Combines the case with another whose people may be the same, or keeps them apart.
    func match(req: Request) async throws -> Response {
        let (context, signalCase) = try await open(req, event: "signal_case.match")
        let form = try req.content.decode(MatchForm.self)
        guard let decision = form.decision.flatMap(SignalMatches.Decision.init(rawValue:)), let other = form.other_case_id.flatMap(UUID.init(uuidString:)) else {
            return try await render(req, signalCase, errors: FormErrors([.init(field: "matches", messageKey: "validation.choose_option")], req: req),
                                    status: .unprocessableEntity, in: context)
        }
        guard let next = try await SignalMatches.decide(decision, on: signalCase, other: other, version: form.version ?? -1, in: context) else {
            let current = try await SignalCase.select(in: signalCase.tenantID, where: "id = \(bind: try signalCase.requireID())", limit: 1, on: req.db).first ?? signalCase
            return try await render(req, current, errors: FormErrors([.init(field: "matches", messageKey: "signal.conflict")], req: req), status: .conflict, in: context)
        }
        return req.redirect(to: SiteRoute.signalCase.path(next), notice: decision == .combine ? .casesCombined : .casesKeptApart)
    }

    /// The case of the path, for a designated team; the look is logged.
    private func open(_ req: Request, event: String) async throws -> (Context, SignalCase) {
        let context = try req.context()
        try await SignalTriage.requireHandler(context)
        guard let id = req.id(.signalCaseID),
              let signalCase = try await SignalCase.select(in: context.actor.tenantID, where: "id = \(bind: id)", limit: 1, on: req.db).first else {
            throw AppError.notFound
        }
        try await context.audit(event, outcome: .allowed, basis: .administration, objectType: "signal_case", objectID: id.uuidString)
        return (context, signalCase)
    }

    private func render(_ req: Request, _ signalCase: SignalCase, typed: AttemptForm = .init(), errors: FormErrors = .none, status: HTTPStatus = .ok,
                        in context: Context) async throws -> Response {
        let page = try await SignalCasePage.build(signalCase, typed: typed, errors: errors, in: context)
        return try await req.page("signals/case", title: page.title, page, status: status)
    }
}
