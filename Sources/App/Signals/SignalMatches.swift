import Domain
import Fluent
import Foundation
import SQLKit

/// Cases whose people may be the same (the same name with the same birth
/// date or in the same postcode, at another address): never merged by
/// themselves. A person of the designated team combines them — the
/// signals and attempts of this case join the other, which is reweighed —
/// or keeps them apart, and the question is not asked again.
enum SignalMatches {
    enum Decision: String { case combine, apart }

    /// Another open case this case's signals may share people with, as the page shows it.
    struct Candidate: Encodable { let caseID: String; let href: String; let name: String; let address: String; let since: String }

    /// The other cases named on `signals`, still open.
    static func candidates(of signals: [Signal], tenantID: UUID, in context: Context) async throws -> [Candidate] {
        let ids = Array(Set(signals.flatMap(otherCases)))
        guard !ids.isEmpty else { return [] }
        let open = try await SignalCase.select(in: tenantID, where: "id IN (\(binds: ids)) AND status <> \(bind: SignalCaseStatus.closed.rawValue)",
                                               orderBy: "first_signalled_on, id", on: context.db)
        let cipher = FieldCipher(key: context.keys.field)
        var candidates: [Candidate] = []
        for other in open {
            let otherID = try other.requireID()
            let first = try await Signal.select(in: tenantID, where: "case_id = \(bind: otherID)", orderBy: "signalled_on, id", limit: 1, on: context.db).first
            let person = first.flatMap { SignalTriage.person(of: $0, cipher: cipher) }
            candidates.append(Candidate(caseID: otherID.uuidString, href: SiteRoute.signalCase.path(otherID), name: person?.name ?? context.t("note.unreadable"),
                                        address: person?.address ?? "", since: context.shortDay(other.firstSignalledOn)))
        }
        return candidates
    }

    static func otherCases(_ signal: Signal) -> [UUID] {
        (signal.uncertainCases ?? "").split(separator: ",").compactMap { UUID(uuidString: String($0)) }
    }

    /// Applies the decision on the version of `signalCase` the person saw;
    /// false when someone was first or the other case is no longer open.
    /// Returns the case to show next.
    static func decide(_ decision: Decision, on signalCase: SignalCase, other otherID: UUID, version: Int, in context: Context) async throws -> UUID? {
        let tenantID = signalCase.tenantID, caseID = try signalCase.requireID()
        return try await context.db.transaction { tx -> UUID? in
            let sql = tx.sql
            // The version moves first: a second decision on what the person saw finds nothing to change.
            guard try await sql.updateVersioned(SignalCase.schema, id: caseID, in: tenantID, expectedVersion: version, {
                    $0.where("status", .notEqual, SignalCaseStatus.closed.rawValue)
                }),
                let other = try await SignalCase.select(in: tenantID, where: "id = \(bind: otherID) AND status <> \(bind: SignalCaseStatus.closed.rawValue)",
                                                        limit: 1, on: tx).first
            else { return nil }
            let signals = try await Signal.select(in: tenantID, where: "case_id IN (\(binds: [caseID, otherID]))", on: tx)
            // Neither case asks about the other again; once combined, a third case that asked about this one asks about the other.
            var asking = signals
            if decision == .combine {
                let keys = Array(Set(signals.compactMap(\.nameBirthKey) + signals.map(\.namePostcodeKey)))
                asking += try await Signal.select(in: tenantID, where: """
                    case_id NOT IN (\(binds: [caseID, otherID])) AND (name_birth_key IN (\(binds: keys)) OR name_postcode_key IN (\(binds: keys)))
                    """, on: tx)
            }
            for signal in asking where !otherCases(signal).isEmpty {
                let own = signal.caseID == caseID || signal.caseID == otherID
                var kept = otherCases(signal).map { $0 == caseID && !own ? otherID : $0 }.filter { !own || ($0 != caseID && $0 != otherID) }
                kept = kept.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
                try await sql.update(Signal.schema).set("uncertain_cases", to: kept.isEmpty ? nil : kept.map(\.uuidString).joined(separator: ","))
                    .where("tenant_id", .equal, tenantID).where("id", .equal, try signal.requireID()).run()
            }
            switch decision {
            case .apart:
                try await context.audit("signal_case.kept_apart", outcome: .success, basis: .administration, objectType: "signal_case", objectID: caseID.uuidString, on: tx)
                return caseID
            case .combine:
                for table in [Signal.schema, OutreachAttempt.schema] {
                    try await sql.update(table).set("case_id", to: otherID).where("tenant_id", .equal, tenantID).where("case_id", .equal, caseID).run()
                }
                // Contact made on either counts for both; the earliest first contact stands.
                if signalCase.caseStatus == .inContact {
                    let first = [signalCase.firstContactOn, other.firstContactOn].compactMap { $0 }.min()
                    try await sql.update(SignalCase.schema).set("updated_at", to: Date()).set("status", to: SignalCaseStatus.inContact.rawValue).set("first_contact_on", to: first)
                        .where("tenant_id", .equal, tenantID).where("id", .equal, otherID).run()
                }
                // The emptied case stays, closed as combined, so what the monitor counted of it is taken back at its next refresh.
                try await sql.update(SignalCase.schema).set("updated_at", to: Date()).set("status", to: SignalCaseStatus.closed.rawValue)
                    .set("outcome", to: SignalOutcome.combined.rawValue).set("closed_on", to: context.today)
                    .where("tenant_id", .equal, tenantID).where("id", .equal, caseID).run()
                try await SignalIntake.reweigh(otherID, tenantID: tenantID, on: tx)
                for id in [caseID, otherID] {
                    try await context.audit("signal_case.combined", outcome: .success, basis: .administration, objectType: "signal_case", objectID: id.uuidString, on: tx)
                }
                return otherID
            }
        }
    }
}
