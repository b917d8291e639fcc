import Domain
import Fluent
import Vapor

/// The story behind the curve: what the tenant (or an organisation, on its
/// own monitor) says about an indicator's figure for one period, dated and
/// signed, beside the figure.
struct StorySection: Encodable {
    let notes: [AgreementPage.NoteRow]
    let form: FormPage.Parts
    let action: String
    let periodID: String

    static func build(_ req: Request, indicator: IndicatorDefinition, period: Period, typed: String,
                      fields: inout FieldBuilder) async throws -> StorySection? {
        let actor = try req.requireActor()
        guard let scope = MonitorNotes.storyScope(of: actor) else { return nil }
        var query = MonitorNote.scoped(to: actor.tenantID, on: req.db)
            .filter(\.$topic == MonitorNote.Topic.story.rawValue).filter(\.$indicator == indicator.id).filter(\.$period == period.id)
        query = scope.organization.map { query.filter(\.$organizationID == $0) } ?? query.filter(\.$organizationID == nil)
        let revisions = try await query.all()
        let byID = Dictionary(revisions.map { ($0.id!, $0) }, uniquingKeysWith: { a, _ in a })
        let notes = NoteRevisions.current(revisions.map(\.revision)).compactMap { note -> AgreementPage.NoteRow? in
            guard let row = byID[note.current.id] else { return nil }
            return AgreementPage.NoteRow(side: "", author: row.authorName, posted: req.moment(note.postedAt), postedISO: ISO8601DateFormatter().string(from: note.postedAt),
                                         edited: note.edits > 0 ? req.moment(note.current.createdAt) : nil, text: row.text,
                                         editHref: SiteRoute.monitorNote.path(note.current.id))
        }
        let field = fields.field("story_text", name: "text", .textarea, label: "monitor.story_add", hint: "monitor.story_hint",
                                 value: typed, maxLength: AgreementForms.noteLength, rows: 4)
        return StorySection(notes: notes, form: FormPage.Parts(parts: [.field(field)]),
                            action: SiteRoute.monitorStories.path(indicator.id), periodID: period.id)
    }
}
