import Domain
import Foundation
import Testing
@testable import App

/// Dutch queries on the demo social map and the services each must find: word
/// forms and compounds find what their stems and parts find, on both databases.
@Suite("Searching the social map in Dutch")
struct DutchSearchTests {
    static let expectations: [(query: String, mustFind: [String])] = [
        ("schuld", ["Schuldhulpverlening"]),
        ("schulden", ["Schuldhulpverlening"]),
        ("taalles", ["Taalcafé"]),
        ("taallessen", ["Taalcafé"]),
        ("vrijwilligers", ["Thuisadministratie door vrijwilligers", "Taalcafé"]),
        ("vrijwilliger", ["Thuisadministratie door vrijwilligers"]),
        ("maatjes", ["Maatjesproject"]),
        ("mantelzorgers", ["Mantelzorgondersteuning"]),
        ("ouderen", ["Ouderenadvies"]),
        ("huurschuld", ["Vroegsignalering huurachterstand"]),
        ("wonen", ["Ouderenadvies"]),
        ("voedselbank", ["Voedselpakket"]),
        ("koffie inloop", ["Inloop met koffie"]),
    ]

    @Test func wordFormsAndCompoundsFindTheirServices() async throws {
        try await withApp { app in
            let tenantID = try await Fixtures(app: app).tenant().requireID()
            _ = try await DemoSocialMap.seed(tenantID: tenantID, organizations: [:], on: app.db)
            func names(_ text: String) async throws -> Set<String> {
                Set(try await SocialMapSearch.run(SocialMapQuery(text: text), tenantID: tenantID, on: app.db).map(\.name))
            }
            for (query, mustFind) in Self.expectations {
                let found = try await names(query)
                #expect(found.isSuperset(of: mustFind), "\(query) found \(found.sorted())")
            }
            // A plural finds at least what its singular finds.
            #expect(try await names("schulden").isSuperset(of: try await names("schuld")))
            // Splitting is a second try only: a word that finds something is not widened.
            #expect(!(try await names("schuldhulpverlening")).contains("Taalcafé"))
            #expect(try await names("fietsenmaker").isEmpty)
        }
    }
}
