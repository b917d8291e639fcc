import Testing
import VaporTesting
@testable import App

@Suite("Operations endpoints")
struct OperationsTests {
    @Test func healthReadyAndMetrics() async throws {
        try await withApp { app in
            let client = TestClient(app)
            #expect(try await client.get("/health").status == .ok)
            #expect(try await client.get("/ready").body.string.contains("ready"))
            try await client.get("/login")
            let metrics = try await client.get("/metrics")
            #expect(metrics.status == .ok)
            #expect(metrics.body.string.contains("http_requests_total"))
            #expect(metrics.body.string.contains(#"path="/login""#))
            #expect(metrics.body.string.contains("http_request_duration_seconds_bucket"))
        }
    }

    @Test func serverErrorsShowTheRequestIdButNoDetail() async throws {
        try await withApp { app in
            app.get("boom") { _ -> String in throw Keys.LoadError.unreadable("/secret/path") }
            let response = try await TestClient(app).get("/boom")
            #expect(response.status == .internalServerError)
            #expect(response.body.string.contains("Er ging iets mis aan onze kant"))
            #expect(!response.body.string.contains("/secret/path"))
            #expect(response.body.string.contains("Verzoeknummer"))
        }
    }
}
