import Domain
import Fluent
import Vapor

/// The privacy officer's review of emergency openings: unreviewed first,
/// each marked reviewed with a comment.
struct BreakTheGlassReviewController {
    struct ReviewForm: Content { var comment: String?; var verdict: String? }

    struct Page: Encodable {
        struct Row: Encodable {
            let user: String; let household: String; let reason: String
            let openedAt: String; let expiresAt: String; let reviewed: Bool
            let reviewAction: String; let comment: String; let verdict: String
            /// The access log of this user on this household while the opening lasted.
            let viewedHref: String
            /// An unreviewed opening's verdict and comment.
            let review: Review?
        }
        struct Review: Encodable { let verdict: ChoiceGroup; let comment: FormField }
        let unreviewed: [Row]
        let reviewed: [Row]
        let errors: FormErrors
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.breakTheGlassReviews, use: list)
        routes.post(SiteRoute.breakTheGlassReview, use: review)
    }

    func list(req: Request) async throws -> Response {
        try await render(req, errors: .none)
    }

    func review(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let opening = try await BreakTheGlassOpening.find(req.id(.openingID), in: actor.tenantID, on: req.db)
        let form = try req.content.decode(ReviewForm.self)
        var validator = FormValidator()
        let comment = validator.text("comment-\(opening.id?.uuidString ?? "")", form.comment, maxLength: 1000, allowLineBreaks: true)
        let verdict = form.verdict.flatMap(BreakTheGlassVerdict.init(rawValue:))
        if verdict == nil { validator.add("verdict-\(opening.id?.uuidString ?? "")", "break_the_glass.verdict_required") }
        guard validator.isValid, let comment, let verdict else {
            return try await render(req, errors: FormErrors(validator.issues, req: req), typed: (try opening.requireID(), form), status: .unprocessableEntity)
        }
        try await req.db.transaction { tx in
            opening.reviewedAt = Date()
            opening.reviewedBy = actor.userID
            opening.reviewComment = comment
            opening.verdict = verdict.rawValue
            try await opening.save(on: tx)
            try await req.audit("break_the_glass.reviewed", outcome: .success, basis: .administration, subjectID: opening.householdID, purpose: verdict.rawValue, objectType: "break_the_glass", objectID: opening.id?.uuidString, on: tx)
        }
        return req.redirect(to: SiteRoute.breakTheGlassReviews.path(), notice: .reviewSaved)
    }

    private func render(_ req: Request, errors: FormErrors, typed: (UUID, ReviewForm)? = nil, status: HTTPStatus = .ok) async throws -> Response {
        let actor = try req.requireActor()
        let openings = try await BreakTheGlassOpening.scoped(to: actor.tenantID, on: req.db).sort(\.$openedAt, .descending).limit(500).all()
        let users = try await User.scoped(to: actor.tenantID, on: req.db).filter(\.$id ~~ Set(openings.map(\.userID))).all()
        let names = Dictionary(users.compactMap { user in user.id.map { ($0, "\(user.displayName) (\(user.username))") } }, uniquingKeysWith: { a, _ in a })
        let usernames = Dictionary(users.compactMap { user in user.id.map { ($0, user.username) } }, uniquingKeysWith: { a, _ in a })
        let households = try await Household.scoped(to: actor.tenantID, on: req.db).filter(\.$id ~~ Set(openings.map(\.householdID))).all()
        let householdNames = Dictionary(households.compactMap { h in h.id.map { ($0, h.name) } }, uniquingKeysWith: { a, _ in a })
        var fields = FieldBuilder(req, errors: errors)
        let rows = try openings.map { opening in
            let id = try opening.requireID()
            let typedHere = typed.flatMap { $0.0 == id ? $0.1 : nil } ?? ReviewForm()
            return Page.Row(
                user: names[opening.userID] ?? "", household: householdNames[opening.householdID] ?? "", reason: opening.reason,
                openedAt: req.shortMoment(opening.openedAt), expiresAt: req.shortMoment(opening.expiresAt),
                reviewed: opening.reviewedAt != nil, reviewAction: SiteRoute.breakTheGlassReview.path(try opening.requireID()),
                comment: opening.reviewComment ?? "", verdict: opening.verdict.map { req.t("break_the_glass.verdict.\($0)") } ?? "",
                viewedHref: AccessLogController.path(household: opening.householdID, user: usernames[opening.userID],
                                                     from: Day.string(opening.openedAt), to: Day.string(opening.expiresAt)),
                review: opening.reviewedAt != nil ? nil : Self.review(id, typed: typedHere, &fields)
            )
        }
        let page = Page(unreviewed: rows.filter { !$0.reviewed }, reviewed: rows.filter(\.reviewed), errors: fields.namedErrors)
        return try await req.page("privacy/break-the-glass", title: req.t("break_the_glass.review_title"), page, status: status)
    }

    /// One opening's verdict and comment, ids carrying the opening (several forms share the page).
    static func review(_ id: UUID, typed: ReviewForm, _ fields: inout FieldBuilder) -> Page.Review {
        let verdicts = BreakTheGlassVerdict.allCases.map {
            Option(value: $0.rawValue, label: fields.speaker.t("break_the_glass.verdict.\($0.rawValue)"), selected: $0.rawValue == typed.verdict)
        }
        return Page.Review(
            verdict: fields.choices("verdict-\(id.uuidString)", name: "verdict", legend: "break_the_glass.verdict", options: verdicts, radio: true),
            comment: fields.field("comment-\(id.uuidString)", name: "comment", .textarea, label: "break_the_glass.comment", value: typed.comment, maxLength: 1000, rows: 2)
        )
    }
}
