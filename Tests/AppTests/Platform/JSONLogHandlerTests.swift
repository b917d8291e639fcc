import Foundation
import Logging
import NIOConcurrencyHelpers
import Testing
@testable import App

/// `LOG_FORMAT=json`: every log call is one line of valid JSON, whatever its
/// message or metadata hold, with the request id where a shipper finds it.
@Suite("JSON logs")
struct JSONLogHandlerTests {
    @Test func eachCallIsOneLineOfJSON() throws {
        let lines = NIOLockedValueBox<[String]>([])
        var logger = Logger(label: "codes.vapor.request") { label in
            JSONLogHandler(label: label, level: .info) { line in lines.withLockedValue { $0.append(line) } }
        }
        logger[metadataKey: "request-id"] = "4D3A"
        logger.debug("not at info")
        logger.info("GET /households/\"x\"\nsecond line — één", metadata: ["status": .stringConvertible(200), "tags": .array(["a", "b"])])
        logger.error("failed", metadata: ["detail": .dictionary(["reason": "time-out"])])

        let written = lines.withLockedValue { $0 }
        #expect(written.count == 2)
        for line in written { #expect(line.hasSuffix("\n") && line.dropLast().contains("\n") == false) }
        let first = try #require(try JSONSerialization.jsonObject(with: Data(written[0].utf8)) as? [String: Any])
        #expect(first["level"] as? String == "info")
        #expect(first["label"] as? String == "codes.vapor.request")
        #expect(first["message"] as? String == "GET /households/\"x\"\nsecond line — één")
        let metadata = try #require(first["metadata"] as? [String: Any])
        #expect(metadata["request-id"] as? String == "4D3A")
        #expect(metadata["status"] as? String == "200")
        #expect(metadata["tags"] as? [String] == ["a", "b"])
        #expect((first["time"] as? String).flatMap { try? Date($0, strategy: .iso8601.year().month().day().time(includingFractionalSeconds: true).timeZone(separator: .omitted)) } != nil)
        let second = try #require(try JSONSerialization.jsonObject(with: Data(written[1].utf8)) as? [String: Any])
        #expect((second["metadata"] as? [String: Any])?["detail"] as? [String: String] == ["reason": "time-out"])
    }
}

/// One line per request, with what an operator needs and nothing a resident typed.
@Suite("Request log")
struct RequestLogTests {
    @Test func eachRequestLogsItsPathStatusAndIdButNotItsQuery() async throws {
        let lines = NIOLockedValueBox<[String]>([])
        try await withApp(logHandler: JSONLogHandler(label: "app", level: .info) { line in lines.withLockedValue { $0.append(line) } }) { app in
            let client = TestClient(app)
            lines.withLockedValue { $0 = [] }
            #expect(try await client.get("/login?bsn=111222333").status == .ok)
            #expect(try await client.get("/households/\(UUID())").status != .ok)
            let requests = try lines.withLockedValue { $0 }.compactMap { line -> [String: Any]? in
                let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                return (object?["metadata"] as? [String: Any])?["status"] != nil ? object?["metadata"] as? [String: Any] : nil
            }
            #expect(requests.count == 2)
            #expect(requests.first?["path"] as? String == "/login" && requests.first?["status"] as? String == "200")
            #expect(requests.allSatisfy { ($0["request-id"] as? String)?.isEmpty == false && $0["duration-ms"] != nil })
            #expect(!lines.withLockedValue { $0 }.joined().contains("111222333"), "a query string is never logged")
        }
    }
}
