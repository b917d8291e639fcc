import Domain
import Fluent
import Foundation
import SQLKit

/// The documents of an opened household, each readable by the access rule
/// for its life domain; a resident reads those shared with them and their own.
extension ResidentAccess.Opened {
    func mayRead(_ document: Document) -> Bool {
        guard document.householdID == householdID, let domain = document.lifeDomain, allows(.detail(domain)) else { return false }
        return context.role != .resident || document.sharedWithResident || document.fromResident
    }

    /// Whether the viewer may delete it: the team that may write in its domain, or a resident their own upload.
    func mayDelete(_ document: Document, by actor: Actor) -> Bool {
        guard mayRead(document), !document.isDeleted, let domain = document.lifeDomain else { return false }
        return context.role == .resident ? document.uploadedBy == actor.userID && allows(.participate) : allows(.write(domain))
    }

    /// The documents the viewer may read, newest first, deleted ones (tombstones) included.
    func documents(conversation: UUID? = nil, limit: Int = 200, on db: any Database) async throws -> [Document] {
        let domains = LifeDomain.allCases.filter { allows(.detail($0)) }
        guard !domains.isEmpty else { return [] }
        let inConversation: SQLQueryString = conversation.map { " AND conversation_id = \(bind: $0)" } ?? ""
        let rows = try await Document.select(
            in: tenantID, where: "household_id = \(bind: householdID) AND domain IN (\(binds: domains.map(\.rawValue)))\(inConversation)",
            orderBy: "created_at DESC, id", limit: limit, on: db)
        return rows.filter(mayRead)
    }
}

extension ResidentAccess {
    /// The document `documentID` in the actor's tenant, its household opened
    /// for reading its domain or (`writing`) for changing it; every decision
    /// is logged naming the document. One the viewer may not read is 404.
    func openDocument(_ documentID: UUID?, writing: Bool, event: String) async throws -> (Opened, Document) {
        guard let id = documentID, let document = try await Document.select(in: actor.tenantID, where: "id = \(bind: id)", limit: 1, on: context.db).first,
              let domain = document.lifeDomain else {
            _ = try await open(nil, .identity, event: event)
            throw AppError.notFound
        }
        let object = LoggedObject(type: "document", id: id)
        if actor.role == .resident, !(document.sharedWithResident || document.fromResident) {
            try await log(event, .denied(.notInvolved), householdID: document.householdID, scope: .detail(domain), object: object)
            throw AppError.notFound
        }
        let action: AccessAction = !writing ? .read(.detail(domain)) : actor.role == .resident ? .participate : .write(domain)
        let opened = try await open(document.householdID, action, event: event, object: object)
        guard opened.mayRead(document) else { throw AppError.forbidden }
        return (opened, document)
    }
}
