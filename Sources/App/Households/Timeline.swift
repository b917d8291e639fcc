import Domain
import Fluent
import SQLKit
import Vapor

/// The household's timeline: every change to its plan, notes, consents and
/// team, across organisations, newest first — read from the access log
/// (which already records each change with its life domain), and shown only
/// as far as the viewer may see that domain. Each entry links to what it
/// describes when the viewer may see that (see `Targets`).
enum Timeline {
    struct Item: Encodable { let when: String; let who: String; let what: String; let href: String? }

    /// Changes, not reads: these events appear on the timeline.
    static let events: Set<String> = Set([
        "household.create", "goal.created", "goal.updated", "note.created", "action.created", "action.done",
        "consent.given", "consent.refused", "consent.withdrawn", "involvement.created", "involvement.contact_set", "coordination.handover",
        "plan.signed", "break_the_glass.opened", "assessment.created", "conversation.created", "message.created", "message.edited",
        "document.created", "document.deleted", "placement.started", "placement.ended",
        "appointment.created", "appointment.confirmed", "appointment.change_requested", "appointment.moved", "appointment.cancelled",
    ]).union(ReferralStatus.allCases.map { "referral.\($0.rawValue)" })

    static func items(for opened: ResidentAccess.Opened, targets: Targets = .none, in context: Context, limit: Int = 100) async throws -> [Item] {
        let household = opened.household
        let entries = try await changes(of: try household.requireID(), tenantID: household.tenantID, limit: limit * 2, on: context.db)
        let visible = entries.filter { entry in
            guard let domain = entry.domain else { return entry.purpose?.hasPrefix("detail:") != true }
            return opened.allows(.detail(domain))
        }.prefix(limit)
        let names = try await User.displayNames(of: visible.compactMap(\.userID), in: household.tenantID, on: context.db)
        let organizations = try await context.organizationNames(in: household.tenantID)
        return visible.map { entry in
            let domain = entry.purpose.flatMap { $0.hasPrefix("detail:") ? context.t("domain.\($0.dropFirst("detail:".count))") : nil }
            return Item(
                when: context.shortMoment(entry.occurredAt),
                who: [entry.userID.flatMap { names[$0] }, entry.organizationID.flatMap { organizations[$0] }].compactMap { $0 }.joined(separator: ", "),
                what: context.t("timeline.\(entry.event)") + (domain.map { " (\($0))" } ?? ""),
                href: targets.link(entry, in: opened)
            )
        }
    }

    /// What the household page shows, as read through the opened household's
    /// readers (so the access rule has already decided each): the timeline
    /// links an entry only to one of these.
    struct Targets {
        var household: UUID?
        /// Goals whose own page the viewer may open (their domain's details).
        var goals: Set<UUID> = []
        /// Visible actions, each with its goal (whose page lists it).
        var actions: [UUID: UUID] = [:]
        /// Notes in the notes section, consents in the consent section, involvements as rows of the team.
        var notes: Set<UUID> = []
        /// Conversations the viewer may read.
        var conversations: Set<UUID> = []
        /// Documents the viewer may download (not deleted).
        var documents: Set<UUID> = []
        /// Appointments the viewer may open.
        var appointments: Set<UUID> = []
        var consents: Set<UUID> = []
        var involvements: Set<UUID> = []
        /// Visible assessments, each with the member whose progress shows it.
        var assessments: [UUID: UUID] = [:]
        /// Whether the page has a team section and the plan's versions may be compared.
        var team = false
        var planVersions = false

        static let none = Targets()

        func link(_ entry: Change, in opened: ResidentAccess.Opened) -> String? {
            guard let household, let object = entry.objectID.flatMap(UUID.init(uuidString:)) ?? (entry.objectType == "plan_version" ? household : nil) else { return nil }
            let page = SiteRoute.household.path(household)
            switch entry.objectType {
            case "goal": return goals.contains(object) ? SiteRoute.goal.path(household, object) : nil
            case "action": return actions[object].map { SiteRoute.goal.path(household, $0) }
            case "note": return notes.contains(object) ? page + "#" + HouseholdPage.noteAnchor(object) : nil
            case "appointment": return appointments.contains(object) ? SiteRoute.appointment.path(household, object) : nil
            case "document": return documents.contains(object) ? SiteRoute.document.path(household, object) : nil
            case "conversation": return conversations.contains(object) ? SiteRoute.conversation.path(household, object) : nil
            case "consent": return consents.contains(object) ? page + "#" + HouseholdPage.consentAnchor(object) : nil
            case "involvement":
                guard team else { return nil }
                return page + "#" + (involvements.contains(object) ? HouseholdPage.involvementAnchor(object) : "team-title")
            case "assessment": return assessments[object].map { page + "#" + AssessmentProgress.anchor($0) }
            // A referral's page opens under the referral rule for its goal's domain.
            case "referral": return entry.domain.flatMap { opened.allows(.referral($0)) ? SiteRoute.referral.path(object) : nil }
            case "plan_version": return planVersions ? SiteRoute.planVersions.path(household) : nil
            case "household": return entry.event == "household.create" ? page + "#members-title" : nil
            default: return nil
            }
        }
    }

    struct Change {
        let occurredAt: Date; let event: String; let userID: UUID?; let organizationID: UUID?; let purpose: String?
        let objectType: String?; let objectID: String?

        /// The life domain the change was logged under, if any.
        var domain: LifeDomain? {
            guard let purpose, purpose.hasPrefix("detail:") else { return nil }
            return LifeDomain(rawValue: String(purpose.dropFirst("detail:".count)))
        }
    }

    /// The household's latest changes in the access log, newest first: only
    /// the columns the timeline shows (it is part of every household page).
    static func changes(of householdID: UUID, tenantID: UUID, limit: Int, on db: any Database) async throws -> [Change] {
        let rows = try await db.sql.raw("""
            SELECT occurred_at, event, user_id, organization_id, purpose, object_type, object_id FROM access_log_entries
            WHERE chain = \(bind: AccessLogEntry.chainKey(for: tenantID)) AND tenant_id = \(bind: tenantID) AND subject_id = \(bind: householdID)
              AND event IN (\(binds: events.sorted())) AND outcome IN (\(binds: ["success", "allowed"]))
            ORDER BY occurred_at DESC LIMIT \(literal: limit)
            """).all()
        return try rows.map { row in
            Change(occurredAt: try row.decode(column: "occurred_at", as: Date.self), event: try row.decode(column: "event", as: String.self),
                   userID: try row.decode(column: "user_id", as: UUID?.self), organizationID: try row.decode(column: "organization_id", as: UUID?.self),
                   purpose: try row.decode(column: "purpose", as: String?.self),
                   objectType: try row.decode(column: "object_type", as: String?.self), objectID: try row.decode(column: "object_id", as: String?.self))
        }
    }
}
