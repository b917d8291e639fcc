import Foundation

/// One organisation's place on a household's team, as the access rule sees
/// it: the facts that decide what it may read, and who reads for it.
public struct TeamSeat: Equatable, Sendable {
    public let contactUserID: UUID?
    public let context: AccessContext

    public init(contactUserID: UUID?, context: AccessContext) {
        self.contactUserID = contactUserID
        self.context = context
    }
}

/// Who hears of a new message in a conversation about one life domain. The
/// access rule itself decides: the contact person of every organisation on
/// the team that may read the domain's details (a partner only under the
/// resident's consent), the people who wrote in it before while they still
/// may, and the resident's own accounts when they were included. A
/// volunteer is never among them: nothing of a conversation is shared with one.
public enum ConversationAudience {
    /// The team's people read it on the household page, the resident's in the portal.
    public struct Recipients: Equatable, Sendable {
        public var team: Set<UUID>
        public var residents: Set<UUID>
        public var all: Set<UUID> { team.union(residents) }

        public init(team: Set<UUID> = [], residents: Set<UUID> = []) {
            (self.team, self.residents) = (team, residents)
        }
    }

    public static func recipients(
        seats: [TeamSeat], domain: LifeDomain, earlierWriters: [UUID: AccessContext] = [:],
        residentAccounts: [UUID] = [], includesResident: Bool, author: UUID
    ) -> Recipients {
        var users = Set<UUID>()
        for seat in seats {
            guard let user = seat.contactUserID, AccessPolicy.decide(seat.context, .detail(domain)).isAllowed else { continue }
            users.insert(user)
        }
        for (user, context) in earlierWriters where AccessPolicy.decide(context, .detail(domain)).isAllowed { users.insert(user) }
        users.remove(author)
        let residents = includesResident ? Set(residentAccounts).subtracting([author]) : []
        return Recipients(team: users.subtracting(residents), residents: residents)
    }
}

/// The limits of what a conversation holds.
public enum ConversationLimits {
    public static let subject = 150
    public static let message = 5000
}
