import Domain
import Fluent
import Foundation
import Testing
@testable import App

/// Issue 24: a municipality brings in the centres of its postcode areas
/// (from the CBS's PC4 data) so distances are known; a second file updates.
@Suite("Participation: postcode centres imported", .serialized)
struct PostcodeAreasTests {
    @Test func aFileAddsAndUpdatesCentresOfOneTenantOnly() async throws {
        try await withApp { app in
            let fixtures = Fixtures(app: app)
            let alpha = try await fixtures.tenant("alpha").requireID(), beta = try await fixtures.tenant("beta").requireID()
            let text = "postcode4,latitude,longitude\r\n1234,52.3702,4.8952\r\n1235,52.3800,4.9000\r\nabcd,1,2\r\n"
            let (centres, refused) = PostcodeCentreCheck.read(try #require(CSV.read(text)))
            #expect(refused.count == 1)
            #expect(try await PostcodeAreas.store(centres, tenantID: alpha, on: app.db) == (2, 0))
            let again = PostcodeCentreCheck.read(try #require(CSV.read("postcode4,latitude,longitude\n1234,52.5,4.9\n"))).centres
            #expect(try await PostcodeAreas.store(again, tenantID: alpha, on: app.db) == (0, 1))
            #expect(try await PostcodeArea.select(in: alpha, where: "postcode4 = \(bind: "1234")", on: app.db).first?.latitude == 52.5)
            #expect(try await PostcodeArea.select(in: beta, on: app.db).isEmpty, "another municipality's areas are its own")
        }
    }
}
