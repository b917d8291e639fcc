import Domain
import Fluent
import Vapor

/// The tenant admin registers systems (OAuth2 clients), each acting as one
/// service account; the secret is shown once. Revoking a client also ends
/// the tokens it was issued.
struct ApiClientController {
    struct Row: Encodable { let name: String; let clientKey: String; let account: String; let scopes: String; let revokeAction: String? }
    struct Created: Encodable { let clientKey: String; let secret: String }

    struct PageContent: Encodable {
        let rows: [Row]
        let created: Created?
        /// The new client's name, service account and scope.
        let form: FormPage.Parts
        let tokenURL: String
        let errors: FormErrors
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.apiClients, use: list)
        routes.post(SiteRoute.apiClients, use: create)
        routes.post(SiteRoute.apiClientRevoke, use: revoke)
    }

    func list(req: Request) async throws -> Response {
        try await Self.page(req, ApiClientForm())
    }

    func create(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let form = try req.content.decode(ApiClientForm.self)
        var validator = FormValidator()
        let name = validator.text("name", form.name, maxLength: 100)
        let account = try await User.chosen(form.user_id, in: actor.tenantID, on: req.db)
        if account == nil || account?.isActive != true || account?.userRole != .professional { validator.add("user_id", "validation.choose_option") }
        let scopes = form.scope.flatMap(ApiScope.parse)
        if scopes == nil { validator.add("scope", "validation.choose_option") }
        guard validator.isValid, let name, let account, let scopes else {
            return try await Self.page(req, form, errors: FormErrors(validator.issues, req: req), status: .unprocessableEntity)
        }
        let (client, secret) = try await req.db.transaction { tx in
            let registered = try await ApiClients.register(name: name, userID: try account.requireID(), tenantID: actor.tenantID, scopes: scopes, req: req, on: tx)
            try await req.audit("api_client.created", outcome: .success, basis: .authentication, objectType: "api_client", objectID: registered.0.id?.uuidString, on: tx)
            return registered
        }
        return try await Self.page(req, ApiClientForm(), created: Created(clientKey: client.clientKey, secret: secret))
    }

    func revoke(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let client = try await ApiClient.find(req.id(.clientID), in: actor.tenantID, on: req.db)
        try await req.db.transaction { tx in
            let now = Date()
            client.revokedAt = client.revokedAt ?? now
            try await client.save(on: tx)
            try await ApiToken.query(on: tx).filter(\.$clientID == client.requireID()).filter(\.$revokedAt == nil).set(\.$revokedAt, to: now).update()
            try await req.audit("api_client.revoked", outcome: .success, basis: .authentication, objectType: "api_client", objectID: client.id?.uuidString, on: tx)
        }
        return req.redirect(to: SiteRoute.apiClients.path())
    }

    static func page(_ req: Request, _ form: ApiClientForm, created: Created? = nil, errors: FormErrors = .none, status: HTTPStatus = .ok) async throws -> Response {
        let actor = try req.requireActor()
        let professionals = try await User.scoped(to: actor.tenantID, on: req.db).filter(\.$role == Role.professional.rawValue)
            .filter(\.$isActive == true).sort(\.$displayName).all()
        let names = Dictionary(professionals.map { ($0.id!, $0.displayName) }, uniquingKeysWith: { a, _ in a })
        let clients = try await ApiClient.scoped(to: actor.tenantID, on: req.db).sort(\.$createdAt, .descending).all()
        var fields = FieldBuilder(req, errors: errors)
        let parts: [FormPart] = [
            .field(fields.field("name", label: "api.name", value: form.name, maxLength: 100)),
            .field(fields.field("user_id", .select, label: "api.account", hint: "api.account_hint", options: professionals.map {
                Option(value: $0.id!.uuidString, label: "\($0.displayName) (\($0.username))", selected: $0.id?.uuidString == form.user_id)
            }, choose: true)),
            .choices(fields.choices("scope", name: "scope", legend: "api.scopes", options: req.apiScopeOptions(selected: form.scope), radio: true)),
        ]
        let content = PageContent(
            rows: clients.map { Row(name: $0.name, clientKey: $0.clientKey, account: names[$0.userID] ?? "–", scopes: $0.scopes,
                                    revokeAction: $0.revokedAt == nil ? SiteRoute.apiClientRevoke.path($0.id!) : nil) },
            created: created, form: .init(parts: parts), tokenURL: req.absoluteURL(SiteRoute.oauthToken.path()), errors: fields.namedErrors
        )
        return try await req.page("admin/api-clients", title: req.t("api.clients_title"), content, status: status)
    }
}
