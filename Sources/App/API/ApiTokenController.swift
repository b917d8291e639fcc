import Domain
import Fluent
import Vapor

/// A person's personal access tokens: create (shown once), list, revoke.
struct ApiTokenController {
    struct Form: Content {
        var name: String?
        var scope: String?
        var days: String?
    }

    struct Row: Encodable { let name: String; let scopes: String; let expires: String; let lastUsed: String; let state: String; let revokeAction: String? }

    struct PageContent: Encodable {
        let rows: [Row]
        let created: String?
        /// The new token's name, scope and lifetime.
        let form: FormPage.Parts
        let errors: FormErrors
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.apiTokens, use: list)
        routes.post(SiteRoute.apiTokens, use: create)
        routes.post(SiteRoute.apiTokenRevoke, use: revoke)
    }

    /// Residents use the portal; the API is for professionals and systems.
    private static func offered(to req: Request) throws {
        guard try req.requireActor().role != .resident else { throw AppError.notFound }
    }

    func list(req: Request) async throws -> Response {
        try Self.offered(to: req)
        return try await Self.page(req, Form())
    }

    func create(req: Request) async throws -> Response {
        try Self.offered(to: req)
        let actor = try req.requireActor()
        let form = try req.content.decode(Form.self)
        var validator = FormValidator()
        let name = validator.text("name", form.name, maxLength: 100)
        let scopes = form.scope.flatMap(ApiScope.parse)
        if scopes == nil { validator.add("scope", "validation.choose_option") }
        let days = form.days.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        if days.map(TokenLifetime.personalDays.contains) != true { validator.add("days", "api.days_invalid") }
        guard validator.isValid, let name, let scopes, let days else {
            return try await Self.page(req, form, errors: FormErrors(validator.issues, req: req), status: .unprocessableEntity)
        }
        let expires = Date().addingTimeInterval(Double(days) * 86_400)
        let plain = try await req.db.transaction { tx in
            let (token, plain) = try await ApiTokens.issue(name: name, userID: actor.userID, tenantID: actor.tenantID, scopes: scopes, expiresAt: expires, req: req, on: tx)
            try await req.audit("api_token.created", outcome: .success, basis: .authentication, objectType: "api_token", objectID: token.id?.uuidString, on: tx)
            return plain
        }
        return try await Self.page(req, Form(), created: plain)
    }

    func revoke(req: Request) async throws -> Response {
        try Self.offered(to: req)
        let actor = try req.requireActor()
        let token = try await ApiToken.find(req.id(.tokenID), in: actor.tenantID, on: req.db)
        guard token.userID == actor.userID, token.clientID == nil else { throw AppError.notFound }
        if token.revokedAt == nil {
            try await req.db.transaction { tx in
                token.revokedAt = Date()
                try await token.save(on: tx)
                try await req.audit("api_token.revoked", outcome: .success, basis: .authentication, objectType: "api_token", objectID: token.id?.uuidString, on: tx)
            }
        }
        return req.redirect(to: SiteRoute.apiTokens.path())
    }

    static func page(_ req: Request, _ form: Form, created: String? = nil, errors: FormErrors = .none, status: HTTPStatus = .ok) async throws -> Response {
        let actor = try req.requireActor()
        let now = Date()
        let tokens = try await ApiToken.scoped(to: actor.tenantID, on: req.db).filter(\.$userID == actor.userID).filter(\.$clientID == nil)
            .sort(\.$createdAt, .descending).all()
        let rows = tokens.map { token in
            let state = token.revokedAt != nil ? "api.revoked" : (token.isValid(at: now) ? "api.active" : "api.expired")
            return Row(name: token.name, scopes: token.scopes, expires: req.shortMoment(token.expiresAt),
                       lastUsed: token.lastUsedAt.map { req.shortMoment($0) } ?? "–", state: req.t(state),
                       revokeAction: token.isValid(at: now) ? SiteRoute.apiTokenRevoke.path(token.id!) : nil)
        }
        var fields = FieldBuilder(req, errors: errors)
        let days = TokenLifetime.personalDays
        let parts: [FormPart] = [
            .field(fields.field("name", label: "api.name", value: form.name, maxLength: 100)),
            .choices(fields.choices("scope", name: "scope", legend: "api.scopes", options: req.apiScopeOptions(selected: form.scope), radio: true)),
            .field(fields.field("days", .number, label: "api.days", hint: "api.days_hint", value: form.days ?? "30", min: days.lowerBound, max: days.upperBound)),
        ]
        let content = PageContent(rows: rows, created: created, form: .init(parts: parts), errors: fields.namedErrors)
        return try await req.page("account/api-tokens", title: req.t("api.tokens_title"), content, status: status)
    }
}
