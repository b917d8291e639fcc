import Domain
import Fluent
import Vapor

/// `/api/v1`: a consent and a household's plan as JSON, for those who see
/// the plan's overview — what a system that heard "consent withdrawn" or
/// "plan signed" fetches under its own access.
struct ConsentAPIController {
    struct ConsentDTO: Content {
        let id: UUID
        let householdId: UUID
        let residentId: UUID
        let recipientOrganizationId: UUID
        let domains: [String]
        let purpose: String
        let validFrom: String
        let validTo: String?
        /// What holds today: active, not_yet_valid, expired, withdrawn or refused.
        let status: String
        let withdrawnAt: String?
    }

    struct PlanDTO: Content {
        struct GoalDTO: Content { let id: UUID; let domain: String; let title: String; let status: String }
        struct SignedDTO: Content { let number: Int; let signedAt: String; let method: String }
        let householdId: UUID
        let reviewOn: String?
        let goals: [GoalDTO]
        /// The latest signed version, if any.
        let signed: SignedDTO?
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.apiConsent, use: consent)
        routes.get(SiteRoute.apiHouseholdPlan, use: plan)
    }

    func consent(req: Request) async throws -> ConsentDTO {
        let (_, consent) = try await req.residentAccess().openConsent(req.id(.consentID), event: "consent.read")
        return ConsentDTO(
            id: try consent.requireID(), householdId: consent.householdID, residentId: consent.residentID,
            recipientOrganizationId: consent.recipientOrganizationID,
            domains: LifeDomain.allCases.filter(consent.lifeDomains.contains).map(\.rawValue), purpose: consent.purpose,
            validFrom: consent.validFrom, validTo: consent.validTo, status: consent.effective(today: Day.today()).rawValue, withdrawnAt: consent.withdrawnAt.map { ISO8601DateFormatter().string(from: $0) }
        )
    }

    func plan(req: Request) async throws -> PlanDTO {
        let opened = try await req.residentAccess().open(req.id(.householdID), .planOverview, event: "plan.read")
        let goals = try await opened.goals(overview: true, on: req.db)
        let signed = try await opened.latestPlanVersion(on: req.db)
        return PlanDTO(
            householdId: try opened.household.requireID(), reviewOn: opened.household.reviewOn,
            goals: try goals.map { .init(id: try $0.requireID(), domain: $0.domain, title: $0.title, status: $0.status) },
            signed: signed.map { .init(number: $0.number, signedAt: ISO8601DateFormatter().string(from: $0.signedAt), method: $0.method) }
        )
    }
}
