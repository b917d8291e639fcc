import Domain
import Fluent
import Vapor

/// Signing in with a password, then (where required) a TOTP code.
struct LoginController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.login, use: show)
        routes.post(SiteRoute.login, use: submit)
        routes.post(SiteRoute.logout, use: logout)
    }

    func show(req: Request) async throws -> Response {
        if req.actor != nil { return req.redirect(to: SiteRoute.home.path()) }
        var page = LoginPage(next: Self.safeNext(req.query[String.self, at: "next"]))
        if req.query[String.self, at: "expired"] != nil || req.sessionExpired { page.noticeKey = "login.expired" }
        if req.query[String.self, at: "password_set"] != nil { page.noticeKey = "login.password_set" }
        return try await req.page("auth/login", title: req.t("login.title"), page.view(in: req))
    }

    func submit(req: Request) async throws -> Response {
        let form = try req.content.decode(LoginForm.self)
        let typed = String((form.username ?? "").prefix(Username.maximumLength))
        var page = LoginPage(username: typed, next: Self.safeNext(form.next))
        let keys = LoginThrottling.keys(username: typed, address: req.clientAddress)
        let locks = try await LoginThrottling.locks(keys, on: req.db)

        if locks.address != nil {
            try await req.audit("login.locked", outcome: .denied, basis: .authentication, userName: typed)
            page.errorKey = "login.locked"
            return try await req.page("auth/login", title: req.t("login.title"), page.view(in: req), status: .tooManyRequests)
        }
        if locks.account != nil {
            return try await lockedAccount(form, page: page, keys: keys, req: req)
        }
        guard let user = try await Self.checkPassword(username: typed, password: form.password ?? "", req: req) else {
            try await LoginThrottling.recordFailure(keys, lockout: req.application.config.lockout, on: req.db)
            let known = try await Username.normalized(typed).asyncFlatMap { try await User.query(on: req.db).filter(\.$username == $0).first() }
            try await req.audit("login.failure", outcome: .failure, basis: .authentication, tenantID: known?.tenantID, user: known, userName: typed)
            page.errorKey = "login.failed"
            return try await req.page("auth/login", title: req.t("login.title"), page.view(in: req), status: .unauthorized)
        }
        try await LoginThrottling.recordSuccess(keys, on: req.db)
        let stage = Self.stageAfterPassword(for: user)
        let response = req.redirect(to: Self.destination(after: stage, next: page.next))
        try await SessionStore.start(for: user, stage: stage, req: req, response: response, on: req.db)
        try await req.audit(stage == .complete ? "login.success" : "login.password_accepted", outcome: .success, basis: .authentication, user: user)
        return response
    }

    /// A locked account (someone failed its password too often) still lets
    /// its owner in with password and second factor together, from an address
    /// that is not itself throttled: strangers cannot lock people out, and
    /// guessing stays slow, since the answer never says which of the two was
    /// wrong. Asked of every locked name alike, so it tells nothing about the
    /// account. Without a second factor the lock holds until it ends.
    private func lockedAccount(_ form: LoginForm, page: LoginPage, keys: LoginThrottling.Keys, req: Request) async throws -> Response {
        var page = page
        page.asksForCode = true
        page.errorKey = "login.locked_code"
        let code = String((form.code ?? "").prefix(64))
        guard !code.isEmpty else {
            try await req.audit("login.locked", outcome: .denied, basis: .authentication, userName: page.username)
            return try await req.page("auth/login", title: req.t("login.title"), page.view(in: req), status: .tooManyRequests)
        }
        let user = try await Self.checkPassword(username: page.username, password: form.password ?? "", req: req)
        if let user, user.hasSecondFactor, let method = try await SecondFactorController.check(code: code, user: user, req: req) {
            let response = req.redirect(to: page.next.isEmpty ? SiteRoute.home.path() : page.next)
            try await SessionStore.start(for: user, stage: .complete, req: req, response: response, on: req.db)
            try await req.audit("login.success", outcome: .success, basis: .authentication, user: user, objectType: "second_factor", objectID: method)
            return response
        }
        try await LoginThrottling.recordFailure(keys, lockout: req.application.config.lockout, on: req.db)
        try await req.audit("login.locked", outcome: .denied, basis: .authentication, tenantID: user?.tenantID, user: user, userName: page.username)
        return try await req.page("auth/login", title: req.t("login.title"), page.view(in: req), status: .tooManyRequests)
    }

    func logout(req: Request) async throws -> Response {
        let response = req.redirect(to: SiteRoute.login.path())
        if let user = req.loginUser {
            try await req.audit("logout", outcome: .success, basis: .authentication, user: user)
        }
        try await SessionStore.end(req: req, response: response)
        return response
    }

    /// The active user with this name and password, or nil. Unknown names
    /// cost the same bcrypt work, so timing does not tell them apart.
    static func checkPassword(username: String, password: String, req: Request) async throws -> User? {
        guard let name = Username.normalized(username), !password.isEmpty, password.utf8.count <= 1024 else { return nil }
        var user = try await User.query(on: req.db).filter(\.$username == name).filter(\.$isActive == true).first()
        if let tenantID = user?.tenantID, try await Tenant.find(tenantID, on: req.db)?.isActive != true { user = nil }
        let hash = user?.passwordHash ?? req.application.dummyPasswordHash
        let matches = (try? await req.password.async.verify(password, created: hash)) ?? false
        return matches && user?.passwordHash != nil ? user : nil
    }

    static func stageAfterPassword(for user: User) -> UserSession.Stage {
        if user.hasSecondFactor { return .secondFactor }
        return user.userRole.requiresSecondFactor ? .enrolment : .complete
    }

    static func destination(after stage: UserSession.Stage, next: String) -> String {
        switch stage {
        case .secondFactor: SiteRoute.secondFactor.path() + "?next=" + (next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
        case .enrolment: SiteRoute.enrol.path()
        case .complete: next.isEmpty ? SiteRoute.home.path() : next
        }
    }

    /// Only a path on this site (no open redirect, no header injection); "" otherwise.
    static func safeNext(_ next: String?) -> String {
        LocalRedirect.validated(next) ?? ""
    }
}

extension Application {
    private struct DummyHashKey: StorageKey { typealias Value = String }
    /// A bcrypt hash of nothing anyone knows, checked against when the account does not exist.
    var dummyPasswordHash: String {
        get { storage[DummyHashKey.self] ?? "" }
        set { storage[DummyHashKey.self] = newValue }
    }
}
