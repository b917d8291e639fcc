import Domain
import Fluent
import SQLKit
import Vapor

/// The household's timeline: every change to its plan, notes, consents and
/// team, across organisations, newest first — read from the access log
/// (which already records each change with its life domain), and shown only
/// as far as the viewer may see that domain.
enum Timeline {
    struct Item: Encodable { let when: String; let who: String; let what: String }

    /// Changes, not reads: these events appear on the timeline.
    static let events: Set<String> = Set([
        "household.create", "goal.created", "goal.updated", "note.created", "action.created", "action.done",
        "consent.given", "consent.refused", "consent.withdrawn", "involvement.created", "involvement.contact_set", "coordination.handover",
        "plan.signed", "break_the_glass.opened", "assessment.created",
    ]).union(ReferralStatus.allCases.map { "referral.\($0.rawValue)" })

    static func items(for opened: ResidentAccess.Opened, in context: Context, limit: Int = 100) async throws -> [Item] {
        let household = opened.household
        let entries = try await changes(of: try household.requireID(), tenantID: household.tenantID, limit: limit * 2, on: context.db)
        let visible = entries.filter { entry in
            guard let purpose = entry.purpose, purpose.hasPrefix("detail:") else { return true }
            return LifeDomain(rawValue: String(purpose.dropFirst("detail:".count))).map { opened.allows(.detail($0)) } ?? false
        }.prefix(limit)
        let names = try await User.displayNames(of: visible.compactMap(\.userID), in: household.tenantID, on: context.db)
        let organizations = try await context.organizationNames(in: household.tenantID)
        return visible.map { entry in
            let domain = entry.purpose.flatMap { $0.hasPrefix("detail:") ? context.t("domain.\($0.dropFirst("detail:".count))") : nil }
            return Item(
                when: context.shortMoment(entry.occurredAt),
                who: [entry.userID.flatMap { names[$0] }, entry.organizationID.flatMap { organizations[$0] }].compactMap { $0 }.joined(separator: ", "),
                what: context.t("timeline.\(entry.event)") + (domain.map { " (\($0))" } ?? "")
            )
        }
    }

    struct Change { let occurredAt: Date; let event: String; let userID: UUID?; let organizationID: UUID?; let purpose: String? }

    /// The household's latest changes in the access log, newest first: only
    /// the columns the timeline shows (it is part of every household page).
    static func changes(of householdID: UUID, tenantID: UUID, limit: Int, on db: any Database) async throws -> [Change] {
        let rows = try await db.sql.raw("""
            SELECT occurred_at, event, user_id, organization_id, purpose FROM access_log_entries
            WHERE tenant_id = \(bind: tenantID) AND subject_id = \(bind: householdID)
              AND event IN (\(binds: events.sorted())) AND outcome IN (\(binds: ["success", "allowed"]))
            ORDER BY occurred_at DESC LIMIT \(literal: limit)
            """).all()
        return try rows.map { row in
            Change(occurredAt: try row.decode(column: "occurred_at", as: Date.self), event: try row.decode(column: "event", as: String.self),
                   userID: try row.decode(column: "user_id", as: UUID?.self), organizationID: try row.decode(column: "organization_id", as: UUID?.self),
                   purpose: try row.decode(column: "purpose", as: String?.self))
        }
    }
}
