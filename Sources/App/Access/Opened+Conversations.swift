import Domain
import Fluent
import Foundation
import SQLKit

/// The conversations of an opened household, each readable by the access
/// rule for its life domain exactly as a note is; a resident reads only the
/// ones they were included in. Who hears of a new message is decided here
/// too, by the same rule, for every organisation on the team.
extension ResidentAccess.Opened {
    /// The conversations the viewer may read, latest activity first.
    func conversations(limit: Int = 100, on db: any Database) async throws -> [Conversation] {
        try await rows(Conversation.self, orderBy: "last_message_at DESC, id", limit: limit, on: db)
    }

    /// One conversation of this household, when the viewer may read it.
    func conversation(_ id: UUID?, on db: any Database) async throws -> Conversation? { try await row(Conversation.self, id, on: db) }

    /// A conversation's messages, oldest first, when the viewer may read it.
    func messages(of conversation: Conversation, on db: any Database) async throws -> [Message] {
        guard mayRead(conversation) else { return [] }
        return try await Message.select(in: tenantID, where: "conversation_id = \(bind: try conversation.requireID())", orderBy: "created_at, id", on: db)
    }

    /// One message of a readable conversation.
    func message(_ id: UUID?, of conversation: Conversation, on db: any Database) async throws -> Message? {
        guard mayRead(conversation), let id else { return nil }
        return try await Message.select(in: tenantID, where: "id = \(bind: id) AND conversation_id = \(bind: try conversation.requireID())", limit: 1, on: db).first
    }

    /// What the messages said before they were edited, per message, oldest first.
    func revisions(of messages: [Message], in conversation: Conversation, on db: any Database) async throws -> [UUID: [MessageRevision]] {
        let ids = messages.filter { $0.conversationID == conversation.id && $0.editedAt != nil }.compactMap(\.id)
        guard mayRead(conversation), !ids.isEmpty else { return [:] }
        let rows = try await MessageRevision.select(in: tenantID, where: "message_id IN (\(binds: ids))", orderBy: "written_at, id", on: db)
        return Dictionary(grouping: rows, by: \.messageID)
    }

    /// Who hears of a new message by `author` in `conversation` (`ConversationAudience`).
    func audience(of conversation: Conversation, author: UUID, on db: any Database) async throws -> ConversationAudience.Recipients {
        guard mayRead(conversation), let domain = conversation.lifeDomain else { return .init(team: [], residents: []) }
        let (seats, contexts) = try await team(on: db)
        let writers = try await Message.select(in: tenantID, where: "conversation_id = \(bind: try conversation.requireID())", on: db)
        var earlier: [UUID: AccessContext] = [:]
        for writer in writers { if let organization = writer.organizationID { earlier[writer.authorID] = contexts[organization] ?? AccessContext(role: .professional) } }
        var accounts: [UUID] = []
        let today = Day.today()
        if conversation.withResident {
            accounts += try await Resident.select(in: tenantID, where: "household_id = \(bind: householdID) AND user_id IS NOT NULL", on: db).compactMap(\.userID)
            accounts += try await Representation.select(in: tenantID, where: "household_id = \(bind: householdID)", on: db)
                .filter { $0.isActive(on: today) }.map(\.userID)
        }
        return ConversationAudience.recipients(seats: seats, domain: domain, earlierWriters: earlier, residentAccounts: accounts,
                                               includesResident: conversation.withResident, author: author)
    }
}

extension ResidentAccess.Opened {
    /// The life domains someone on the team may read: where a resident's new conversation is heard.
    func teamDomains(on db: any Database) async throws -> [LifeDomain] {
        let seats = try await team(on: db).seats.filter { $0.contactUserID != nil }
        return LifeDomain.allCases.filter { domain in seats.contains { AccessPolicy.decide($0.context, .detail(domain)).isAllowed } }
    }

    /// Each active involvement as a seat.
    func teamSeats(on db: any Database) async throws -> [TeamSeat] { try await team(on: db).seats }

    /// Each active involvement as a seat, with the facts the access rule decides its organisation's reading on.
    private func team(on db: any Database) async throws -> (seats: [TeamSeat], contexts: [UUID: AccessContext]) {
        let today = Day.today()
        let involvements = try await Involvement.select(in: tenantID, where: "household_id = \(bind: householdID)", on: db).filter { $0.isActive(on: today) }
        let consents = try await Consent.select(in: tenantID, where: "household_id = \(bind: householdID)", on: db)
            .filter { $0.effective(today: today) == .active }
        let organizations = involvements.isEmpty ? [] : try await Organization.select(in: tenantID, where: "id IN (\(binds: involvements.map(\.organizationID)))", on: db)
        var contexts: [UUID: AccessContext] = [:]
        for involvement in involvements {
            var facts = contexts[involvement.organizationID] ?? AccessContext(
                role: .professional, involvementDomains: [],
                organizationIsMunicipal: organizations.first { $0.id == involvement.organizationID }?.partOfMunicipality ?? false,
                consentDomains: consents.filter { $0.recipientOrganizationID == involvement.organizationID }.reduce(into: Set()) { $0.formUnion($1.lifeDomains) })
            facts.involvementDomains?.formUnion(involvement.lifeDomains)
            facts.isCoordinator = facts.isCoordinator || involvement.isCoordinator
            contexts[involvement.organizationID] = facts
        }
        return (involvements.map { TeamSeat(contactUserID: $0.contactUserID, context: contexts[$0.organizationID]!) }, contexts)
    }
}
