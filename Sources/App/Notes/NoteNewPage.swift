import Domain
import Vapor

/// Writing a contact moment or note, on its own page. Notes may also be
/// written under an emergency opening, so its domains follow `writeNote`.
enum NoteNewPage {
    static func build(_ opened: ResidentAccess.Opened, typed: NoteForm = .init(), errors: FormErrors = .none, in context: Context) throws -> FormPage {
        let id = try opened.household.requireID()
        let domains = LifeDomain.allCases.filter { opened.allows(.writeNote($0)) }
        var fields = FieldBuilder(context, errors: errors)
        let parts: [FormPart] = [
            .field(fields.field("note_domain", name: "domain", .select, label: "goal.domain",
                                options: context.domainOptions(domains, chosen: Set([typed.domain].compactMap { $0 })),
                                choose: true)),
            .field(fields.field("note_kind", name: "kind", .select, label: "note.kind",
                                options: NoteKind.professional.map { Option(value: $0.rawValue, label: context.t("note.kind.\($0.rawValue)"), selected: $0.rawValue == typed.kind) })),
            .field(fields.field("note_date", name: "occurred_on", .date, label: "note.date", value: typed.occurred_on ?? context.today)),
            .field(fields.field("note_text", name: "text", .textarea, label: "note.text", value: typed.text, maxLength: NoteController.maximumLength, rows: 6)),
        ]
        return FormPage(
            title: context.t("note.add"), lead: context.t("household.form_lead", opened.household.name),
            form: .init(action: SiteRoute.notes.path(id), parts: parts, submit: context.t("note.add"), cancelHref: SiteRoute.household.path(id) + "#notes-title"),
            errors: fields.namedErrors
        )
    }
}
