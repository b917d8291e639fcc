import Domain
import Fluent
import Vapor

/// Adding contact moments and notes; they are read on the household page,
/// per life domain, by the access rule.
struct NoteController {
    static let maximumLength = 5000

    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.noteNew, use: new)
        routes.post(SiteRoute.notes, use: add)
    }

    func new(req: Request) async throws -> Response {
        let opened = try await req.residentAccess().open(req.id(.householdID), .identity, event: "note.form")
        return try await req.formPage(NoteNewPage.build(opened, in: req.context()))
    }

    func add(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let form = try req.content.decode(NoteForm.self)
        let access = try req.residentAccess()
        let householdID = req.id(.householdID)
        guard let domain = form.domain.flatMap(LifeDomain.init(rawValue:)) else {
            let opened = try await access.open(householdID, .identity, event: "note.create")
            return try await req.formPage(NoteNewPage.build(opened, typed: form, errors: FormErrors([.init(field: "note_domain", messageKey: "validation.choose_option")], req: req), in: req.context()))
        }
        let opened = try await access.open(householdID, .writeNote(domain), event: "note.create")
        var validator = FormValidator()
        let kind = form.kind.flatMap(NoteKind.init(rawValue:)) ?? .note
        let day = validator.day("note_date", form.occurred_on)?.iso
        if let day, day > Day.today() { validator.add("note_date", "validation.date_in_future") }
        let text = validator.text("note_text", form.text, maxLength: Self.maximumLength, allowLineBreaks: true)
        guard validator.isValid, let day, let text else { return try await req.formPage(NoteNewPage.build(opened, typed: form, errors: FormErrors(validator.issues, req: req), in: req.context())) }
        let household = opened.household
        let note = Note(
            tenantID: household.tenantID, householdID: try household.requireID(), domain: domain, kind: kind, occurredOn: day,
            textEncrypted: try FieldCipher(key: req.application.config.keys.field).seal(text),
            authorID: actor.userID, organizationID: actor.organizationID
        )
        try await req.db.transaction { tx in
            try await note.create(on: tx)
            try await req.context().auditChange("note.created", in: opened, purpose: "detail:\(domain.rawValue)", objectType: "note", objectID: note.id?.uuidString, on: tx)
        }
        return req.redirect(to: SiteRoute.household.path(try household.requireID()), notice: .noteAdded)
    }
}
