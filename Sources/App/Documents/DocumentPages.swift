import Domain
import Vapor

/// Adding a document to a household's file, on its own page.
enum DocumentNewPage {
    static func build(_ opened: ResidentAccess.Opened, typed: DocumentForm = .init(), errors: FormErrors = .none, in context: Context) async throws -> FormPage {
        let id = opened.householdID
        let domains = DocumentController.domains(opened)
        let goals = try await opened.goals(on: context.db).filter { goal in goal.lifeDomain.map(domains.contains) ?? false }
        var fields = FieldBuilder(context, errors: errors)
        let parts: [FormPart] = [
            .field(fields.field("document_file", name: "file", .file, label: "document.file", hint: "document.file_hint", accept: DocumentType.accept)),
            .field(fields.field("document_domain", name: "domain", .select, label: "goal.domain",
                                options: context.domainOptions(domains, chosen: Set([typed.domain].compactMap { $0 })), choose: true)),
            .field(fields.field("document_goal", name: "goal_id", .select, label: "document.goal",
                                options: goals.compactMap { goal in goal.id.map { Option(value: $0.uuidString, label: goal.title, selected: $0.uuidString == typed.goal_id) } },
                                choose: true, chooseLabel: "document.no_goal")),
            .field(fields.field("document_shared", name: "shared_with_resident", .checkbox, label: "document.share_with_resident",
                                hint: "document.share_hint", checked: typed.shared_with_resident == "on")),
        ]
        let back = typed.conversation_id.flatMap(UUID.init(uuidString:)).map { SiteRoute.conversation.path(id, $0) } ?? SiteRoute.household.path(id) + "#documents-title"
        return FormPage(
            title: context.t("document.add"), lead: context.t("household.form_lead", opened.household.name),
            form: .init(action: SiteRoute.documents.path(id), parts: parts, submit: context.t("document.upload"), cancelHref: back,
                        hidden: typed.conversation_id.map { [.init(name: "conversation_id", value: $0)] } ?? [], enctype: "multipart/form-data"),
            errors: fields.namedErrors
        )
    }
}

/// A document as a list shows it; a deleted one as its tombstone.
struct DocumentRow: Encodable {
    let name: String; let detail: String; let href: String?; let deleteAction: String?

    static func rows(_ documents: [Document], in opened: ResidentAccess.Opened, href: (UUID) -> String, deleteAction: (UUID) -> String,
                     context: Context) async throws -> [DocumentRow] {
        let cipher = FieldCipher(key: context.keys.field)
        let people = try await User.displayNames(of: documents.map(\.uploadedBy) + documents.compactMap(\.deletedBy), in: opened.tenantID, on: context.db)
        let team = context.actor.role != .resident
        return try documents.map { document in
            let id = try document.requireID()
            let domain = document.lifeDomain.map { context.t("domain.\($0.rawValue)") }
            if let deleted = document.deletedAt {
                return DocumentRow(name: context.t("document.deleted_name"),
                                   detail: context.t("document.deleted_by", context.moment(deleted), document.deletedBy.flatMap { people[$0] } ?? ""),
                                   href: nil, deleteAction: nil)
            }
            let shared = team && document.sharedWithResident ? context.t("document.shared") : nil
            return DocumentRow(
                name: cipher.openOrNil(document.nameEncrypted) ?? context.t("note.unreadable"),
                detail: [domain, size(document.byteCount, in: context), context.moment(document.createdAt),
                         people[document.uploadedBy], shared].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " · "),
                href: href(id), deleteAction: opened.mayDelete(document, by: context.actor) ? deleteAction(id) : nil)
        }
    }

    /// "12 kB", "1,4 MB" (a decimal comma in Dutch).
    static func size(_ bytes: Int, in context: Context) -> String {
        guard bytes >= 1024 * 1024 else { return "\(max(1, (bytes + 1023) / 1024)) kB" }
        let tenths = (bytes * 10 + 512 * 1024) / (1024 * 1024)
        return "\(tenths / 10)\(context.locale == .en ? "." : ",")\(tenths % 10) MB"
    }
}
