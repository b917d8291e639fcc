import Domain
import Fluent
import Vapor

/// One conversation with its messages, for the team on the household's
/// pages and for the resident in the portal: the same page, other links.
struct ConversationPage: Encodable {
    struct Entry: Encodable {
        let anchor: String; let author: String; let when: String; let text: String
        /// "Bewerkt op …", and what it said before, oldest first.
        let edited: String?; let earlier: [Earlier]
        let editHref: String?
    }
    struct Earlier: Encodable { let when: String; let text: String }

    let subject: String
    let facts: String
    let messages: [Entry]
    let replyAction: String?
    /// Documents added to the conversation, and where to add one.
    let documents: [DocumentRow]
    let attachHref: String?
    let form: FormPage.Parts
    let errors: FormErrors
    let backHref: String
    let backLabel: String

    /// Where the page's links lead: the team's household pages or the portal.
    struct Links {
        let reply: String?
        let edit: (UUID) -> String?
        let document: (UUID) -> String
        let attach: String?
        let back: String
        let backLabel: String
    }

    static func build(_ opened: ResidentAccess.Opened, _ conversation: Conversation, links: Links, typed: String? = nil,
                      errors: FormErrors = .none, in context: Context) async throws -> ConversationPage {
        let db = context.db
        let cipher = FieldCipher(key: context.keys.field)
        let messages = try await opened.messages(of: conversation, on: db)
        let revisions = try await opened.revisions(of: messages, in: conversation, on: db)
        let names = try await User.displayNames(of: messages.map(\.authorID), in: opened.tenantID, on: db)
        let organizations = try await context.organizationNames(in: opened.tenantID)
        let unreadable = context.t("note.unreadable")
        let entries = try messages.map { message in
            let id = try message.requireID()
            let organization = message.organizationID.flatMap { organizations[$0] } ?? context.t("conversation.resident")
            return Entry(
                anchor: "message-\(id)", author: [names[message.authorID], organization].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", "),
                when: context.moment(message.createdAt), text: cipher.openOrNil(message.textEncrypted) ?? unreadable,
                edited: message.editedAt.map { context.t("conversation.edited_at", context.moment($0)) },
                earlier: (revisions[id] ?? []).map { Earlier(when: context.moment($0.writtenAt), text: cipher.openOrNil($0.textEncrypted) ?? unreadable) },
                editHref: message.authorID == context.actor.userID && links.reply != nil ? links.edit(id) : nil
            )
        }
        var fields = FieldBuilder(context, errors: errors)
        let reply = fields.field("reply_text", name: "text", .textarea, label: "conversation.reply_text", value: typed,
                                 maxLength: ConversationLimits.message, rows: 5)
        let domain = conversation.lifeDomain.map { context.t("domain.\($0.rawValue)") } ?? ""
        // The resident is in every conversation they see: what says so is for the team.
        let team = opened.context.role != .resident
        let audience = context.t(conversation.withResident ? "conversation.with_resident" : "conversation.team_only")
        return ConversationPage(
            subject: cipher.openOrNil(conversation.subjectEncrypted) ?? unreadable,
            facts: (team ? [opened.household.name, domain, audience] : [domain]).joined(separator: " · "),
            messages: entries, replyAction: links.reply,
            documents: try await DocumentRow.rows(try await opened.documents(conversation: try conversation.requireID(), on: db), in: opened,
                                                  href: links.document, deleteAction: { _ in "" }, context: context).map {
                DocumentRow(name: $0.name, detail: $0.detail, href: $0.href, deleteAction: nil)
            },
            attachHref: links.attach, form: .init(parts: [.field(reply)]), errors: fields.namedErrors,
            backHref: links.back, backLabel: links.backLabel
        )
    }
}

/// A conversation as a list shows it: on the household page, in the portal, in the inbox.
struct ConversationRow: Encodable {
    let subject: String; let detail: String; let href: String; let unread: Bool

    static func rows(_ conversations: [Conversation], unread: Set<UUID>, href: (Conversation) throws -> String, in context: Context) throws -> [ConversationRow] {
        let cipher = FieldCipher(key: context.keys.field)
        let team = context.actor.role != .resident
        return try conversations.map { conversation in
            ConversationRow(
                subject: cipher.openOrNil(conversation.subjectEncrypted) ?? context.t("note.unreadable"),
                detail: [conversation.lifeDomain.map { context.t("domain.\($0.rawValue)") }, context.moment(conversation.lastMessageAt),
                         team ? context.t(conversation.withResident ? "conversation.with_resident" : "conversation.team_only") : nil].compactMap { $0 }.joined(separator: " · "),
                href: try href(conversation), unread: conversation.id.map(unread.contains) ?? false)
        }
    }
}
