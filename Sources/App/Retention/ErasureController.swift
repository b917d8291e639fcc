import Domain
import Fluent
import Vapor

/// The privacy officer registers a resident's erasure request by the
/// resident's BSN and gets a receipt (what went) or a refusal (why, and
/// until when); places and lifts legal holds. A form that is refused keeps
/// what was typed, except the BSN, which is never shown back.
struct ErasureController {
    struct RequestForm: Content { var bsn: String?; var received_on: String?; var identity_checked: String? }
    struct HoldForm: Content { var bsn: String?; var reason: String? }

    struct Page: Encodable {
        struct Row: Encodable { let received: String; let decided: String; let outcome: String; let href: String }
        struct Hold: Encodable { let household: String; let reason: String; let placed: String; let liftAction: String }
        let requestForm: FormPage.Parts
        let holdForm: FormPage.Parts
        let errors: FormErrors
        let requests: [Row]
        let holds: [Hold]
    }

    struct Receipt: Encodable {
        struct Line: Encodable { let what: String; let count: Int }
        let id: String
        let received: String
        let decided: String
        let erased: Bool
        let lines: [Line]
        let refusal: String?
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.erasure, use: show)
        routes.post(SiteRoute.erasureRequests, use: registerRequest)
        routes.get(SiteRoute.erasureRequest, use: receipt)
        routes.post(SiteRoute.legalHolds, use: placeHold)
        routes.post(SiteRoute.legalHoldLift, use: liftHold)
    }

    func show(req: Request) async throws -> Response {
        try await render(req, RequestForm(received_on: Day.today()), HoldForm())
    }

    func registerRequest(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let form = try req.content.decode(RequestForm.self)
        var validator = FormValidator()
        let bsn = Self.bsn(form.bsn, "bsn", &validator)
        let received = Day.parse(form.received_on)
        if received == nil || received! > Day.today() { validator.add("received_on", "erasure.received_invalid") }
        if form.identity_checked != "on" { validator.add("identity_checked", "erasure.identity_required") }
        var householdID: UUID?
        if let bsn, validator.isValid {
            householdID = try await Erasures.household(of: bsn, req: req, tenantID: actor.tenantID)
            if householdID == nil {
                // A look-up by BSN that finds nobody is on record too.
                try await req.audit("erasure.refused", outcome: .denied, basis: .administration, purpose: "no-resident", objectType: "erasure_request")
                validator.add("bsn", "erasure.no_resident")
            }
        }
        guard validator.isValid, let householdID, let received else {
            return try await render(req, RequestForm(received_on: form.received_on, identity_checked: form.identity_checked), HoldForm(),
                                    issues: validator.issues)
        }
        let request = try await Erasures.register(householdID: householdID, receivedOn: received, req: req)
        return req.redirect(to: SiteRoute.erasureRequest.path(try request.requireID()))
    }

    func receipt(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let request = try await ErasureRequest.find(req.id(.erasureRequestID), in: actor.tenantID, on: req.db)
        let counts = (request.receipt?.data(using: .utf8)).flatMap { try? JSONDecoder().decode([String: Int].self, from: $0) } ?? [:]
        let refusal = request.refusal.map { req.t("erasure.refusal.\($0)", req.day(request.refusedUntil)) }
        let content = Receipt(
            id: request.id?.uuidString.lowercased() ?? "", received: req.day(request.receivedOn), decided: req.shortMoment(request.decidedAt),
            erased: request.outcome == "erased",
            lines: counts.sorted { $0.key < $1.key }.map { .init(what: req.t("erasure.kind.\($0.key)"), count: $0.value) }, refusal: refusal
        )
        return try await req.page("privacy/erasure-receipt", title: req.t("erasure.receipt_title"), content)
    }

    func placeHold(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let form = try req.content.decode(HoldForm.self)
        var validator = FormValidator()
        let bsn = Self.bsn(form.bsn, "hold_bsn", &validator)
        let reason = validator.text("reason", form.reason, maxLength: 500, allowLineBreaks: true)
        var householdID: UUID?
        if let bsn, validator.isValid {
            householdID = try await Erasures.household(of: bsn, req: req, tenantID: actor.tenantID)
            if householdID == nil { validator.add("hold_bsn", "erasure.no_resident") }
        }
        guard validator.isValid, let householdID, let reason else {
            return try await render(req, RequestForm(received_on: Day.today()), HoldForm(reason: form.reason), issues: validator.issues)
        }
        try await Erasures.placeHold(householdID: householdID, reason: reason, req: req)
        return req.redirect(to: SiteRoute.erasure.path() + "#holds", notice: .holdPlaced)
    }

    func liftHold(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let hold = try await LegalHold.find(req.id(.legalHoldID), in: actor.tenantID, on: req.db)
        guard hold.liftedAt == nil else { throw AppError.notFound }
        try await Erasures.liftHold(hold, req: req)
        return req.redirect(to: SiteRoute.erasure.path() + "#holds", notice: .holdLifted)
    }

    private static func bsn(_ raw: String?, _ field: String, _ validator: inout FormValidator) -> BSN? {
        guard let text = validator.text(field, raw, maxLength: 20) else { return nil }
        guard let bsn = BSN(text) else { validator.add(field, "validation.bsn_invalid"); return nil }
        return bsn
    }

    private func render(_ req: Request, _ request: RequestForm, _ hold: HoldForm, issues: [ValidationIssue] = []) async throws -> Response {
        let actor = try req.requireActor()
        var fields = FieldBuilder(req, errors: FormErrors(issues, req: req))
        let requestParts: [FormPart] = [
            .field(fields.field("bsn", label: "erasure.bsn", hint: "erasure.bsn_hint", maxLength: 20, autocomplete: "off", inputMode: "numeric", required: true)),
            .field(fields.field("received_on", .date, label: "erasure.received_on", value: request.received_on, required: true)),
            .field(fields.field("identity_checked", .checkbox, label: "erasure.identity_checked", checked: request.identity_checked == "on")),
        ]
        let holdParts: [FormPart] = [
            .field(fields.field("hold_bsn", name: "bsn", label: "erasure.bsn", maxLength: 20, autocomplete: "off", inputMode: "numeric", required: true)),
            .field(fields.field("reason", .textarea, label: "erasure.hold_reason", hint: "erasure.hold_reason_hint", value: hold.reason, maxLength: 500, rows: 3, required: true)),
        ]
        let requests = try await ErasureRequest.scoped(to: actor.tenantID, on: req.db).sort(\.$decidedAt, .descending).limit(200).all()
        let holds = try await LegalHold.scoped(to: actor.tenantID, on: req.db).filter(\.$liftedAt == nil).sort(\.$placedAt, .descending).all()
        let names = try await HouseholdNames.of(holds.map(\.householdID), tenantID: actor.tenantID, req: req)
        let page = Page(
            requestForm: .init(parts: requestParts), holdForm: .init(parts: holdParts), errors: fields.namedErrors,
            requests: requests.map { Page.Row(received: req.shortDay($0.receivedOn), decided: req.shortMoment($0.decidedAt),
                                              outcome: req.t("erasure.outcome.\($0.outcome)"), href: SiteRoute.erasureRequest.path($0.id!)) },
            holds: holds.map { Page.Hold(household: names[$0.householdID] ?? "–", reason: $0.reason, placed: req.shortMoment($0.placedAt),
                                         liftAction: SiteRoute.legalHoldLift.path($0.id!)) }
        )
        return try await req.page("privacy/erasure", title: req.t("erasure.title"), page, status: issues.isEmpty ? .ok : .unprocessableEntity)
    }
}

/// Households by name for the privacy officer; an erased one says so.
enum HouseholdNames {
    static func of(_ ids: [UUID], tenantID: UUID, req: Request) async throws -> [UUID: String] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await Household.scoped(to: tenantID, on: req.db).filter(\.$id ~~ Set(ids)).all()
        return Dictionary(rows.map { ($0.id!, $0.anonymisedAt == nil ? $0.name : req.t("erasure.erased_household")) }, uniquingKeysWith: { first, _ in first })
    }
}
