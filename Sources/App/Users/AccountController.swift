import Domain
import Fluent
import Vapor

/// The signed-in person's own account: password and language.
struct AccountController {
    struct PasswordForm: Content {
        var current_password: String?
        var password: String?
        var password_confirmation: String?
    }

    struct Page: Encodable {
        var errors: [String] = []
        var saved = false
        let locale: String
        let hasSecondFactor: Bool
        let enrolHref: String
        /// Residents use the portal, not the API: no tokens for them.
        let offersApiTokens: Bool
    }

    struct LanguageForm: Content { var locale: String? }

    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.accountPassword, use: show)
        routes.post(SiteRoute.accountPassword, use: changePassword)
        routes.post(SiteRoute.accountLanguage, use: changeLanguage)
    }

    func show(req: Request) async throws -> Response {
        try await render(req, Self.page(req))
    }

    func changePassword(req: Request) async throws -> Response {
        let form = try req.content.decode(PasswordForm.self)
        let actor = try req.requireActor()
        var page = Self.page(req)
        guard let user = try await LoginController.checkPassword(username: actor.username, password: form.current_password ?? "", req: req) else {
            page.errors = [req.t("account.current_password_wrong")]
            return try await render(req, page, status: .unprocessableEntity)
        }
        let issues = PasswordPolicy.check(form.password ?? "", confirmation: form.password_confirmation ?? "")
        guard issues.isEmpty else {
            page.errors = issues.map { req.t($0.messageKey) }
            return try await render(req, page, status: .unprocessableEntity)
        }
        let hash = try await req.password.async.hash(form.password ?? "")
        try await req.db.transaction { tx in
            user.passwordHash = hash
            try await user.save(on: tx)
            // Other sessions end; this one stays.
            if let current = req.loginSession?.id {
                try await UserSession.query(on: tx).filter(\.$userID == actor.userID).filter(\.$id != current).delete()
            }
            try await req.audit("account.password_changed", outcome: .success, basis: .authentication, on: tx)
        }
        page.saved = true
        return try await render(req, page)
    }

    func changeLanguage(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let form = try req.content.decode(LanguageForm.self)
        if let locale = form.locale.flatMap(AppLocale.init(rawValue:)), let user = try await User.find(actor.userID, on: req.db) {
            user.locale = locale.rawValue
            try await user.save(on: req.db)
        }
        return req.redirect(to: SiteRoute.accountPassword.path(), notice: .languageSaved)
    }

    static func page(_ req: Request) -> Page {
        Page(
            locale: req.locale.rawValue, hasSecondFactor: req.loginUser?.hasSecondFactor ?? false,
            enrolHref: SiteRoute.enrol.path(), offersApiTokens: req.actor?.role != .resident
        )
    }

    private func render(_ req: Request, _ page: Page, status: HTTPStatus = .ok) async throws -> Response {
        try await req.page("account/account", title: req.t("account.title"), page, status: status)
    }
}
