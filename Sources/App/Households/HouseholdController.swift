import Domain
import Fluent
import Vapor

/// Households: the list of mine, registering a new one, and its page.
struct HouseholdController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.households, use: list)
        routes.get(SiteRoute.householdNew, use: new)
        routes.post(SiteRoute.households, use: create)
        routes.get(SiteRoute.household, use: show)
        routes.post(SiteRoute.residentBSN, use: revealBSN)
    }

    /// Households on which the actor's organisation is active today, by
    /// name, a page at a time, optionally only those without a contact;
    /// found by a resident's name, or a valid BSN looked up exactly,
    /// tenant-wide, so nobody registers a known resident twice — but only
    /// households the organisation works with are shown.
    func list(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        guard actor.role == .professional, let organizationID = actor.organizationID else { throw AppError.notFound }
        let query = String((req.query[String.self, at: "q"] ?? "").trimmingCharacters(in: .whitespaces).prefix(100))
        let number = min(max(1, req.query[Int.self, at: "page"] ?? 1), 100_000)
        let unassigned = ["1", "on"].contains(req.query[String.self, at: "unassigned"])
        var filter = HouseholdList.Filter.all
        var foundByBSN = false
        if let bsn = BSN(query) {
            let found = try await Resident.scoped(to: actor.tenantID, on: req.db).filter(\.$bsnLookup == req.bsnLookup(bsn)).all().map(\.householdID)
            filter = .households(Set(found))
            foundByBSN = !found.isEmpty
            try await req.audit("resident.search", outcome: .allowed, basis: .involvement, purpose: "bsn", objectType: "search", objectID: String(found.count))
        } else if !query.isEmpty {
            filter = .memberName(query)
        }
        let (households, hasMore) = try await HouseholdList.page(number, filter, unassigned: unassigned, organizationID: organizationID, tenantID: actor.tenantID, today: Day.today(), on: req.db)
        let page = HouseholdListPage(
            rows: households.map { HouseholdListPage.Row(name: $0.name, address: "\($0.street), \($0.city)", href: SiteRoute.household.path($0.id)) },
            newHref: SiteRoute.householdNew.path(), search: HouseholdListPage.searchField(query, in: req), unassignedBox: HouseholdListPage.unassignedField(unassigned, in: req),
            query: query, unassigned: unassigned, knownElsewhere: foundByBSN && households.isEmpty,
            pager: Pager(path: SiteRoute.households.path(), filters: [("q", query.isEmpty ? nil : query), ("unassigned", unassigned ? "1" : nil)], page: number, hasMore: hasMore)
        )
        return try await req.page("households/list", title: req.t("households.title"), page)
    }

    func new(req: Request) async throws -> Response {
        // From an early-signal case whose people accepted help: the intake filled in from the signal.
        let form = try await (try? req.query.get(String.self, at: "signal_case")).asyncFlatMap { try await SignalHelp.intake(from: $0, in: req.context()) }
        return try await intakePage(req, form ?? IntakeForm(), errors: .none)
    }

    func create(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        guard actor.role == .professional else { throw AppError.notFound }
        let form = try req.content.decode(IntakeForm.self)
        switch try await HouseholdIntake.register(form, actor: actor, req: req) {
        case .created(let household):
            if let signalCase = form.signal_case_id { try await SignalHelp.started(signalCase, household: household, in: req.context()) }
            return req.redirect(to: SiteRoute.household.path(try household.requireID()), notice: .householdRegistered)
        case .invalid(let issues):
            return try await intakePage(req, form, errors: FormErrors(issues, req: req), status: .unprocessableEntity)
        case .existingBSN(let resident):
            return try await intakePage(req, form, errors: FormErrors([.init(field: "bsn", messageKey: "intake.bsn_exists")], req: req), duplicate: try await duplicate(resident, sameBSN: true, req: req), status: .conflict)
        case .possibleDuplicate(let resident):
            return try await intakePage(req, form, errors: FormErrors([.init(field: "given_name", messageKey: "intake.possible_duplicate")], req: req), duplicate: try await duplicate(resident, sameBSN: false, req: req), status: .conflict)
        case .lookupLimitReached:
            return try await intakePage(req, form, errors: FormErrors([.init(field: "bsn", messageKey: "intake.lookup_limit")], req: req), status: .tooManyRequests)
        }
    }

    func show(req: Request) async throws -> Response {
        let householdID = req.id(.householdID)
        let opened: ResidentAccess.Opened
        do {
            opened = try await req.residentAccess().open(householdID, .identity, event: "household.view")
        } catch AppError.forbidden where req.actor?.role == .professional {
            // Known household, not (or no longer) on its team: say so, and offer the emergency route.
            return try await BreakTheGlassController.offer(req, householdID: householdID!)
        }
        let page = try await HouseholdPage.build(opened, in: req.context())
        return try await req.page("households/show", title: opened.household.name, page)
    }

    /// Shows one member's full BSN, once, and logs that it was shown.
    func revealBSN(req: Request) async throws -> Response {
        let access = try req.residentAccess()
        let residentID = req.id(.residentID)
        let opened = try await access.open(req.id(.householdID), .identity, event: "resident.bsn_shown", resident: residentID)
        guard let resident = try await opened.member(residentID, on: req.db), let sealed = resident.bsnEncrypted else { throw AppError.notFound }
        let bsn = try FieldCipher(key: req.application.config.keys.field).open(sealed)
        let page = try await HouseholdPage.build(opened, in: req.context(), revealed: [try resident.requireID(): bsn])
        return try await req.page("households/show", title: opened.household.name, page)
    }

    private func duplicate(_ resident: Resident, sameBSN: Bool, req: Request) async throws -> IntakeDuplicate {
        // Offer the existing record only to someone who may open it.
        let actor = try req.requireActor()
        let household = try await Household.find(resident.householdID, in: actor.tenantID, on: req.db)
        let allowed = AccessPolicy.decide(try await req.residentAccess().accessContext(for: household), .identity).isAllowed
        guard !allowed else {
            return IntakeDuplicate(name: resident.fullName, birthDate: req.shortDay(resident.birthDate), href: SiteRoute.household.path(resident.householdID), sameBSN: sameBSN, contact: nil)
        }
        let coordinators = try await Involvement.scoped(to: actor.tenantID, on: req.db).filter(\.$householdID == resident.householdID)
            .filter(\.$isCoordinator == true).all().filter { $0.isActive(on: Day.today()) }.map(\.organizationID)
        let names = try await req.organizationNames(in: actor.tenantID)
        let contact = coordinators.compactMap { names[$0] }.first
        return IntakeDuplicate(name: nil, birthDate: nil, href: nil, sameBSN: sameBSN, contact: contact)
    }

    private func intakePage(_ req: Request, _ form: IntakeForm, errors: FormErrors, duplicate: IntakeDuplicate? = nil, status: HTTPStatus = .ok) async throws -> Response {
        let actor = try req.requireActor()
        guard actor.role == .professional, let organizationID = actor.organizationID else { throw AppError.notFound }
        let organization = try await Organization.find(organizationID, in: actor.tenantID, on: req.db)
        let page = IntakePage.build(form, partner: !organization.partOfMunicipality, errors: errors, duplicate: duplicate, in: try req.context())
        return try await req.page("households/new", title: req.t("intake.title"), page, status: status)
    }
}
