import Domain
import Fluent
import SQLKit
import Vapor

/// The coordinator hands a resident a one-time activation code; with it the
/// resident creates their own portal account.
struct PortalActivationController {
    static let lifetime: TimeInterval = 14 * 24 * 3600

    func register(public routes: any RoutesBuilder, signedIn: any RoutesBuilder) {
        signedIn.post(SiteRoute.portalCode, use: issue)
        routes.get(SiteRoute.portalActivate) { req in try await activatePage(req, PortalActivateForm(), errors: .none) }
        routes.post(SiteRoute.portalActivate, use: activate)
    }

    func issue(req: Request) async throws -> Response {
        let opened = try await req.residentAccess().open(req.id(.householdID), .coordinate, event: "portal.code_issued")
        guard let resident = try await opened.member(req.id(.residentID), on: req.db), resident.userID == nil else { throw AppError.notFound }
        let code = Self.newCode()
        let codeHash = req.keyedHash.hex(Self.normalize(code), purpose: "portal-code"), expiresAt = Date().addingTimeInterval(Self.lifetime)
        try await req.db.transaction { tx in
            let earlier = PortalActivation.scoped(to: resident.tenantID, on: tx).filter(\.$residentID == (try resident.requireID())).filter(\.$usedAt == nil)
            try await PortalCode.forget(try await earlier.all().map(\.codeHash), on: tx)
            try await earlier.delete()
            try await PortalActivation(tenantID: resident.tenantID, residentID: try resident.requireID(), codeHash: codeHash, expiresAt: expiresAt).create(on: tx)
            try await PortalCode(codeHash: codeHash, tenantID: resident.tenantID, expiresAt: expiresAt).create(on: tx)
        }
        let page = PortalCodePage(name: resident.fullName, code: code, activateURL: SiteRoute.portalActivate.path(), backHref: SiteRoute.household.path(resident.householdID))
        return try await req.page("portal/code", title: req.t("portal.code_title"), page)
    }

    func activate(req: Request) async throws -> Response {
        let form = try req.content.decode(PortalActivateForm.self)
        var validator = FormValidator()
        let code = Self.normalize(form.code ?? "")
        let codeHash = req.keyedHash.hex(code, purpose: "portal-code")
        var activation: PortalActivation?
        if code.count == 12, let tenantID = try await PortalCode.tenant(of: codeHash, on: req.db) {
            activation = try await PortalActivation.scoped(to: tenantID, on: req.db)
                .filter(\.$codeHash == codeHash).filter(\.$usedAt == nil).filter(\.$expiresAt > Date()).first()
        }
        if activation == nil { validator.add("code", "portal.code_invalid") }
        var username: String?
        if let raw = validator.text("username", form.username, maxLength: Username.maximumLength) {
            username = Username.normalized(raw)
            if username == nil { validator.add("username", "validation.username_invalid") }
            else if let name = username, try await User.query(on: req.db).filter(\.$username == name).first() != nil {
                validator.add("username", "validation.username_taken")
            }
        }
        for issue in PasswordPolicy.check(form.password ?? "", confirmation: form.password_confirmation ?? "") {
            validator.add(issue.field, issue.messageKey)
        }
        guard validator.isValid, let activation, let username,
              let resident = try await Resident.chosen(activation.residentID.uuidString, in: activation.tenantID, on: req.db), resident.userID == nil
        else { return try await activatePage(req, form, errors: FormErrors(validator.issues, req: req), status: .unprocessableEntity) }
        let hash = try await req.password.async.hash(form.password ?? "")
        do {
            try await req.db.transaction { tx in
                // Spent first, and the resident linked only while unlinked: one account per code, however many race.
                guard try await tx.sql.spendOnce(PortalActivation.schema, id: activation.requireID(), in: activation.tenantID) else { throw AlreadySpent() }
                try await PortalCode.forget([activation.codeHash], on: tx)
                let user = User(tenantID: resident.tenantID, organizationID: nil, username: username, displayName: resident.givenName, role: .resident)
                user.passwordHash = hash
                try await user.create(on: tx)
                guard try await tx.sql.update(Resident.schema).set("user_id", to: user.requireID())
                    .where("tenant_id", .equal, resident.tenantID).where("id", .equal, resident.requireID()).where("user_id", .is, SQLLiteral.null).returning("id").first() != nil
                else { throw AlreadySpent() }
                try await req.audit("portal.activated", outcome: .success, basis: .own, tenantID: resident.tenantID, user: user, subjectID: resident.householdID, objectType: "resident", objectID: resident.id?.uuidString, on: tx)
            }
        } catch is AlreadySpent {
            return try await activatePage(req, form, errors: FormErrors([.init(field: "code", messageKey: "portal.code_invalid")], req: req), status: .unprocessableEntity)
        }
        return req.redirect(to: SiteRoute.login.path() + "?password_set=1")
    }

    private func activatePage(_ req: Request, _ form: PortalActivateForm, errors: FormErrors, status: HTTPStatus = .ok) async throws -> Response {
        try await req.page("portal/activate", title: req.t("portal.activate_title"), PortalActivatePage.build(form, errors: errors, in: req), status: status)
    }

    /// Twelve characters without look-alikes, shown in groups of four.
    static func newCode() -> String {
        let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        let raw = String((0..<12).map { _ in alphabet.randomElement()! })
        return stride(from: 0, to: 12, by: 4).map { String(Array(raw)[$0..<$0 + 4]) }.joined(separator: "-")
    }

    static func normalize(_ code: String) -> String {
        code.uppercased().filter { $0.isLetter || $0.isNumber }
    }
}
