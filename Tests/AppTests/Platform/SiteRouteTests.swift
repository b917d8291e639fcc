import Foundation
import Testing
@testable import App

@Suite("Site routes")
struct SiteRouteTests {
    @Test func idsFillTheParametersInOrder() {
        let household = UUID(), goal = UUID()
        #expect(SiteRoute.goal.path(household, goal) == "/households/\(household)/goals/\(goal)")
        #expect(SiteRoute.home.path() == "/")
    }

    @Test func anythingButAPlainIdIsEscapedAsOneSegment() {
        #expect(SiteRoute.publicSocialMap.path("den-haag_2") == "/t/den-haag_2/sociale-kaart")
        #expect(SiteRoute.publicSocialMap.path("a/b c?") == "/t/a%2Fb%20c%3F/sociale-kaart")
        #expect(SiteRoute.publicSocialMap.path("’s-Hertogenbosch") == "/t/%E2%80%99s-Hertogenbosch/sociale-kaart")
    }
}

@Suite("Paths in templates")
struct TemplatePathTests {
    static let views = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../Resources/Views").standardized

    static func templates() throws -> [(name: String, text: String)] {
        let files = FileManager.default.enumerator(atPath: views.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".leaf") } ?? []
        return try files.map { ($0, try String(contentsOf: views.appendingPathComponent($0), encoding: .utf8)) }
    }

    /// A path written in a template does not move with its route; only the
    /// stylesheet and icon, which are files, are written as they are.
    @Test func templatesTakeSitePathsFromTheRoutes() throws {
        let literal = try NSRegularExpression(pattern: ##"(?:href|action)="(/[^"]*)""##)
        for (name, text) in try Self.templates() {
            for match in literal.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let path = String(text[Range(match.range(at: 1), in: text)!])
                #expect(["/css/samenspel.css", "/favicon.svg", "/js/samenspel.js"].contains(path), "\(name) writes \(path) instead of taking it from layout.paths")
            }
        }
    }

    /// Leaf renders an unknown key as nothing: a misspelt path would be an empty link.
    @Test func everyPathATemplateNamesExists() throws {
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(Layout.Paths())) as! [String: String]
        let named = try NSRegularExpression(pattern: #"layout\.paths\.(\w+)"#)
        var seen = 0
        for (name, text) in try Self.templates() {
            for match in named.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let key = String(text[Range(match.range(at: 1), in: text)!])
                #expect(json[key] != nil, "\(name) names layout.paths.\(key), which does not exist")
                seen += 1
            }
        }
        #expect(seen > 20)
    }
}
