import Fluent
import Foundation
import SQLKit

/// The rows of a batch of households, written in one transaction: an
/// interrupted generation leaves whole batches or none of a batch.
struct SyntheticBatch {
    var households: [Household] = []
    var residents: [Resident] = []
    var involvements: [Involvement] = []
    var consents: [Consent] = []
    var goals: [Goal] = []
    var actions: [PlanAction] = []
    var notes: [Note] = []
    var referrals: [Referral] = []
    var referralEvents: [ReferralEvent] = []
    var assessments: [Assessment] = []
    var assessmentScores: [AssessmentScore] = []
    var planVersions: [PlanVersion] = []

    var rowCount: Int {
        households.count + residents.count + involvements.count + consents.count + goals.count + actions.count
            + notes.count + referrals.count + referralEvents.count + assessments.count + assessmentScores.count + planVersions.count
    }

    /// Multi-row inserts, in chunks that stay under SQLite's bind limit. The
    /// rows keep the moments they were given (Fluent's own create would stamp
    /// them all with now), so the history stays spread over time.
    func write(on db: any Database) async throws {
        try await db.transaction { tx in
            try await Self.insert(households, on: tx)
            try await Self.insert(residents, on: tx)
            try await Self.insert(involvements, on: tx)
            try await Self.insert(consents, on: tx)
            try await Self.insert(goals, on: tx)
            try await Self.insert(actions, on: tx)
            try await Self.insert(notes, on: tx)
            try await Self.insert(referrals, on: tx)
            try await Self.insert(referralEvents, on: tx)
            try await Self.insert(assessments, on: tx)
            try await Self.insert(assessmentScores, on: tx)
            try await Self.insert(planVersions, on: tx)
        }
    }

    /// Written with SQLKit, not Fluent's query builder: converting Fluent's
    /// query was a quarter of a generation's time (`perf`, 10,000 residents).
    static func insert<M: Model>(_ rows: [M], on db: any Database) async throws {
        guard let first = rows.first else { return }
        let columns = BackdatedInput.values(of: first).keys.map(\.description).sorted()
        var start = 0
        while start < rows.count {
            let end = min(start + 200, rows.count)
            var insert = db.sql.insert(into: M.schema).columns(columns)
            for row in rows[start..<end] {
                let values = BackdatedInput.values(of: row)
                insert = insert.values(try columns.map { try BackdatedInput.expression(values[FieldKey(stringLiteral: $0)] ?? .null) })
            }
            try await insert.run()
            start = end
        }
    }
}

/// A row's columns as they were set, with a creation or change moment left
/// empty filled in with now.
private final class BackdatedInput: DatabaseInput {
    var storage: [FieldKey: DatabaseQuery.Value] = [:]
    let wantsUnmodifiedKeys = true

    func set(_ value: DatabaseQuery.Value, at key: FieldKey) { storage[key] = value }

    static func values(of model: some Model) -> [FieldKey: DatabaseQuery.Value] {
        let input = BackdatedInput()
        model.input(to: input)
        for key in ["created_at", "updated_at"].map(FieldKey.init(stringLiteral:)) {
            switch input.storage[key] {
            case .default?, .null?: input.storage[key] = .bind(Date())
            default: break
            }
        }
        return input.storage
    }

    /// A column's value as SQL: a bound value, NULL, or the column's default
    /// (an optional field never set), as Fluent's own converter writes them.
    static func expression(_ value: DatabaseQuery.Value) throws -> any SQLExpression {
        switch value {
        case .bind(let encodable): SQLBind(encodable)
        case .null: SQLLiteral.null
        case .default: SQLLiteral.default
        default: throw Unexpected(value: "\(value)")
        }
    }

    struct Unexpected: Error { let value: String }
}
