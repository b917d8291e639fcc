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
