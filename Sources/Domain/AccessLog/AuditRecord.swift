import Crypto
import Foundation

/// One access-log entry with the NEN 7513 fields, as plain values. The
/// database row mirrors it; the hash chain is computed from it alone, so a
/// row changed behind the application's back no longer matches its hash.
public struct AuditRecord: Equatable, Sendable {
    public var sequence: Int
    public var occurredAt: Date
    public var event: String
    public var outcome: Outcome
    public var tenantID: UUID?
    public var userID: UUID?
    public var userName: String?
    public var onBehalfOf: String?
    public var organizationID: UUID?
    public var role: String?
    public var subjectID: UUID?
    public var purpose: String?
    public var basis: AccessBasis
    public var objectType: String?
    public var objectID: String?
    public var source: String?

    public enum Outcome: String, Codable, Sendable, CaseIterable { case allowed, denied, success, failure }

    public init(
        sequence: Int = 0, occurredAt: Date, event: String, outcome: Outcome,
        tenantID: UUID?, userID: UUID? = nil, userName: String? = nil, onBehalfOf: String? = nil,
        organizationID: UUID? = nil, role: String? = nil, subjectID: UUID? = nil,
        purpose: String? = nil, basis: AccessBasis, objectType: String? = nil,
        objectID: String? = nil, source: String? = nil
    ) {
        self.sequence = sequence
        self.occurredAt = AuditRecord.truncatedToMilliseconds(occurredAt)
        self.event = event
        self.outcome = outcome
        self.tenantID = tenantID
        self.userID = userID
        self.userName = userName
        self.onBehalfOf = onBehalfOf
        self.organizationID = organizationID
        self.role = role
        self.subjectID = subjectID
        self.purpose = purpose
        self.basis = basis
        self.objectType = objectType
        self.objectID = objectID
        self.source = source
    }

    /// Both databases keep milliseconds; finer parts would not survive. Rounding
    /// (not truncating) makes this idempotent for values read back from storage.
    public static func truncatedToMilliseconds(_ date: Date) -> Date {
        Date(timeIntervalSince1970: (date.timeIntervalSince1970 * 1000).rounded() / 1000)
    }

    var milliseconds: Int64 { Int64((occurredAt.timeIntervalSince1970 * 1000).rounded()) }

    /// Every field, unambiguously separated, in a fixed order.
    public var canonical: String {
        let fields: [String?] = [
            String(sequence), String(milliseconds), event, outcome.rawValue,
            tenantID?.uuidString, userID?.uuidString, userName, onBehalfOf,
            organizationID?.uuidString, role, subjectID?.uuidString, purpose,
            basis.rawValue, objectType, objectID, source,
        ]
        return fields.map { field in
            guard let field else { return "-" }
            return "\(field.utf8.count):\(field)"
        }.joined(separator: "|")
    }
}
