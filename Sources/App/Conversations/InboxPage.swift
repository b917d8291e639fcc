import Domain
import Vapor

/// A professional's conversations, unread first in mind: what the menu's
/// count and the worklist point at.
struct InboxPage: Encodable {
    struct Item: Encodable { let household: String; let subject: String; let detail: String; let href: String; let unread: Bool }
    let items: [Item]

    static func build(in context: Context, unreadOnly: Bool = false) async throws -> InboxPage {
        let cipher = FieldCipher(key: context.keys.field)
        let items = try await ResidentAccess(context: context).inbox(unreadOnly: unreadOnly)
        return InboxPage(items: items.map { item in
            Item(household: item.householdName, subject: cipher.openOrNil(item.subjectEncrypted) ?? context.t("note.unreadable"),
                 detail: context.t("domain.\(item.domain.rawValue)") + " · " + context.moment(item.lastMessageAt),
                 href: SiteRoute.conversation.path(item.householdID, item.conversationID), unread: item.unread)
        })
    }
}
