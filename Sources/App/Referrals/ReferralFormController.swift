import Domain
import Fluent
import Vapor

/// Referring from a goal: first choose a service (or organisation), then
/// see its capacity, expected wait and response time, say what the receiver
/// needs to know, and send.
struct ReferralFormController {
    struct Choice: Encodable {
        let id: String; let name: String; let provider: String; let capacity: String; let wait: String?; let href: String
    }

    struct Chosen: Encodable {
        let serviceID: String; let organizationID: String
        let name: String; let provider: String; let capacity: String; let capacityCode: String
        let wait: String?; let responseDays: String; let eligibility: String
    }

    struct PageContent: Encodable {
        let goalTitle: String
        let goalDomain: String
        let searchAction: String
        let search: FormField
        let services: [Choice]
        let organization: FormField
        let chosen: Chosen?
        let action: String
        /// The domains to share and the message, with what was typed when the form was refused.
        let sendForm: [FormPart]
        let missingConsent: String?
        let errors: FormErrors
        let backHref: String
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.referralNew, use: new)
        routes.post(SiteRoute.goalReferrals, use: create)
    }

    func new(req: Request) async throws -> Response {
        let (opened, goal) = try await GoalController.openGoal(req, event: "referral.prepare", writing: true)
        let form = try req.query.decode(ReferralForm.self)
        return try await Self.page(req, opened, goal, form)
    }

    func create(req: Request) async throws -> Response {
        let (opened, goal) = try await GoalController.openGoal(req, event: "referral.create", writing: true)
        let form = try req.content.decode(ReferralForm.self)
        let input = ReferralSending.Input(serviceID: form.service_id, organizationID: form.organization_id, domains: form.domains ?? [],
                                          message: form.message, send: form.send != "draft")
        switch try await ReferralSending(context: try req.context()).send(input, goal: goal, opened: opened) {
        case .created(let referral): return req.redirect(to: SiteRoute.referral.path(try referral.requireID()), notice: .referralSent)
        case .invalid(let issues, let missing):
            let missingText = missing.isEmpty ? nil : LifeDomain.allCases.filter(missing.contains).map { req.t("domain.\($0.rawValue)") }.joined(separator: ", ")
            return try await Self.page(req, opened, goal, form, errors: FormErrors(issues, req: req), missingConsent: missingText, status: .unprocessableEntity)
        }
    }

    static func page(_ req: Request, _ opened: ResidentAccess.Opened, _ goal: Goal, _ form: ReferralForm,
                     errors: FormErrors = .none, missingConsent: String? = nil, status: HTTPStatus = .ok) async throws -> Response {
        let actor = try req.requireActor()
        guard let domain = goal.lifeDomain else { throw AppError.notFound }
        let householdID = try opened.household.requireID(), goalID = try goal.requireID()
        let newPath = SiteRoute.referralNew.path(householdID, goalID)
        let services = try await ReferralCandidates.services(domain: domain, query: form.q, excluding: actor.organizationID, tenantID: actor.tenantID, on: req.db)
        let choices = services.map { service in
            Choice(id: service.id.uuidString, name: service.name, provider: service.organizationName,
                   capacity: req.t("capacity.\(service.capacity.rawValue)"), wait: Self.wait(service.capacity, service.expectedWaitWeeks, req),
                   href: newPath + "?service_id=\(service.id.uuidString)")
        }
        let context = try req.context()
        var fields = FieldBuilder(context, errors: errors)
        let organizations = try await Organization.scoped(to: actor.tenantID, on: req.db).sort(\.$name).all()
            .filter { $0.id != actor.organizationID }
            .map { Option(value: $0.id!.uuidString, label: $0.name, selected: $0.id?.uuidString == form.organization_id) }
        let chosen = try await Self.chosen(form, actor: actor, req: req)
        let selected = Set(form.domains ?? []).union([domain.rawValue])
        let domains = LifeDomain.allCases.filter { opened.allows(.write($0)) }.map {
            Option(value: $0.rawValue, label: req.t("domain.\($0.rawValue)"), selected: selected.contains($0.rawValue))
        }
        let sendForm: [FormPart] = [
            .choices(fields.choices("domains", name: "domains[]", legend: "referral.domains", hint: "referral.domains_hint", options: domains)),
            .field(fields.field("message", .textarea, label: "referral.message", hint: "referral.message_hint", value: form.message, maxLength: 4000, rows: 6)),
        ]
        let content = PageContent(
            goalTitle: goal.title, goalDomain: req.t("domain.\(goal.domain)"), searchAction: newPath,
            search: fields.field("q", .search, label: "referral.search", value: form.q, maxLength: 100),
            services: choices,
            organization: fields.field("service_id", name: "organization_id", .select, label: "referral.or_organization", options: organizations, choose: true),
            chosen: chosen, action: SiteRoute.goalReferrals.path(householdID, goalID),
            sendForm: sendForm, missingConsent: missingConsent, errors: fields.namedErrors,
            backHref: SiteRoute.goal.path(householdID, goalID)
        )
        return try await req.page("referrals/new", title: req.t("referral.new_title"), content, status: status)
    }

    private static func chosen(_ form: ReferralForm, actor: Actor, req: Request) async throws -> Chosen? {
        if let service = try await Service.chosen(form.service_id, in: actor.tenantID, on: req.db) {
            let provider = try await MapOrganization.chosen(service.mapOrganizationID.uuidString, in: actor.tenantID, on: req.db)
            return Chosen(serviceID: service.id!.uuidString, organizationID: "", name: service.name, provider: provider?.name ?? "",
                          capacity: req.t("capacity.\(service.capacity)"), capacityCode: service.capacity, wait: wait(service.serviceCapacity, service.expectedWaitWeeks, req),
                          responseDays: req.t("referral.response_days", String(service.responseDays)), eligibility: service.eligibilityDescription)
        }
        if let organization = try await Organization.chosen(form.organization_id, in: actor.tenantID, on: req.db) {
            return Chosen(serviceID: "", organizationID: organization.id!.uuidString, name: organization.name, provider: "",
                          capacity: "", capacityCode: "", wait: nil, responseDays: req.t("referral.response_days", "5"), eligibility: "")
        }
        return nil
    }

    static func wait(_ capacity: ServiceCapacity, _ weeks: Int?, _ req: Request) -> String? {
        guard capacity == .waitingList, let weeks else { return nil }
        return req.t("referral.expected_wait", String(weeks))
    }
}
