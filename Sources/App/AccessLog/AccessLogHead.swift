import Fluent
import Foundation

/// The tip of one tenant's chain. Appending updates this row first, which
/// takes a row lock on PostgreSQL (and the write lock on SQLite), so
/// concurrent appends to one chain are serialised and never fork it.
final class AccessLogHead: Model, @unchecked Sendable {
    static let schema = "access_log_heads"

    @ID(key: .id) var id: UUID?
    @Field(key: "chain") var chain: String
    @Field(key: "sequence") var sequence: Int
    @Field(key: "hash") var hash: String

    /// Listed by hand, not found by reflection on every query and row (see ModelPropertyListTests).
    var properties: [any AnyProperty] { [$id, $chain, $sequence, $hash] }

    init() {}

    init(chain: String) {
        self.chain = chain
        self.sequence = 0
        self.hash = ""
    }
}
