import Domain
import Fluent
import Foundation
import SQLKit

/// Who triages early signals: a professional of an organisation the tenant
/// admin designated. Everyone else gets a 404: the queue does not exist for them.
enum SignalTriage {
    static func requireHandler(_ context: Context) async throws {
        guard context.actor.role == .professional, let organizationID = context.actor.organizationID,
              let organization = try await Organization.select(in: context.actor.tenantID, where: "id = \(bind: organizationID)", limit: 1, on: context.db).first,
              organization.handlesSignals == true else { throw AppError.notFound }
    }

    /// A case as triage lists it.
    struct Row: Encodable {
        let href: String; let name: String; let address: String; let kinds: String; let total: String
        let partners: Int; let months: String; let since: String; let status: String
        let known: String?; let attempts: Int; let contactDue: String; let contactOverdue: Bool
    }

    static let pageSize = 50

    /// The open cases, in triage's order (`CaseWeight.precedes`, read by the queue index).
    static func queue(page: Int, rules: SignalRules, in context: Context) async throws -> [Row] {
        let tenantID = context.actor.tenantID
        // Each open status read in the index's order up to this page — only the
        // weights — then merged, and only the page's cases read whole:
        // "status <> closed" would read and sort every open case for each page.
        var open: [(id: UUID, weight: CaseWeight)] = []
        for status in [SignalCaseStatus.received, .inContact] {
            let rows = try await context.db.sql.raw("""
                SELECT id, partners, longest_months, total_arrears_cents, first_signalled_on FROM signal_cases
                WHERE tenant_id = \(bind: tenantID) AND status = \(bind: status.rawValue)
                ORDER BY partners DESC, longest_months DESC, total_arrears_cents DESC, first_signalled_on, id LIMIT \(bind: (page + 1) * pageSize)
                """).all()
            open += try rows.map { row in
                (try row.decode(column: "id", as: UUID.self),
                 CaseWeight(totalArrearsCents: try row.decode(column: "total_arrears_cents", as: Int.self), partners: try row.decode(column: "partners", as: Int.self),
                            longestMonths: try row.decode(column: "longest_months", as: Int.self),
                            firstSignalled: CivilDay(try row.decode(column: "first_signalled_on", as: String.self)) ?? .today()))
            }
        }
        open.sort { CaseWeight.precedes($0.weight, $1.weight) || (!CaseWeight.precedes($1.weight, $0.weight) && $0.id.uuidString < $1.id.uuidString) }
        let ids = open.dropFirst(page * pageSize).prefix(pageSize).map(\.id)
        guard !ids.isEmpty else { return [] }
        let cases = Dictionary(try await SignalCase.select(in: tenantID, where: "id IN (\(binds: ids))", on: context.db).map { (try $0.requireID(), $0) },
                               uniquingKeysWith: { a, _ in a })
        return try await rows(ids.compactMap { cases[$0] }, rules: rules, in: context)
    }

    static func rows(_ cases: [SignalCase], rules: SignalRules, in context: Context) async throws -> [Row] {
        let tenantID = context.actor.tenantID
        let ids = cases.compactMap(\.id)
        guard !ids.isEmpty else { return [] }
        let signals = try await Signal.select(in: tenantID, where: "case_id IN (\(binds: ids))", orderBy: "signalled_on, id", on: context.db)
        let byCase = Dictionary(grouping: signals, by: \.caseID)
        let attempts = try await context.db.sql.raw("""
            SELECT case_id, COUNT(*) AS tries FROM outreach_attempts WHERE tenant_id = \(bind: tenantID) AND case_id IN (\(binds: ids)) GROUP BY case_id
            """).all()
        let tries = Dictionary(try attempts.map { (try $0.decode(column: "case_id", as: UUID.self), try $0.decode(column: "tries", as: Int.self)) },
                               uniquingKeysWith: { a, _ in a })
        let known = try await ResidentAccess(context: context).knownHouseholds(bsnLookups: Array(Set(signals.compactMap(\.bsnLookup))))
        let cipher = FieldCipher(key: context.keys.field)
        let today = context.today
        return try cases.map { signalCase in
            let id = try signalCase.requireID()
            let caseSignals = byCase[id] ?? []
            let earliest: Signal? = caseSignals.first
            let person = earliest.flatMap { Self.person(of: $0, cipher: cipher) }
            let due = CivilDay(signalCase.firstSignalledOn).map { rules.contactDue(firstSignalled: $0).iso } ?? signalCase.firstSignalledOn
            let knownTo = caseSignals.compactMap(\.bsnLookup).compactMap { known[$0] }.first
            return Row(
                href: SiteRoute.signalCase.path(id), name: person?.name ?? context.t("note.unreadable"), address: person?.address ?? "",
                kinds: Set(caseSignals.map(\.kind)).sorted().map { context.t("signal.kind.\($0)") }.joined(separator: ", "),
                total: "€ " + Money.euros(signalCase.totalArrearsCents), partners: signalCase.partners, months: monthsText(signalCase.longestMonths, in: context),
                since: context.shortDay(signalCase.firstSignalledOn), status: context.t("signal.status.\(signalCase.status)"),
                known: knownTo.map { $0.isEmpty ? context.t("signal.known") : context.t("signal.known_to", $0) },
                attempts: tries[id] ?? 0, contactDue: context.shortDay(due),
                contactOverdue: signalCase.firstContactOn == nil && (tries[id] ?? 0) == 0 && due < today)
        }
    }

    /// "1 maand", "3 maanden".
    static func monthsText(_ months: Int, in context: Context) -> String {
        context.t(months == 1 ? "signal.months_one" : "signal.months", String(months))
    }

    static func person(of signal: Signal, cipher: FieldCipher) -> PersonRecord? {
        cipher.openOrNil(signal.personEncrypted).flatMap { try? JSONDecoder().decode(PersonRecord.self, from: Data($0.utf8)) }
    }
}
