import Foundation
import NIOHTTP1
import Testing
import Vapor
import VaporTesting
@testable import App

/// A small browser: keeps cookies, reads the CSRF token from the last page
/// and posts forms the way a person's browser would.
final class TestClient: @unchecked Sendable {
    let app: Application
    var cookies: [String: String] = [:]
    var csrf: String?
    var lastBody = ""

    init(_ app: Application) { self.app = app }

    @discardableResult
    func get(_ path: String, headers extra: [(String, String)] = []) async throws -> TestingHTTPResponse {
        try await send(.GET, path, headers: extra, body: nil)
    }

    /// Posts `form` as a browser would, with the CSRF token unless told not to.
    @discardableResult
    func post(_ path: String, _ form: [String: String] = [:], withCSRF: Bool = true) async throws -> TestingHTTPResponse {
        var fields = form
        if withCSRF, fields["_csrf"] == nil {
            if csrf == nil { try await get("/login") }
            fields["_csrf"] = csrf
        }
        let body = fields.map { "\(Self.encode($0.key))=\(Self.encode($0.value))" }.joined(separator: "&")
        return try await send(.POST, path, headers: [("Content-Type", "application/x-www-form-urlencoded")], body: body)
    }

    /// Posts fields in order, names repeating as checkboxes send them (`talents[]`), with the CSRF token.
    @discardableResult
    func post(_ path: String, pairs: [(String, String)]) async throws -> TestingHTTPResponse {
        if csrf == nil { try await get("/login") }
        let body = ([("_csrf", csrf ?? "")] + pairs).map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return try await send(.POST, path, headers: [("Content-Type", "application/x-www-form-urlencoded")], body: body)
    }

    /// Posts a form with a file as a browser does (multipart/form-data), with the CSRF token.
    @discardableResult
    func upload(_ path: String, _ form: [String: String], file: (name: String, bytes: [UInt8])?, field: String = "file") async throws -> TestingHTTPResponse {
        if csrf == nil { try await get("/login") }
        let boundary = "----samenspel-test-\(UUID().uuidString)"
        var body = ByteBuffer()
        for (name, value) in form.merging(["_csrf": csrf ?? ""], uniquingKeysWith: { a, _ in a }) {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        if let file {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"; filename=\"\(file.name)\"\r\nContent-Type: application/octet-stream\r\n\r\n")
            body.writeBytes(file.bytes)
            body.writeString("\r\n")
        }
        body.writeString("--\(boundary)--\r\n")
        return try await send(.POST, path, headers: [("Content-Type", "multipart/form-data; boundary=\(boundary)")], buffer: body)
    }

    func send(_ method: HTTPMethod, _ path: String, headers extra: [(String, String)], body: String?) async throws -> TestingHTTPResponse {
        try await send(method, path, headers: extra, buffer: body.map { ByteBuffer(string: $0) })
    }

    func send(_ method: HTTPMethod, _ path: String, headers extra: [(String, String)], buffer: ByteBuffer?) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders(extra)
        if !cookies.isEmpty {
            headers.add(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
        }
        var captured: TestingHTTPResponse?
        try await app.testing().test(method, path, headers: headers, body: buffer) { res in
            captured = res
        }
        let response = captured!
        absorb(response)
        return response
    }

    private func absorb(_ response: TestingHTTPResponse) {
        for header in response.headers[.setCookie] {
            let pair = header.split(separator: ";").first.map(String.init) ?? ""
            guard let equals = pair.firstIndex(of: "=") else { continue }
            let name = String(pair[..<equals]), value = String(pair[pair.index(after: equals)...])
            if value.isEmpty || header.contains("Max-Age=0") { cookies[name] = nil } else { cookies[name] = value }
        }
        lastBody = response.body.string
        // A page that shows a localization key instead of words fails the test that rendered it.
        if let missing = Self.firstMatch("⟦([^⟧]+)⟧", in: lastBody) {
            Issue.record("unresolved localization key \(missing) on a page")
        }
        if let token = Self.firstMatch(#"name="_csrf" value="([^"]+)""#, in: lastBody) { csrf = token }
    }

    static func firstMatch(_ pattern: String, in text: String) -> String? {
        guard let regex = try? NSRegularExpression(pattern: pattern),
              let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
              let range = Range(match.range(at: 1), in: text)
        else { return nil }
        return String(text[range])
    }

    /// The first group of every match, in order.
    static func allMatches(_ pattern: String, in text: String) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    static func encode(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? value
    }
}
