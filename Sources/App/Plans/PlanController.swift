import Domain
import Fluent
import Vapor

/// The plan as a whole: its review date, a signature on paper recorded by
/// the coordinator, and comparing any two versions (or a version with now).
struct PlanController {
    func register(_ routes: any RoutesBuilder) {
        routes.post(SiteRoute.planReview, use: setReview)
        routes.post(SiteRoute.planPaperSignature, use: recordPaperSignature)
        routes.get(SiteRoute.planVersions, use: versions)
        routes.get(SiteRoute.planPrint, use: printable)
    }

    func setReview(req: Request) async throws -> Response {
        let opened = try await req.residentAccess().open(req.id(.householdID), .coordinate, event: "plan.review_date")
        let form = try req.content.decode(PlanReviewForm.self)
        guard let day = Day.parse(form.review_on), day >= Day.today() else {
            return try await HouseholdPage.rerender(req, opened, FormErrors([.init(field: "review_on", messageKey: "validation.review_in_past")], req: req))
        }
        let household = opened.household
        try await req.db.transaction { tx in
            household.reviewOn = day
            try await household.save(on: tx)
            try await req.context().auditChange("plan.review_date", in: opened, objectType: "plan", objectID: day, on: tx)
        }
        return req.redirect(to: SiteRoute.household.path(try household.requireID()), notice: .reviewDateSaved)
    }

    func recordPaperSignature(req: Request) async throws -> Response {
        let opened = try await req.residentAccess().open(req.id(.householdID), .coordinate, event: "plan.signed")
        let household = opened.household
        let householdID = try household.requireID()
        let form = try req.content.decode(PaperSignatureForm.self)
        guard let resident = try await opened.member(form.resident_id, on: req.db) else { throw Abort(.badRequest) }
        try await Self.sign(opened, resident: resident, method: .signedOnPaper, req: req)
        return req.redirect(to: SiteRoute.household.path(householdID), notice: .signatureRecorded)
    }

    /// Freezes the plan as it is now as the next numbered version.
    /// Returns false, and signs nothing, when this resident already signed the
    /// plan as it is now (a second click, or a page open in two tabs).
    @discardableResult
    static func sign(_ opened: ResidentAccess.Opened, resident: Resident, method: ConsentMethod, req: Request) async throws -> Bool {
        let householdID = try opened.household.requireID(), tenantID = opened.household.tenantID
        let goals = try await PortalData.goals(opened, in: req.context())
        let snapshot = String(decoding: try JSONEncoder().encode(goals), as: UTF8.self)
        return try await req.db.transaction { tx in
            let last = try await opened.latestPlanVersion(on: tx)
            if let last, last.signedByResidentID == resident.id, last.stillAgrees(with: goals) { return false }
            let version = PlanVersion(
                tenantID: tenantID, householdID: householdID, number: (last?.number ?? 0) + 1, snapshot: snapshot,
                signedBy: try resident.requireID(), method: method.rawValue, signedAt: Date()
            )
            try await version.create(on: tx)
            try await req.context().auditChange("plan.signed", in: opened, objectType: "plan_version", objectID: String(version.number), on: tx)
            try await EventOutbox.record(.planSigned, object: householdID, path: SiteRoute.apiHouseholdPlan.path(householdID), data: ["version": String(version.number)],
                                         tenantID: tenantID, publicURL: req.application.config.publicURL, on: tx)
            return true
        }
    }

    /// The plan on paper, for whoever holds it together with the resident.
    func printable(req: Request) async throws -> Response {
        let opened = try await req.residentAccess().open(req.id(.householdID), .planOverview, event: "plan.print")
        let page = try await PrintablePlanPage.build(opened, backHref: SiteRoute.household.path(try opened.household.requireID()), in: req.context())
        return try await req.page("plans/print", title: req.t("plan.print_title", opened.household.name), page)
    }

    /// Compares version `from` with version `to` (0 is the plan as it is now).
    func versions(req: Request) async throws -> Response {
        let opened = try await req.residentAccess().open(req.id(.householdID), .planOverview, event: "plan.compare")
        let household = opened.household
        let householdID = try household.requireID()
        let stored = try await opened.planVersions(on: req.db)
        let from = req.query[Int.self, at: "from"] ?? stored.last?.number ?? 0
        let to = req.query[Int.self, at: "to"] ?? 0
        let snapshot = { (number: Int) async throws -> [PortalData.GoalItem]? in
            if number == 0 { return try await PortalData.goals(opened, in: req.context()) }
            guard let version = stored.first(where: { $0.number == number }) else { return nil }
            return try JSONDecoder().decode([PortalData.GoalItem].self, from: Data(version.snapshot.utf8))
        }
        let old = try await snapshot(from), new = try await snapshot(to)
        let label = { (number: Int) in number == 0 ? req.t("plan.now") : req.t("plan.version", String(number)) }
        let options = { (selected: Int) in
            [Option(value: "0", label: req.t("plan.now"), selected: selected == 0)]
                + stored.map { Option(value: String($0.number), label: label($0.number), selected: $0.number == selected) }
        }
        var fields = FieldBuilder(req)
        let page = PlanVersionsPage(
            backHref: SiteRoute.household.path(householdID), action: SiteRoute.planVersions.path(householdID),
            fromField: fields.field("from", .select, label: "plan.compare_from", options: options(from)),
            toField: fields.field("to", .select, label: "plan.compare_to", options: options(to)), fromLabel: label(from), toLabel: label(to),
            changes: (old.flatMap { old in new.map { PlanDiff.compare(old, $0) } } ?? []).map {
                PlanVersionsPage.ChangeRow(label: req.t("plan.change.\($0.kind.rawValue)"), title: $0.title, details: $0.details)
            },
            compared: old != nil && new != nil
        )
        return try await req.page("plans/versions", title: req.t("plan.compare_title"), page)
    }
}
