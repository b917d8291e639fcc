import Domain
import Fluent
import Foundation

/// Two impact agreements in the demo tenant, so both sides can be tried:
/// debt help and welfare (whose `schuldhulp` and `welzijn` logins are
/// their organisations' managers), each
/// with targets for last, this and next year, and for this year the
/// partner's story and the municipality's response.
enum DemoAgreements {
    struct Plan {
        let title: String
        let partner: OrganizationKind
        let manager: String
        /// (indicator, years from this one, target)
        let targets: [(String, Int, Double)]
        let story: String
        let response: String
    }

    static let plans = [
        Plan(title: "Schuldhulp: sneller en samen", partner: .debtHelp, manager: "schuldhulp",
             targets: [("closed-loop-rate", 0, 90), ("referral-answer-working-days", 0, 5), ("improved-on-a-domain", 0, 60),
                       ("closed-loop-rate", 1, 95), ("referrals-overdue", 1, 10), ("closed-loop-rate", -1, 85)],
             story: "We beantwoorden verwijzingen sneller sinds de wijkteams ons direct bellen. Het aandeel dat te laat is, daalt; in de zomer liep het op door vakanties.",
             response: "Goed om te zien. Laten we in het volgende overleg kijken naar de huishoudens die na een afgeronde verwijzing toch terugkomen."),
        Plan(title: "Welzijn: meedoen in de wijk", partner: .welfare, manager: "welzijn",
             targets: [("moved-up-ladder", 0, 30), ("residents-reached", 0, 200), ("plans-co-signed", 0, 75), ("moved-up-ladder", 1, 35)],
             story: "Meer bewoners doen mee aan de buurtkamer en het taalcafé. Stijgen op de participatieladder gaat langzamer dan we hoopten.",
             response: "Dank voor de toelichting. De gemeente wil graag weten welke steun ontbreekt om de stap naar vrijwilligerswerk te zetten."),
    ]

    static func seed(tenantID: UUID, organizations: [OrganizationKind: Organization], users: [String: User], on db: any Database) async throws {
        for plan in plans {
            guard let manager = users[plan.manager], !manager.isManager else { continue }
            manager.isManager = true
            try await manager.save(on: db)
        }
        let thisYear = Period.containing(CivilDay.today(), .year)
        for plan in plans {
            guard let partner = organizations[plan.partner], let partnerID = partner.id else { continue }
            guard try await ImpactAgreement.scoped(to: tenantID, on: db).filter(\.$title == plan.title).first() == nil else { continue }
            let agreement = ImpactAgreement(tenantID: tenantID, organizationID: partnerID, title: plan.title, createdByName: "Pieter Bakker")
            try await agreement.create(on: db)
            let agreementID = try agreement.requireID()
            for (indicator, offset, target) in plan.targets {
                try await ImpactAgreementTarget(tenantID: tenantID, agreementID: agreementID, indicator: indicator,
                                                period: thisYear.advanced(by: offset).id, target: target).create(on: db)
            }
            for (side, text, username) in [(AgreementSide.partner, plan.story, plan.manager), (.municipality, plan.response, "analist")] {
                guard let author = users[username] else { continue }
                let note = MonitorNote(tenantID: tenantID, topic: .agreement, period: thisYear.id, side: side.rawValue, text: text,
                                       authorID: try author.requireID(), authorName: author.displayName)
                note.agreementID = agreementID
                try await note.create(on: db)
            }
        }
    }
}
