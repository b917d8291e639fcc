import Domain
import Fluent
import Vapor

/// The signed-in person's own account: password, language and, for those
/// who get notifications, how they want to hear of them by e-mail.
struct AccountController {
    struct PasswordForm: Content {
        var current_password: String?
        var password: String?
        var password_confirmation: String?
    }

    struct Page: Encodable {
        let errors: FormErrors
        let saved: Bool
        /// The password form's fields, and the language form's choice.
        let password: [FormField]
        let language: ChoiceGroup
        let hasSecondFactor: Bool
        let enrolHref: String
        /// Residents use the portal, not the API: no tokens for them.
        let offersApiTokens: Bool
        /// Professionals say how they are reached at work.
        let contactHref: String?
        /// Professionals choose how notifications reach them by e-mail.
        let mail: MailChoice?
    }

    struct MailChoice: Encodable {
        let choices: ChoiceGroup
        /// Where mail goes, or nil: then the page says to set a work e-mail first.
        let address: String?
    }

    struct LanguageForm: Content { var locale: String? }
    struct MailForm: Content { var mail_preference: String? }

    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.accountPassword, use: show)
        routes.post(SiteRoute.accountPassword, use: changePassword)
        routes.post(SiteRoute.accountLanguage, use: changeLanguage)
        routes.post(SiteRoute.accountMail, use: changeMail)
    }

    func show(req: Request) async throws -> Response {
        try await render(req, Self.page(req))
    }

    func changePassword(req: Request) async throws -> Response {
        let form = try req.content.decode(PasswordForm.self)
        let actor = try req.requireActor()
        guard let user = try await LoginController.checkPassword(username: actor.username, password: form.current_password ?? "", req: req) else {
            let wrong = ValidationIssue(field: "current_password", messageKey: "account.current_password_wrong")
            return try await render(req, Self.page(req, issues: [wrong]), status: .unprocessableEntity)
        }
        let issues = PasswordPolicy.check(form.password ?? "", confirmation: form.password_confirmation ?? "")
        guard issues.isEmpty else {
            return try await render(req, Self.page(req, issues: issues), status: .unprocessableEntity)
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
        return try await render(req, Self.page(req, saved: true))
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

    func changeMail(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let form = try req.content.decode(MailForm.self)
        guard actor.role == .professional, let preference = form.mail_preference.flatMap(MailPreference.init(rawValue:)) else {
            return req.redirect(to: SiteRoute.accountPassword.path())
        }
        try await User.scoped(to: actor.tenantID, on: req.db).filter(\.$id == actor.userID)
            .set(\.$mailPreference, to: preference.rawValue).update()
        return req.redirect(to: SiteRoute.accountPassword.path(), notice: .mailSaved)
    }

    /// Passwords are never typed back into the form; a refusal sits beside its field.
    static func page(_ req: Request, issues: [ValidationIssue] = [], saved: Bool = false) -> Page {
        var fields = FieldBuilder(req, errors: FormErrors(issues, req: req))
        let password = [
            fields.field("current_password", .password, label: "account.current_password", maxLength: 1024, autocomplete: "current-password", required: true),
        ] + Self.newPasswordFields(&fields)
        var languageFields = FieldBuilder(req)
        let language = languageFields.choices("locale", name: "locale", legend: "account.language_legend", options: [
            Option(value: "nl", label: "Nederlands", selected: req.locale == .nl, lang: "nl"),
            Option(value: "en", label: "English", selected: req.locale == .en, lang: "en"),
        ], radio: true)
        var mail: MailChoice?
        if req.actor?.role == .professional, let user = req.loginUser {
            var mailFields = FieldBuilder(req)
            let choices = mailFields.choices("mail_preference", name: "mail_preference", legend: "account.mail_legend", hint: "account.mail_hint",
                                             options: MailPreference.allCases.map {
                Option(value: $0.rawValue, label: req.t("account.mail.\($0.rawValue)"), selected: user.preferredMail == $0)
            }, radio: true)
            mail = MailChoice(choices: choices, address: user.hasMailAddress ? user.workEmail : nil)
        }
        return Page(
            errors: fields.namedErrors, saved: saved, password: password, language: language,
            hasSecondFactor: req.loginUser?.hasSecondFactor ?? false, enrolHref: SiteRoute.enrol.path(), offersApiTokens: req.actor?.role != .resident,
            contactHref: req.actor?.role == .professional ? SiteRoute.accountContact.path() : nil, mail: mail
        )
    }

    /// A new password twice, as the account page and the invitation link ask for it.
    static func newPasswordFields(_ fields: inout FieldBuilder) -> [FormField] {
        [
            fields.field("password", .password, label: "account.new_password", hint: "account.password_hint", maxLength: 72,
                         autocomplete: "new-password", required: true, minLength: 12),
            fields.field("password_confirmation", .password, label: "account.confirm_password", maxLength: 72, autocomplete: "new-password", required: true),
        ]
    }

    private func render(_ req: Request, _ page: Page, status: HTTPStatus = .ok) async throws -> Response {
        try await req.page("account/account", title: req.t("account.title"), page, status: status)
    }
}
