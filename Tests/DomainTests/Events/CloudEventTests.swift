import Domain
import Foundation
import Testing

@Suite("CloudEvents and webhook signatures")
struct CloudEventTests {
    @Test func anEventNamesTheObjectAndCarriesNoMoreThanItsStatus() throws {
        let id = UUID(), object = UUID()
        let event = CloudEvent(id: id, tenant: "voorbeeld", type: .referralStatusChanged, objectID: object,
                               url: "https://samenspel.example/api/v1/referrals/\(object.uuidString.lowercased())",
                               at: Date(timeIntervalSince1970: 1_796_000_000), data: ["status": "accepted"])
        let json = try #require(try JSONSerialization.jsonObject(with: event.encoded()) as? [String: Any])
        #expect(Set(json.keys) == ["specversion", "id", "source", "type", "subject", "time", "dataref", "datacontenttype", "data"])
        #expect(json["specversion"] as? String == "1.0")
        #expect(json["id"] as? String == id.uuidString.lowercased())
        #expect(json["source"] as? String == "urn:samenspel:voorbeeld")
        #expect(json["type"] as? String == "nl.samenspel.referral.status-changed")
        #expect(json["subject"] as? String == object.uuidString.lowercased())
        #expect(json["time"] as? String == "2026-11-30T00:53:20.000Z")
        #expect(json["data"] as? [String: String] == ["status": "accepted"])
        let bare = try #require(try JSONSerialization.jsonObject(with: CloudEvent(id: id, tenant: "voorbeeld", type: .referralCreated, objectID: object, url: "u", at: Date()).encoded()) as? [String: Any])
        #expect(bare["data"] == nil && bare["datacontenttype"] == nil)
    }

    @Test func aSignatureVerifiesOnlyForItsBodySecretAndTime() {
        let body = Data(#"{"id":"1"}"#.utf8), now = Date(timeIntervalSince1970: 1_796_000_000)
        let header = WebhookSignature.header(body: body, secret: "geheim", at: now)
        #expect(header.hasPrefix("t=1796000000,v1="))
        #expect(WebhookSignature.verify(header, body: body, secret: "geheim", now: now.addingTimeInterval(60)))
        #expect(!WebhookSignature.verify(header, body: Data(#"{"id":"2"}"#.utf8), secret: "geheim", now: now))
        #expect(!WebhookSignature.verify(header, body: body, secret: "anders", now: now))
        #expect(!WebhookSignature.verify(header, body: body, secret: "geheim", now: now.addingTimeInterval(3600)), "an old delivery replayed")
        #expect(!WebhookSignature.verify("v1=abc", body: body, secret: "geheim", now: now))
        // As any receiver computes it (Python: hmac.new(b"geheim", b'1796000000.{"id":"1"}', hashlib.sha256).hexdigest()).
        #expect(WebhookSignature.mac(body: body, secret: "geheim", timestamp: "1796000000") == "0814ca03ec83567bb67cd35f58db470a575c71ba016640ca29a48d6542fab1b7")
    }

    @Test func retriesBackOffToAnHour() {
        #expect(DeliveryBackoff.delay(afterAttempt: 1) == 30)
        #expect(DeliveryBackoff.delay(afterAttempt: 2) == 60)
        #expect(DeliveryBackoff.delay(afterAttempt: 5) == 480)
        #expect(DeliveryBackoff.delay(afterAttempt: 20) == 3600)
    }
}
