import Domain
import Fluent
import Foundation
import SQLKit

/// The documents of an opened household, each readable by the access rule
/// for its life domain; a resident reads those shared with them and their own.
extension ResidentAccess.Opened {
    /// Whether the viewer may delete it: the team that may write in its domain, or a resident their own upload.
    func mayDelete(_ document: Document, by actor: Actor) -> Bool {
        guard mayRead(document), !document.isDeleted, let domain = document.lifeDomain else { return false }
        return context.role == .resident ? document.uploadedBy == actor.userID && allows(.participate) : allows(.write(domain))
    }

    /// The documents the viewer may read (of one conversation, when given), newest first, deleted ones (tombstones) included.
    func documents(conversation: UUID? = nil, limit: Int = 200, on db: any Database) async throws -> [Document] {
        try await rows(Document.self, where: conversation.map { "conversation_id = \(bind: $0)" }, orderBy: "created_at DESC, id", limit: limit, on: db)
    }
}
