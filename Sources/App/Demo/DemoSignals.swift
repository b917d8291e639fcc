import Domain
import Fluent
import Foundation

/// Early signals in the demo: the housing corporation reports rent arrears,
/// debt help takes them up, so the queue shows something on the first visit.
enum DemoSignals {
    /// The other fixed-cost partners and the arrears each reports.
    static let fixedCosts: [(OrganizationKind, [ArrearsKind])] = [(.energy, [.electricity, .gas, .heat]), (.water, [.water]), (.healthInsurer, [.healthInsurance])]

    static func seed(tenantID: UUID, organizations: [OrganizationKind: Organization], keys: Keys, on db: any Database) async throws {
        guard let housing = organizations[.housing]?.id, let debtHelp = organizations[.debtHelp],
              try await SignalPartner.select(in: tenantID, limit: 1, on: db).isEmpty else { return }
        try await SignalPartner(tenantID: tenantID, organizationID: housing, allowed: [.rent: .defaults], at: Date()).create(on: db)
        for (kind, arrears) in Self.fixedCosts {
            guard let partner = organizations[kind]?.id else { continue }
            try await SignalPartner(tenantID: tenantID, organizationID: partner, allowed: Dictionary(uniqueKeysWithValues: arrears.map { ($0, .defaults) }), at: Date())
                .create(on: db)
        }
        debtHelp.handlesSignals = true
        try await debtHelp.save(on: db)
        let intake = SignalIntake(db: db, keys: keys)
        let today = CivilDay.today()
        let people: [(String, String, String, String, String, Int, Int, Int)] = [
            ("Kees", "de Boer", "1971-04-12", "Beukenlaan 3", "1234 AC", 165_000, 3, -6),
            ("Anna", "Visser", "1988-09-03", "Eikenstraat 21", "1234 AD", 72_500, 1, -2),
            ("Kees", "de Boer", "1971-04-12", "Beukenlaan 3", "1234 AC", 55_000, 1, -1),
        ]
        for (index, person) in people.enumerated() {
            let submission = SignalSubmission(reference: "WT-2026-\(1000 + index)", kind: "rent", amount: String(person.5 / 100), months: String(person.6),
                                              signalledOn: today.adding(days: person.7).iso, reminderSent: true, givenName: person.0, familyName: person.1,
                                              birthDate: person.2, street: person.3, postcode: person.4, city: "Voorbeeld")
            guard let facts = SignalCheck.check(submission, allowed: [.rent: .defaults], today: today).facts else { continue }
            _ = try await intake.receive(facts, from: housing, tenantID: tenantID)
        }
    }
}
