import Domain
import Fluent
import Vapor

/// Where an invited user, or one whose password was reset, chooses a password.
struct AccountLinkController {
    struct PasswordForm: Content {
        var password: String?
        var password_confirmation: String?
    }

    struct Page: Encodable {
        let action: String
        let username: String
        let password: [FormField]
        let errors: FormErrors

        init(action: String, username: String, issues: [ValidationIssue] = [], in req: Request) {
            var fields = FieldBuilder(req, errors: FormErrors(issues, req: req))
            self.action = action
            self.username = username
            password = AccountController.newPasswordFields(&fields)
            errors = fields.namedErrors
        }
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.accountLink, use: show)
        routes.post(SiteRoute.accountLink, use: submit)
    }

    func show(req: Request) async throws -> Response {
        let (link, user) = try await Self.resolve(req)
        _ = link
        return try await req.page("account/set-password", title: req.t("set_password.title"), Page(action: req.url.path, username: user.username, in: req))
    }

    func submit(req: Request) async throws -> Response {
        let (link, user) = try await Self.resolve(req)
        let form = try req.content.decode(PasswordForm.self)
        let password = form.password ?? ""
        let issues = PasswordPolicy.check(password, confirmation: form.password_confirmation ?? "")
        guard issues.isEmpty else {
            let page = Page(action: req.url.path, username: user.username, issues: issues, in: req)
            return try await req.page("account/set-password", title: req.t("set_password.title"), page, status: .unprocessableEntity)
        }
        let hash = try await req.password.async.hash(password)
        try await req.db.transaction { tx in
            // Spent first: of several requests with this link, one goes on.
            guard try await tx.sql.spendOnce(AccountLink.schema, id: link.requireID(), in: link.tenantID) else { throw AppError.notFound }
            user.passwordHash = hash
            try await user.save(on: tx)
            try await SessionStore.endAll(userID: user.requireID(), on: tx)
            try await req.audit("account.password_set", outcome: .success, basis: .authentication, user: user, objectType: "account_link", objectID: link.purpose, on: tx)
        }
        return req.redirect(to: SiteRoute.login.path() + "?password_set=1")
    }

    static func resolve(_ req: Request) async throws -> (AccountLink, User) {
        let token = req.text(.token) ?? ""
        guard let link = try await AccountLinks.find(token: token, req: req),
              let user = try await User.find(link.userID, on: req.db), user.isActive
        else { throw AppError.notFound }
        return (link, user)
    }
}
