import Fluent
import Foundation
import Vapor

/// `serve --demo` also fills the demo tenant with a small synthetic
/// municipality with two years of history, so the monitor shows trends at
/// once. Tests that seed the demo tenant leave it out, to stay fast.
extension DemoTenant {
    static let municipality = SyntheticOptions(residents: 2_000, seed: 2026)

    /// Generates the demo municipality unless it is there already; nil when it was.
    @discardableResult
    static func seedMunicipality(app: Application) async throws -> SyntheticMunicipality.Report? {
        guard let tenantID = try await Tenant.query(on: app.db).filter(\.$slug == slug).first()?.id else { return nil }
        do {
            return try await SyntheticMunicipality(app: app, options: municipality, tenantID: tenantID).generate(progress: nil)
        } catch SyntheticMunicipality.Refusal.alreadyGenerated {
            return nil
        }
    }

    /// The demo's monitor figures brought up to date, so they are there at the first sign-in.
    static func refreshMonitor(app: Application) async throws {
        guard let tenantID = try await Tenant.query(on: app.db).filter(\.$slug == slug).first()?.id else { return }
        try await app.monitorRefresher(tenantID: tenantID).run(.refresh)
    }
}
