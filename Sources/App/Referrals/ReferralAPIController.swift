import Domain
import Fluent
import Vapor

/// The referral's FHIR R4 exchange view, under the same access rule as its
/// page: what the viewer may not see is not in the bundle.
struct ReferralAPIController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.apiReferralFHIR, use: fhir)
    }

    func fhir(req: Request) async throws -> Response {
        let (referral, goal, opened) = try await ReferralController.open(req, event: "referral.fhir")
        let input = try await Self.input(referral, goal: goal, opened: opened, req: req)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let response = Response(status: .ok, body: .init(data: try encoder.encode(ReferralBundle.make(input))))
        response.headers.contentType = HTTPMediaType(type: "application", subType: "fhir+json", parameters: ["charset": "utf-8"])
        return response
    }

    static func input(_ referral: Referral, goal: Goal, opened: ResidentAccess.Opened, req: Request) async throws -> ReferralBundle.Input {
        let tenantID = referral.tenantID
        let names = try await req.organizationNames(in: tenantID)
        let receiver = names[referral.receiverOrganizationID] ?? ""
        let domains = LifeDomain.allCases.filter { referral.lifeDomains.contains($0) && opened.allows(.referral($0)) }
        let today = Day.today()
        let consents = try await opened.consents(to: referral.receiverOrganizationID, on: req.db)
            .filter { $0.effective(today: today) == .active && !$0.lifeDomains.isDisjoint(with: domains) }
        let ids = try await opened.memberIDs(on: req.db)
        guard let personID = consents.first.map(\.residentID).flatMap({ id in ids.contains(id) ? id : nil }) ?? ids.first else { throw AppError.notFound }
        // Without identity access the patient is a bare id: the receiver knows a person exists, not who.
        let person = try await opened.member(personID, on: req.db)
        return ReferralBundle.Input(
            referralID: try referral.requireID(), status: referral.referralStatus, outcome: referral.referralOutcome, domains: domains,
            message: FieldCipher(key: req.application.config.keys.field).openOrNil(referral.messageEncrypted),
            createdAt: referral.createdAt, updatedAt: referral.updatedAt, dueOn: referral.dueOn,
            requester: names[referral.requesterOrganizationID] ?? "", receiver: receiver,
            serviceName: referral.serviceID == nil ? nil : try await ReferralView.targetName(referral, on: req.db),
            patient: .init(id: personID, givenName: person?.givenName, familyName: person?.familyName, birthDate: person?.birthDate),
            goal: .init(id: try goal.requireID(), title: goal.title, status: goal.status, domain: goal.lifeDomain ?? .finances),
            consents: consents.map {
                .init(id: $0.id!, state: $0.effective(today: today), validFrom: $0.validFrom, validTo: $0.validTo,
                      domains: $0.lifeDomains.intersection(domains), purpose: $0.purpose, recipient: receiver, recordedAt: $0.createdAt)
            }
        )
    }
}
