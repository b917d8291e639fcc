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
        let known: String?; let attempts: String; let contact: String; let contactOverdue: Bool
    }

    static let pageSize = 50

    /// Where a page of the queue begins: at the top, after the key of the
    /// case before it, or (going back) before the key of the case after it.
    enum Position: Equatable {
        case first, after(String), before(String)

        /// From a link's query; a key that is not one reads as the top.
        init(after: String?, before: String?) {
            func valid(_ key: String?) -> String? {
                key.flatMap { $0.count == 60 && $0.allSatisfy { $0.isASCII && $0.isHexDigit && !$0.isLowercase } ? $0 : nil }
            }
            if let key = valid(after) { self = .after(key) } else if let key = valid(before) { self = .before(key) } else { self = .first }
        }
    }

    struct Page {
        let rows: [Row]
        let firstKey: String?, lastKey: String?
        let hasPrevious: Bool, hasNext: Bool
    }

    /// A page of open cases, in triage's order (`CaseWeight.precedes`, kept
    /// as each case's `queue_key`). Each open status is read by its index
    /// from the position on, one more than a page, then the two merged: no
    /// page reads or sorts the cases before it.
    static func queue(from position: Position, rules: SignalRules, in context: Context) async throws -> Page {
        if case .before = position {
            let page = try await keys(from: position, in: context)
            // Back at the top: the top page as it is now, with its own size.
            if page.count <= pageSize { return try await queue(from: .first, rules: rules, in: context) }
            return try await rows(Array(page.suffix(pageSize)), hasPrevious: true, hasNext: true, rules: rules, in: context)
        }
        let page = try await keys(from: position, in: context)
        return try await rows(Array(page.prefix(pageSize)), hasPrevious: position != .first, hasNext: page.count > pageSize, rules: rules, in: context)
    }

    /// Up to a page and one of the open cases from the position, in ascending
    /// key order: whole rows, as the index walk fetches them anyway, decoded
    /// only for the page.
    private static func keys(from position: Position, in context: Context) async throws -> [(key: String, row: any SQLRow)] {
        let tenantID = context.actor.tenantID, limit = pageSize + 1
        var found: [(key: String, row: any SQLRow)] = []
        for status in [SignalCaseStatus.received, .inContact] {
            let query: SQLQueryString
            switch position {
            case .first, .after:
                let after: String = if case .after(let key) = position { key } else { "" }
                query = """
                    SELECT * FROM signal_cases WHERE tenant_id = \(bind: tenantID) AND status = \(bind: status.rawValue)
                    AND queue_key > \(bind: after) ORDER BY queue_key LIMIT \(bind: limit)
                    """
            case .before(let key):
                query = """
                    SELECT * FROM signal_cases WHERE tenant_id = \(bind: tenantID) AND status = \(bind: status.rawValue)
                    AND queue_key < \(bind: key) ORDER BY queue_key DESC LIMIT \(bind: limit)
                    """
            }
            found += try await context.db.sql.raw(query).all().map { (try $0.decode(column: "queue_key", as: String.self), $0) }
        }
        found.sort { $0.key < $1.key }
        if case .before = position { return Array(found.suffix(limit)) }
        return Array(found.prefix(limit))
    }

    private static func rows(_ keys: [(key: String, row: any SQLRow)], hasPrevious: Bool, hasNext: Bool, rules: SignalRules,
                             in context: Context) async throws -> Page {
        let cases = try keys.map { try $0.row.decode(fluentModel: SignalCase.self) }
        return Page(rows: try await rows(cases, rules: rules, in: context),
                    firstKey: keys.first?.key, lastKey: keys.last?.key, hasPrevious: hasPrevious, hasNext: hasNext)
    }

    /// What a queue row shows of a signal: read as these columns, not as models.
    private struct Listed { let caseID: UUID; let kind: String; let bsnLookup: String?; let person: String }

    static func rows(_ cases: [SignalCase], rules: SignalRules, in context: Context) async throws -> [Row] {
        let tenantID = context.actor.tenantID
        let ids = cases.compactMap(\.id)
        guard !ids.isEmpty else { return [] }
        // Rows are words already: the template only places them (a page of
        // 50 spent more time in Leaf's comparisons and tags than in the database).
        let signals = try await context.db.sql.raw("""
            SELECT case_id, kind, bsn_lookup, person_encrypted FROM signals WHERE tenant_id = \(bind: tenantID) AND case_id IN (\(binds: ids))
            ORDER BY signalled_on, id
            """).all().map { row in
                Listed(caseID: try row.decode(column: "case_id", as: UUID.self), kind: try row.decode(column: "kind", as: String.self),
                       bsnLookup: try row.decode(column: "bsn_lookup", as: String?.self), person: try row.decode(column: "person_encrypted", as: String.self))
            }
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
            let person = caseSignals.first.flatMap { Self.person(sealed: $0.person, cipher: cipher) }
            let due = CivilDay(signalCase.firstSignalledOn).map { rules.contactDue(firstSignalled: $0).iso } ?? signalCase.firstSignalledOn
            let knownTo = caseSignals.compactMap(\.bsnLookup).compactMap { known[$0] }.first
            let count = tries[id] ?? 0
            let overdue = signalCase.firstContactOn == nil && count == 0 && due < today
            return Row(
                href: SiteRoute.signalCase.path(id), name: person?.name ?? context.t("note.unreadable"), address: person?.address ?? "",
                kinds: Set(caseSignals.map(\.kind)).sorted().map { context.t("signal.kind.\($0)") }.joined(separator: ", "),
                total: "€ " + Money.euros(signalCase.totalArrearsCents), partners: signalCase.partners, months: monthsText(signalCase.longestMonths, in: context),
                since: context.shortDay(signalCase.firstSignalledOn), status: context.t("signal.status.\(signalCase.status)"),
                known: knownTo.map { $0.isEmpty ? context.t("signal.known") : context.t("signal.known_to", $0) },
                attempts: count == 1 ? context.t("signal.attempt_one") : context.t("signal.attempts", String(count)),
                contact: context.t(overdue ? "signal.contact_overdue" : "signal.contact_due", context.shortDay(due)), contactOverdue: overdue)
        }
    }

    /// "1 maand", "3 maanden".
    static func monthsText(_ months: Int, in context: Context) -> String {
        context.t(months == 1 ? "signal.months_one" : "signal.months", String(months))
    }

    static func person(of signal: Signal, cipher: FieldCipher) -> PersonRecord? { person(sealed: signal.personEncrypted, cipher: cipher) }

    static func person(sealed: String, cipher: FieldCipher) -> PersonRecord? {
        cipher.openOrNil(sealed).flatMap { try? JSONDecoder().decode(PersonRecord.self, from: Data($0.utf8)) }
    }
}
