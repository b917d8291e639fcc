import Domain
import Fluent
import Foundation
import SQLKit

/// Reads what the monitor derives facts from: which households changed
/// since a moment, and the history of a batch of households. The monitor
/// reads every household of the tenant for aggregates only; nothing read
/// here is ever shown per resident (ResidentDataAccessTests lists it so).
struct MonitorSources {
    let db: any Database
    let tenantID: UUID

    /// Households with a change after `since`, and those whose facts time
    /// alone changes by `today` (a new month, a passed deadline). UNION ALL,
    /// made distinct here: for a UNION, SQLite with a large city's statistics
    /// walked each table's household index whole to merge them in order —
    /// 8 seconds at 1,000,000 residents for a refresh of 16 households.
    func changedHouseholds(since: Date, today: CivilDay) async throws -> [UUID] {
        let t = tenantID
        let rows = try await db.sql.raw("""
            SELECT id FROM households WHERE tenant_id = \(bind: t) AND updated_at > \(bind: since)
            UNION ALL SELECT household_id FROM residents WHERE tenant_id = \(bind: t) AND updated_at > \(bind: since)
            UNION ALL SELECT household_id FROM involvements WHERE tenant_id = \(bind: t) AND updated_at > \(bind: since)
            UNION ALL SELECT household_id FROM consents WHERE tenant_id = \(bind: t) AND updated_at > \(bind: since)
            UNION ALL SELECT household_id FROM goals WHERE tenant_id = \(bind: t) AND updated_at > \(bind: since)
            UNION ALL SELECT household_id FROM referrals WHERE tenant_id = \(bind: t) AND updated_at > \(bind: since)
            UNION ALL SELECT household_id FROM assessments WHERE tenant_id = \(bind: t) AND created_at > \(bind: since)
            UNION ALL SELECT household_id FROM plan_versions WHERE tenant_id = \(bind: t) AND signed_at > \(bind: since)
            UNION ALL SELECT id FROM signal_cases WHERE tenant_id = \(bind: t) AND updated_at > \(bind: since)
            UNION ALL SELECT household_id FROM signal_cases WHERE tenant_id = \(bind: t) AND updated_at > \(bind: since) AND household_id IS NOT NULL
            UNION ALL SELECT household_id FROM participation_profiles WHERE tenant_id = \(bind: t) AND updated_at > \(bind: since)
            UNION ALL SELECT household_id FROM participation_proposals WHERE tenant_id = \(bind: t) AND updated_at > \(bind: since)
            UNION ALL SELECT household_id FROM participation_placements WHERE tenant_id = \(bind: t) AND updated_at > \(bind: since)
            UNION ALL SELECT offer_id FROM participation_offer_places WHERE tenant_id = \(bind: t) AND updated_at > \(bind: since)
            UNION ALL SELECT id FROM monitor_households WHERE tenant_id = \(bind: t) AND recheck_on <= \(bind: today.iso)
            """).all()
        var seen = Set<UUID>()
        return try rows.map { try $0.decode(column: "id", as: UUID.self) }.filter { seen.insert($0).inserted }
    }

    /// Every household of the tenant, every early-signal case and every participation offer, for a rebuild.
    func allHouseholds() async throws -> [UUID] {
        try await db.sql.raw("""
            SELECT id FROM households WHERE tenant_id = \(bind: tenantID) UNION ALL SELECT id FROM signal_cases WHERE tenant_id = \(bind: tenantID)
            UNION ALL SELECT id FROM participation_offers WHERE tenant_id = \(bind: tenantID) ORDER BY id
            """).all().map { try $0.decode(column: "id", as: UUID.self) }
    }

    /// The histories of these households, read with one statement per table.
    func histories(of households: [UUID]) async throws -> [UUID: HouseholdHistory] {
        guard !households.isEmpty else { return [:] }
        let ids = SQLList(households.map { SQLBind($0) })
        func rows(_ sql: SQLQueryString) async throws -> [any SQLRow] { try await db.sql.raw(sql).all() }
        var builder = HistoryBuilder(municipal: try await municipalOrganizations())
        for row in try await rows("SELECT id, neighbourhood_code FROM households WHERE tenant_id = \(bind: tenantID) AND id IN (\(ids))") {
            builder.household(try row.decode(column: "id", as: UUID.self), neighbourhood: try row.decode(column: "neighbourhood_code", as: String?.self))
        }
        for row in try await rows("SELECT id, household_id, birth_date, relation FROM residents WHERE tenant_id = \(bind: tenantID) AND household_id IN (\(ids))") { try builder.member(row) }
        for row in try await rows("SELECT id, household_id, organization_id, domains, is_coordinator, starts_on, ends_on, contact_user_id FROM involvements WHERE tenant_id = \(bind: tenantID) AND household_id IN (\(ids))") {
            try builder.involvement(row)
        }
        for row in try await rows("SELECT household_id, recipient_organization_id, domains, valid_from, valid_to, status, withdrawn_at FROM consents WHERE tenant_id = \(bind: tenantID) AND household_id IN (\(ids))") {
            try builder.consent(row)
        }
        for row in try await rows("SELECT household_id, id, domain, status, updated_at FROM goals WHERE tenant_id = \(bind: tenantID) AND household_id IN (\(ids))") { try builder.goal(row) }
        for row in try await rows("SELECT household_id, signed_at FROM plan_versions WHERE tenant_id = \(bind: tenantID) AND household_id IN (\(ids))") { try builder.signature(row) }
        for row in try await rows("""
            SELECT household_id, closed_on FROM signal_cases WHERE tenant_id = \(bind: tenantID) AND household_id IN (\(ids)) AND outcome = \(bind: SignalOutcome.acceptedHelp.rawValue)
            """) { try builder.signalHelp(row) }
        let referrals = try await rows("SELECT id, household_id, domains, requester_organization_id, receiver_organization_id, sent_on, due_on FROM referrals WHERE tenant_id = \(bind: tenantID) AND household_id IN (\(ids))")
        let events = try await rows("""
            SELECT e.referral_id, e.to_status, e.outcome, e.occurred_at FROM referral_events e JOIN referrals r ON r.id = e.referral_id AND r.tenant_id = e.tenant_id
            WHERE e.tenant_id = \(bind: tenantID) AND r.household_id IN (\(ids))
            """)
        try builder.referrals(referrals, events: events)
        let assessments = try await rows("SELECT id, household_id, resident_id, instrument_id, assessed_on, source, organization_id FROM assessments WHERE tenant_id = \(bind: tenantID) AND household_id IN (\(ids))")
        let scores = try await rows("""
            SELECT s.assessment_id, s.domain, s.score FROM assessment_scores s JOIN assessments a ON a.id = s.assessment_id AND a.tenant_id = s.tenant_id
            WHERE s.tenant_id = \(bind: tenantID) AND a.household_id IN (\(ids))
            """)
        try builder.assessments(assessments, scores: scores)
        try await participation(of: ids, into: &builder)
        return builder.histories
    }

    /// Profiles, proposals (with their offer's provider) and placements (with theirs).
    private func participation(of ids: SQLList, into builder: inout HistoryBuilder) async throws {
        let t = tenantID
        for row in try await db.sql.raw("SELECT household_id, resident_id, created_at FROM participation_profiles WHERE tenant_id = \(bind: t) AND household_id IN (\(ids))").all() {
            try builder.participationProfile(row)
        }
        let provider: SQLQueryString = """
            JOIN participation_offers o ON o.tenant_id = x.tenant_id AND o.id = x.offer_id JOIN services s ON s.tenant_id = o.tenant_id AND s.id = o.service_id
            JOIN map_organizations m ON m.tenant_id = s.tenant_id AND m.id = s.map_organization_id
            """
        for row in try await db.sql.raw("""
            SELECT x.id, x.household_id, x.resident_id, x.created_at, s.map_organization_id, m.organization_id, m.informal FROM participation_proposals x \(provider)
            WHERE x.tenant_id = \(bind: t) AND x.household_id IN (\(ids))
            """).all() { try builder.participationProposal(row) }
        for row in try await db.sql.raw("""
            SELECT x.id, x.household_id, x.resident_id, x.host_organization_id, x.started_on, x.ended_on, x.rung_before, s.map_organization_id, m.informal
            FROM participation_placements x \(provider) WHERE x.tenant_id = \(bind: t) AND x.household_id IN (\(ids))
            """).all() { try builder.placement(row) }
    }

    private func municipalOrganizations() async throws -> Set<UUID> {
        Set(try await db.sql.raw("SELECT id FROM organizations WHERE tenant_id = \(bind: tenantID) AND part_of_municipality = \(bind: true)")
            .all().map { try $0.decode(column: "id", as: UUID.self) })
    }

    /// Of these ids, the early-signal cases' histories: their signals, when
    /// contact was due (the tenant's target) and came, how they ended, and
    /// whether the same people had accepted help after an earlier signal.
    func signalCaseHistories(of ids: [UUID]) async throws -> [UUID: SignalCaseHistory] {
        guard !ids.isEmpty else { return [:] }
        let list = SQLList(ids.map { SQLBind($0) })
        let cases = try await db.sql.raw("""
            SELECT id, neighbourhood_code, first_signalled_on, first_contact_on, closed_on, outcome FROM signal_cases WHERE tenant_id = \(bind: tenantID) AND id IN (\(list))
            """).all()
        guard !cases.isEmpty else { return [:] }
        let rules = try await SignalSettings.rules(of: tenantID, on: db)
        var signals: [UUID: [SignalCaseHistory.Signal]] = [:]
        for row in try await db.sql.raw("""
            SELECT id, case_id, partner_organization_id, kind, signalled_on FROM signals WHERE tenant_id = \(bind: tenantID) AND case_id IN (\(list))
            """).all() {
            guard let day = CivilDay(try row.decode(column: "signalled_on", as: String.self)) else { continue }
            signals[try row.decode(column: "case_id", as: UUID.self), default: []].append(.init(
                id: try row.decode(column: "id", as: UUID.self).uuidString, partner: try row.decode(column: "partner_organization_id", as: UUID.self).uuidString,
                kind: try row.decode(column: "kind", as: String.self), day: day))
        }
        var afterHelp = Set<UUID>()
        for token in ["address_key", "bsn_lookup"] {
            for row in try await db.sql.raw("""
                SELECT s.case_id FROM signals s
                JOIN signals o ON o.tenant_id = s.tenant_id AND o.\(ident: token) = s.\(ident: token)
                JOIN signal_cases c ON c.tenant_id = o.tenant_id AND c.id = o.case_id
                WHERE s.tenant_id = \(bind: tenantID) AND s.case_id IN (\(list)) AND c.id <> s.case_id
                AND c.outcome = \(bind: SignalOutcome.acceptedHelp.rawValue) AND c.closed_on < s.signalled_on
                """).all() { afterHelp.insert(try row.decode(column: "case_id", as: UUID.self)) }
        }
        var histories: [UUID: SignalCaseHistory] = [:]
        for row in cases {
            let id = try row.decode(column: "id", as: UUID.self)
            guard let first = CivilDay(try row.decode(column: "first_signalled_on", as: String.self)) else { continue }
            histories[id] = SignalCaseHistory(
                id: id.uuidString, neighbourhood: try row.decode(column: "neighbourhood_code", as: String?.self), signals: signals[id] ?? [],
                contactDue: rules.contactDue(firstSignalled: first),
                firstContact: try row.decode(column: "first_contact_on", as: String?.self).flatMap(CivilDay.init),
                closed: try row.decode(column: "closed_on", as: String?.self).flatMap(CivilDay.init),
                outcome: try row.decode(column: "outcome", as: String?.self), afterHelp: afterHelp.contains(id))
        }
        return histories
    }

    /// Of these ids, the participation offers' histories: where each lies,
    /// its provider (the Samenspel organisation behind it, else the map's, as
    /// proposals and placements name their host) and its recorded places.
    func offerHistories(of ids: [UUID]) async throws -> [UUID: OfferHistory] {
        guard !ids.isEmpty else { return [:] }
        let list = SQLList(ids.map { SQLBind($0) })
        let offers = try await db.sql.raw("""
            SELECT o.id, o.kind, o.neighbourhood_code, s.map_organization_id, m.organization_id, m.informal FROM participation_offers o
            JOIN services s ON s.tenant_id = o.tenant_id AND s.id = o.service_id JOIN map_organizations m ON m.tenant_id = s.tenant_id AND m.id = s.map_organization_id
            WHERE o.tenant_id = \(bind: tenantID) AND o.id IN (\(list))
            """).all()
        guard !offers.isEmpty else { return [:] }
        var places: [UUID: [OfferHistory.Places]] = [:]
        for row in try await db.sql.raw("""
            SELECT offer_id, day, places, places_free FROM participation_offer_places WHERE tenant_id = \(bind: tenantID) AND offer_id IN (\(list))
            """).all() {
            guard let day = CivilDay(try row.decode(column: "day", as: String.self)) else { continue }
            places[try row.decode(column: "offer_id", as: UUID.self), default: []].append(.init(
                day: day, places: try row.decode(column: "places", as: Int.self), free: try row.decode(column: "places_free", as: Int.self)))
        }
        var histories: [UUID: OfferHistory] = [:]
        for row in offers {
            let id = try row.decode(column: "id", as: UUID.self)
            let organization = try row.decode(column: "organization_id", as: UUID?.self) ?? row.decode(column: "map_organization_id", as: UUID.self)
            histories[id] = OfferHistory(id: id.uuidString, neighbourhood: try row.decode(column: "neighbourhood_code", as: String?.self),
                                         organization: organization.uuidString, kind: try row.decode(column: "kind", as: String.self),
                                         informal: try row.decode(column: "informal", as: Bool.self), places: places[id] ?? [])
        }
        return histories
    }
}
