import Domain
import Fluent
import Vapor

/// The second step of signing in: a TOTP code or a recovery code, and the
/// enrolment of an authenticator app for those who have none yet.
struct SecondFactorController {
    static let recoveryCodeCount = 10

    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.secondFactor, use: showCode)
        routes.post(SiteRoute.secondFactor, use: submitCode)
        routes.get(SiteRoute.enrol, use: showEnrol)
        routes.post(SiteRoute.enrol, use: submitEnrol)
    }

    // MARK: Code

    func showCode(req: Request) async throws -> Response {
        _ = try Self.pending(req, stage: .secondFactor)
        let page = SecondFactorPage(next: LoginController.safeNext(req.query[String.self, at: "next"]))
        return try await req.page("auth/second-factor", title: req.t("second_factor.title"), page.view(in: req))
    }

    func submitCode(req: Request) async throws -> Response {
        let (session, user) = try Self.pending(req, stage: .secondFactor)
        let form = try req.content.decode(SecondFactorForm.self)
        let next = LoginController.safeNext(form.next)
        let keys = LoginThrottling.keys(username: user.username, address: req.clientAddress)
        let code = String((form.code ?? "").prefix(64))

        if try await LoginThrottling.lockedUntil(keys, on: req.db) == nil,
           let method = try await Self.check(code: code, user: user, req: req) {
            try await LoginThrottling.recordSuccess(keys, on: req.db)
            let response = req.redirect(to: next.isEmpty ? SiteRoute.home.path() : next)
            try await SessionStore.advance(session, to: .complete, req: req, response: response, on: req.db)
            try await req.audit("login.success", outcome: .success, basis: .authentication, user: user, objectType: "second_factor", objectID: method)
            return response
        }
        try await LoginThrottling.recordFailure(keys, lockout: req.application.config.lockout, on: req.db)
        try await req.audit("login.second_factor_failure", outcome: .failure, basis: .authentication, user: user)
        let page = SecondFactorPage(next: next, errorKey: "second_factor.failed")
        return try await req.page("auth/second-factor", title: req.t("second_factor.title"), page.view(in: req), status: .unauthorized)
    }

    /// "totp" or "recovery_code" when the code is right; a recovery code is spent.
    static func check(code: String, user: User, req: Request) async throws -> String? {
        if let secret = req.secondFactor.storedSecret(of: user), let step = SecondFactor.step(of: code, secret: secret) {
            return try await SecondFactor.spend(step: step, userID: user.requireID(), on: req.db) ? "totp" : nil
        }
        let normalized = code.uppercased().filter { $0.isLetter || $0.isNumber }
        guard normalized.count == 10 else { return nil }
        let hash = req.keyedHash.hex(normalized, purpose: "recovery")
        guard let recovery = try await RecoveryCode.query(on: req.db)
            .filter(\.$userID == user.requireID()).filter(\.$codeHash == hash).filter(\.$usedAt == nil).first()
        else { return nil }
        recovery.usedAt = Date()
        try await recovery.save(on: req.db)
        return "recovery_code"
    }

    // MARK: Enrolment

    func showEnrol(req: Request) async throws -> Response {
        let (session, user) = try Self.enrolling(req)
        let secret = SecondFactor.newSecret()
        session.pendingTOTPSecret = try req.secondFactor.seal(secret)
        try await session.save(on: req.db)
        let page = EnrolPage(secret: secret, uri: SecondFactor.provisioningURI(secret: secret, username: user.username))
        return try await req.page("auth/enrol", title: req.t("enrol.title"), page.view(in: req))
    }

    func submitEnrol(req: Request) async throws -> Response {
        let (session, user) = try Self.enrolling(req)
        let form = try req.content.decode(SecondFactorForm.self)
        guard let sealed = session.pendingTOTPSecret, let secret = try? FieldCipher(key: req.application.config.keys.field).open(sealed) else {
            return req.redirect(to: SiteRoute.enrol.path())
        }
        guard let step = SecondFactor.step(of: form.code ?? "", secret: secret), try await SecondFactor.spend(step: step, userID: user.requireID(), on: req.db) else {
            let page = EnrolPage(secret: secret, uri: SecondFactor.provisioningURI(secret: secret, username: user.username), errorKey: "enrol.failed")
            return try await req.page("auth/enrol", title: req.t("enrol.title"), page.view(in: req), status: .unprocessableEntity)
        }
        let codes = (0..<Self.recoveryCodeCount).map { _ in Self.newRecoveryCode() }
        let response = try await req.page("auth/recovery-codes", title: req.t("recovery.title"), RecoveryCodesPage(codes: codes.map(Self.display)))
        try await req.db.transaction { tx in
            user.totpSecret = sealed
            try await user.save(on: tx)
            try await RecoveryCode.query(on: tx).filter(\.$userID == user.requireID()).delete()
            for code in codes {
                try await RecoveryCode(userID: user.requireID(), codeHash: req.keyedHash.hex(code, purpose: "recovery")).create(on: tx)
            }
            session.pendingTOTPSecret = nil
            try await SessionStore.advance(session, to: .complete, req: req, response: response, on: tx)
            try await req.audit("second_factor.enrolled", outcome: .success, basis: .authentication, user: user, on: tx)
        }
        return response
    }

    // MARK: Helpers

    static func pending(_ req: Request, stage: UserSession.Stage) throws -> (UserSession, User) {
        guard let session = req.loginSession, let user = req.loginUser, session.loginStage == stage else {
            throw Abort(.unauthorized)
        }
        return (session, user)
    }

    /// Enrolment is due after the password, or chosen later by someone without a second factor.
    static func enrolling(_ req: Request) throws -> (UserSession, User) {
        guard let session = req.loginSession, let user = req.loginUser,
              session.loginStage == .enrolment || (session.loginStage == .complete && !user.hasSecondFactor)
        else { throw Abort(.unauthorized) }
        return (session, user)
    }

    static func newRecoveryCode() -> String {
        let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        return String((0..<10).map { _ in alphabet.randomElement()! })
    }

    static func display(_ code: String) -> String { "\(code.prefix(5))-\(code.suffix(5))" }
}
