import Domain
import Fluent
import Foundation
import Vapor
@testable import App

/// One household with a plan, a team, a consent, a note and a referral, and
/// a social map with two services — every date fixed — so the main pages can
/// be built without HTTP and compared with what they looked like before.
struct PageSnapshotData {
    static let today = "2026-03-02"

    let app: Application
    let coordinator: Actor
    let partnerWorker: Actor
    let resident: Actor
    let household: Household
    let goal: Goal
    let referral: Referral

    static func make(_ app: Application) async throws -> PageSnapshotData {
        let fixtures = Fixtures(app: app)
        let tenant = try await fixtures.tenant()
        let tenantID = try tenant.requireID()
        let municipal = try await fixtures.organization(in: tenant, name: "Werk en Inkomen", kind: .municipalSocialServices)
        let partner = try await fixtures.organization(in: tenant, name: "Schuldhulp Samen", kind: .debtHelp)
        let (sanne, _) = try await fixtures.user("sanne", role: .professional, in: tenant, organization: municipal)
        let (piet, _) = try await fixtures.user("piet", role: .professional, in: tenant, organization: partner)
        let (fatimaUser, _) = try await fixtures.user("fatima", role: .resident, in: tenant, totp: false)

        let household = Household(tenantID: tenantID, name: "El Amrani", street: "Dorpsstraat 1", postcode: "1234 AB", city: "Voorbeeld", neighbourhoodCode: "WK001")
        household.reviewOn = "2026-06-01"
        try await household.create(on: app.db)
        let householdID = try household.requireID()
        let fatima = Resident(tenantID: tenantID, householdID: householdID, givenName: "Fatima", familyName: "El Amrani", birthDate: "1984-03-21", relation: .head)
        fatima.userID = try fatimaUser.requireID()
        try await fatima.create(on: app.db)
        try await Resident(tenantID: tenantID, householdID: householdID, givenName: "Yusuf", familyName: "El Amrani", birthDate: "2012-09-01", relation: .child).create(on: app.db)

        try await Involvement(tenantID: tenantID, householdID: householdID, organizationID: try municipal.requireID(), domains: [.finances, .workAndEducation],
                              isCoordinator: true, startsOn: "2026-01-05", contactUserID: try sanne.requireID()).create(on: app.db)
        try await Involvement(tenantID: tenantID, householdID: householdID, organizationID: try partner.requireID(), domains: [.finances],
                              isCoordinator: false, startsOn: "2026-02-01").create(on: app.db)
        try await Consent(tenantID: tenantID, householdID: householdID, residentID: try fatima.requireID(), recipientOrganizationID: try partner.requireID(),
                          domains: [.finances], purpose: "Schuldhulp", validFrom: "2026-02-01", validTo: "2027-02-01", method: .signedOnPaper,
                          status: .given, recordedBy: try sanne.requireID()).create(on: app.db)

        let goal = Goal(tenantID: tenantID, householdID: householdID, domain: .finances, title: "Mijn schulden op een rij", target: "Een afbetalingsplan dat ik kan volhouden")
        try await goal.create(on: app.db)
        let work = Goal(tenantID: tenantID, householdID: householdID, domain: .workAndEducation, title: "Werk vinden voor twintig uur", target: nil)
        try await work.create(on: app.db)
        try await PlanAction(tenantID: tenantID, householdID: householdID, goalID: try goal.requireID(), description: "Alle brieven in één map doen",
                             owner: .resident(name: nil), dueOn: "2026-03-06").create(on: app.db)
        try await PlanAction(tenantID: tenantID, householdID: householdID, goalID: try goal.requireID(), description: "Overzicht van schuldeisers maken",
                             owner: .professional(try sanne.requireID()), dueOn: "2026-02-27").create(on: app.db)

        let cipher = FieldCipher(key: app.config.keys.field)
        try await Note(tenantID: tenantID, householdID: householdID, domain: .finances, kind: .visit, occurredOn: "2026-02-20",
                       textEncrypted: try cipher.seal("Samen de brieven doorgenomen."), authorID: try sanne.requireID(), organizationID: municipal.id).create(on: app.db)

        let referral = Referral(tenantID: tenantID, householdID: householdID, goalID: try goal.requireID(), domains: [.finances],
                                requesterOrganizationID: try municipal.requireID(), requesterUserID: try sanne.requireID(),
                                receiverOrganizationID: try partner.requireID(), serviceID: nil, messageEncrypted: try cipher.seal("Graag een intake voor schuldhulp."))
        ReferralSending.markSent(referral, responseDays: 5, today: "2026-02-23")
        try await referral.create(on: app.db)

        let provider = MapOrganization(tenantID: tenantID, name: "Buurthuis De Brug", description: "Ontmoeting in de wijk")
        try await provider.create(on: app.db)
        for (name, description) in [("Taalcafé", "Elke week samen Nederlands oefenen."), ("Formulierenhulp", "Hulp bij brieven en formulieren.")] {
            let service = Service(tenantID: tenantID, mapOrganizationID: try provider.requireID(), name: name, description: description)
            service.refreshSearchColumns(providerName: provider.name)
            try await service.create(on: app.db)
        }

        return PageSnapshotData(
            app: app,
            coordinator: try Actor(sanne, organizationIsMunicipal: true),
            partnerWorker: try Actor(piet, organizationIsMunicipal: false),
            resident: try Actor(fatimaUser, organizationIsMunicipal: false),
            household: household, goal: goal, referral: referral
        )
    }

    /// A context for `actor` on the fixed day, in Dutch.
    func context(_ actor: Actor) -> Context {
        Context(db: app.db, actor: actor, locale: .nl, localizer: app.localizer, keys: app.config.keys, instruments: app.instruments,
                today: Self.today, now: Day.start(of: Self.today)!.addingTimeInterval(10 * 3600), source: "test", accessLog: app.accessLogBatcher)
    }
}
