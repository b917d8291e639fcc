import Crypto
import Foundation

/// What happened, to which object: a CloudEvents 1.0 event in structured
/// JSON mode, following the Dutch government's profile for notifications
/// (NL GOV profile for CloudEvents). It names the object by its URL
/// (`dataref`) and never carries personal data: the receiver fetches what it
/// may see through the API, under its own access.
public struct CloudEvent: Codable, Equatable, Sendable {
    public let specversion: String
    public let id: String
    /// The producing system and municipality, as a URN.
    public let source: String
    public let type: String
    /// The object's id.
    public let subject: String
    public let time: String
    public let dataref: String
    public let datacontenttype: String?
    public let data: [String: String]?

    public init(id: UUID, tenant: String, type: EventType, objectID: UUID, url: String, at time: Date, data: [String: String]? = nil) {
        self.specversion = "1.0"
        self.id = id.uuidString.lowercased()
        self.source = "urn:samenspel:\(tenant)"
        self.type = type.rawValue
        self.subject = objectID.uuidString.lowercased()
        self.time = time.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true).timeZone(separator: .omitted))
        self.dataref = url
        self.datacontenttype = data == nil ? nil : "application/json"
        self.data = data
    }

    /// The event as sent: keys sorted, so the signed bytes are the stored ones.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}

/// The events another system can subscribe to: those whose object the API
/// can show (a referral as FHIR, a household's plan, a consent).
public enum EventType: String, CaseIterable, Codable, Sendable {
    case referralCreated = "nl.samenspel.referral.created"
    case referralStatusChanged = "nl.samenspel.referral.status-changed"
    case planSigned = "nl.samenspel.plan.signed"
    case consentWithdrawn = "nl.samenspel.consent.withdrawn"
}

/// The signature a receiver checks: HMAC-SHA256 over "timestamp.body" with
/// the subscription's secret, sent as `t=<unix seconds>,v1=<hex>`; the
/// timestamp lets a receiver refuse a replay of an old delivery.
public enum WebhookSignature {
    public static func header(body: Data, secret: String, at time: Date) -> String {
        let timestamp = String(Int(time.timeIntervalSince1970))
        return "t=\(timestamp),v1=\(mac(body: body, secret: secret, timestamp: timestamp))"
    }

    public static func mac(body: Data, secret: String, timestamp: String) -> String {
        let key = SymmetricKey(data: Data(secret.utf8))
        let code = HMAC<SHA256>.authenticationCode(for: Data("\(timestamp).".utf8) + body, using: key)
        return code.map { String(format: "%02x", $0) }.joined()
    }

    /// Whether `header` signs `body` with `secret`, made at most `tolerance` before `now`.
    public static func verify(_ header: String, body: Data, secret: String, now: Date, tolerance: TimeInterval = 300) -> Bool {
        let parts = Dictionary(header.split(separator: ",").compactMap { part -> (String, String)? in
            let pair = part.split(separator: "=", maxSplits: 1)
            return pair.count == 2 ? (String(pair[0]), String(pair[1])) : nil
        }, uniquingKeysWith: { first, _ in first })
        guard let timestamp = parts["t"], let seconds = TimeInterval(timestamp), let given = parts["v1"],
              abs(now.timeIntervalSince1970 - seconds) <= tolerance else { return false }
        let expected = mac(body: body, secret: secret, timestamp: timestamp)
        return expected.utf8.count == given.utf8.count && zip(expected.utf8, given.utf8).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

/// When a failed delivery is tried again: after 30 s, doubling up to an hour
/// between tries; a delivery still failing a day after its event is parked.
public enum DeliveryBackoff {
    public static let giveUpAfter: TimeInterval = 24 * 3600

    public static func delay(afterAttempt attempt: Int) -> TimeInterval {
        min(3600, 30 * pow(2, Double(max(0, attempt - 1))))
    }
}
