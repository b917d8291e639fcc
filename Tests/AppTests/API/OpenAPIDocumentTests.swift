import Foundation
import Testing
import Vapor
import VaporTesting
@testable import App

@Suite("OpenAPI document")
struct OpenAPIDocumentTests {
    /// Every route under /api/v1 is described (method and path), and the
    /// document describes nothing that is not there.
    @Test func theDocumentDescribesEveryAPIRoute() async throws {
        try await withApp { app in
            let response = try await TestClient(app).get("/api/v1/openapi.json")
            #expect(response.status == .ok)
            let document = try #require(try JSONSerialization.jsonObject(with: Data(response.body.string.utf8)) as? [String: Any])
            #expect(document["openapi"] as? String == "3.1.0")
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            let described = Set(paths.flatMap { path, operations in operations.keys.map { "\($0.uppercased()) \(path)" } })
            let registered = Set(app.routes.all.compactMap { route -> String? in
                let path = "/" + route.path.map { component -> String in
                    if case .parameter(let name) = component { return "{\(name)}" }
                    return component.description
                }.joined(separator: "/")
                guard path.hasPrefix("/api/v1/"), path != SiteRoute.openAPI.path() else { return nil }
                return "\(route.method.rawValue) \(path)"
            })
            #expect(registered.subtracting(described).isEmpty, "not described: \(registered.subtracting(described).sorted())")
            #expect(described.subtracting(registered).isEmpty, "described but not there: \(described.subtracting(registered).sorted())")
        }
    }
}
