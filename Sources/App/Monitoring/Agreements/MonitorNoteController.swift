import Domain
import Fluent
import Vapor

/// The stories behind the curve on an indicator's page, and changing any
/// note beside the figures: a new revision made from the wording its writer
/// saw; when someone else changed that wording first, a 409 shows both.
struct MonitorNoteController {
    struct Revision: Content { var text: String?; var replaces: String? }
    struct Story: Content { var period: String?; var text: String? }

    func register(_ routes: any RoutesBuilder) {
        routes.post(SiteRoute.monitorStories, use: addStory)
        routes.get(SiteRoute.monitorNote, use: edit)
        routes.post(SiteRoute.monitorNote, use: save)
    }

    func addStory(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        guard let scope = MonitorNotes.storyScope(of: actor) else { throw AppError.notFound }
        let audience = try await MonitorAudience.of(req)
        let indicator = try audience.indicator(req.text(.indicatorID))
        let form = try req.content.decode(Story.self)
        var validator = FormValidator()
        let period = form.period.flatMap(Period.init(id:)).flatMap { $0.firstDay <= CivilDay.today() ? $0 : nil }
        if period == nil { validator.add("story_text", "monitor.period_unknown") }
        let text = validator.text("story_text", form.text, maxLength: AgreementForms.noteLength, allowLineBreaks: true)
        guard validator.isValid, let period, let text else {
            let (choice, _) = try MonitorChoice.read(req, indicator: indicator, audience: audience)
            let page = try await IndicatorPage.build(req, audience: audience, indicator: indicator, choice: choice, errors: FormErrors(validator.issues, req: req),
                                                     story: form.text ?? "")
            return try await req.page("monitor/indicator", title: page.name, page, status: .unprocessableEntity)
        }
        let note = MonitorNote(tenantID: actor.tenantID, topic: .story, period: period.id, side: scope.side.rawValue, text: text,
                               authorID: actor.userID, authorName: actor.displayName)
        (note.indicator, note.organizationID) = (indicator.id, scope.organization)
        try await note.create(on: req.db)
        return req.redirect(to: MonitorChoice.link(SiteRoute.monitorIndicator.path(indicator.id), period: period, filter: nil) + "#story",
                            notice: .storySaved)
    }

    func edit(req: Request) async throws -> Response {
        let (note, agreement) = try await Self.open(req)
        return try await req.formPage(Self.form(req, note, agreement: agreement, typed: note.text))
    }

    func save(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let (note, agreement) = try await Self.open(req)
        let form = try req.content.decode(Revision.self)
        var validator = FormValidator()
        let text = validator.text("text", form.text, maxLength: AgreementForms.noteLength, allowLineBreaks: true)
        guard validator.isValid, let text else {
            return try await req.formPage(Self.form(req, note, agreement: agreement, typed: form.text ?? "", replaces: form.replaces,
                                                    errors: FormErrors(validator.issues, req: req)))
        }
        // Lands only when made from the newest wording: the form says which
        // wording the writer saw, and one revision takes one successor.
        guard form.replaces.flatMap(UUID.init(uuidString:)) == note.id, try await MonitorNotes.revise(note, to: text, by: actor, on: req.db)
        else {
            let current = try await MonitorNotes.latest(note.requireID(), tenantID: actor.tenantID, on: req.db) ?? note
            let errors = FormErrors(summary: [.init(field: "text", message: req.t("error.conflict"))], fields: [:])
            return try await req.formPage(Self.form(req, current, agreement: agreement, typed: text, errors: errors, conflict: current.text),
                                          status: .conflict)
        }
        return req.redirect(to: Self.home(of: note, agreement: agreement), notice: .noteSaved)
    }

    /// The newest revision of the note in the path, after the rule on who
    /// may change it; anything else is a 404.
    static func open(_ req: Request) async throws -> (MonitorNote, ImpactAgreement?) {
        let actor = try req.requireActor()
        guard let id = req.id(.noteID), let note = try await MonitorNotes.latest(id, tenantID: actor.tenantID, on: req.db) else {
            throw AppError.notFound
        }
        let agreement: ImpactAgreement? = try await note.agreementID.asyncFlatMap { try await ImpactAgreement.find($0, in: actor.tenantID, on: req.db) }
        guard MonitorNotes.mayRevise(note, actor, agreement: agreement) else { throw AppError.notFound }
        return (note, agreement)
    }

    static func home(of note: MonitorNote, agreement: ImpactAgreement?) -> String {
        if let agreement, let id = agreement.id { return SiteRoute.agreement.path(id) + "#period-\(note.period)" }
        let period = Period(id: note.period)
        let path = SiteRoute.monitorIndicator.path(note.indicator ?? "")
        return (period.map { MonitorChoice.link(path, period: $0, filter: nil) } ?? path) + "#story"
    }

    static func form(_ req: Request, _ note: MonitorNote, agreement: ImpactAgreement?, typed: String, replaces: String? = nil,
                     errors: FormErrors = .none, conflict: String? = nil) throws -> FormPage {
        var fields = FieldBuilder(req, errors: errors)
        let lead = conflict.map { req.t("monitor.note_conflict", $0) } ?? req.t("monitor.note_edit_lead", note.authorName, req.moment(note.createdAt ?? Date()))
        return FormPage(
            title: req.t("monitor.note_edit"), lead: lead,
            form: .init(action: SiteRoute.monitorNote.path(try note.requireID()),
                        parts: [.field(fields.field("text", .textarea, label: "monitor.note_text", value: typed,
                                                    maxLength: AgreementForms.noteLength, rows: 8))],
                        submit: req.t("form.save"), cancelHref: home(of: note, agreement: agreement),
                        hidden: [.init(name: "replaces", value: replaces ?? note.id!.uuidString)]),
            errors: fields.namedErrors)
    }
}
