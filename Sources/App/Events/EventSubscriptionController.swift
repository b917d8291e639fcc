import Domain
import Fluent
import Vapor

/// The tenant admin subscribes other systems to events: a name, an https
/// address (http only on this machine, for development), the events. The
/// signing secret is made here and shown once. Events that kept failing for
/// a day are listed, to be sent again.
struct EventSubscriptionController {
    struct Form: Content {
        var name: String?
        var url: String?
        var events: [String]?
    }

    struct Row: Encodable { let name: String; let url: String; let events: String; let endAction: String? }
    struct Parked: Encodable { let type: String; let subscription: String; let created: String; let attempts: Int; let error: String; let replayAction: String }
    struct Created: Encodable { let name: String; let secret: String }

    struct PageContent: Encodable {
        let rows: [Row]
        let parked: [Parked]
        let created: Created?
        let form: FormPage.Parts
        let errors: FormErrors
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.eventSubscriptions, use: list)
        routes.post(SiteRoute.eventSubscriptions, use: create)
        routes.post(SiteRoute.eventSubscriptionEnd, use: end)
        routes.post(SiteRoute.outboxEventReplay, use: replay)
    }

    func list(req: Request) async throws -> Response {
        try await Self.page(req, Form())
    }

    func create(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let form = try req.content.decode(Form.self)
        var validator = FormValidator()
        let name = validator.text("name", form.name, maxLength: 100)
        let url = form.url?.trimmingCharacters(in: .whitespaces) ?? ""
        if !Self.isDeliverable(url) { validator.add("url", "events.url_invalid") }
        let events = (form.events ?? []).compactMap(EventType.init(rawValue:))
        if events.isEmpty { validator.add("events", "validation.choose_option") }
        guard validator.isValid, let name else {
            return try await Self.page(req, form, errors: FormErrors(validator.issues, req: req), status: .unprocessableEntity)
        }
        let secret = RandomToken.urlSafe()
        let subscription = EventSubscription(tenantID: actor.tenantID, name: name, url: url, events: events,
                                             secretEncrypted: try FieldCipher(key: req.application.config.keys.field).seal(secret))
        try await req.db.transaction { tx in
            try await subscription.create(on: tx)
            try await req.audit("event_subscription.created", outcome: .success, basis: .administration, objectType: "event_subscription", objectID: subscription.id?.uuidString, on: tx)
        }
        return try await Self.page(req, Form(), created: Created(name: name, secret: secret))
    }

    func end(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let subscription = try await EventSubscription.find(req.id(.subscriptionID), in: actor.tenantID, on: req.db)
        try await req.db.transaction { tx in
            subscription.active = false
            try await subscription.save(on: tx)
            try await req.audit("event_subscription.ended", outcome: .success, basis: .administration, objectType: "event_subscription", objectID: subscription.id?.uuidString, on: tx)
        }
        return req.redirect(to: SiteRoute.eventSubscriptions.path())
    }

    /// Sends a parked event again, with a new day to get through.
    func replay(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let event = try await OutboxEvent.find(req.id(.outboxEventID), in: actor.tenantID, on: req.db)
        guard event.parkedAt != nil else { throw AppError.notFound }
        event.retry(now: Date())
        try await req.db.transaction { tx in
            try await event.save(on: tx)
            try await req.audit("outbox_event.replayed", outcome: .success, basis: .administration, objectType: "outbox_event", objectID: event.id?.uuidString, on: tx)
        }
        return req.redirect(to: SiteRoute.eventSubscriptions.path())
    }

    /// https anywhere; plain http only to this machine (a receiver in development).
    static func isDeliverable(_ url: String) -> Bool {
        guard url.count <= 500, let parts = URLComponents(string: url), let host = parts.host?.lowercased(), !host.isEmpty,
              parts.user == nil, parts.password == nil else { return false }
        switch parts.scheme?.lowercased() {
        case "https": return true
        case "http": return ["127.0.0.1", "localhost", "::1", "[::1]"].contains(host)
        default: return false
        }
    }

    static func page(_ req: Request, _ form: Form, created: Created? = nil, errors: FormErrors = .none, status: HTTPStatus = .ok) async throws -> Response {
        let actor = try req.requireActor()
        let subscriptions = try await EventSubscription.scoped(to: actor.tenantID, on: req.db).sort(\.$createdAt, .descending).all()
        let names = Dictionary(subscriptions.map { ($0.id!, $0.name) }, uniquingKeysWith: { first, _ in first })
        let parked = try await OutboxEvent.scoped(to: actor.tenantID, on: req.db).filter(\.$parkedAt != nil).sort(\.$parkedAt, .descending).limit(100).all()
        var fields = FieldBuilder(req, errors: errors)
        let chosen = Set(form.events ?? [])
        let parts: [FormPart] = [
            .field(fields.field("name", label: "api.name", value: form.name, maxLength: 100)),
            .field(fields.field("url", label: "events.url", hint: "events.url_hint", value: form.url, maxLength: 500)),
            .choices(fields.choices("events", name: "events[]", legend: "events.events", options: EventType.allCases.map {
                Option(value: $0.rawValue, label: req.t("events.type.\($0.rawValue)"), selected: chosen.contains($0.rawValue))
            })),
        ]
        let content = PageContent(
            rows: subscriptions.map { subscription in
                Row(name: subscription.name, url: subscription.url,
                    events: subscription.eventTypes.map { req.t("events.type.\($0.rawValue)") }.joined(separator: ", "),
                    endAction: subscription.active ? SiteRoute.eventSubscriptionEnd.path(subscription.id!) : nil)
            },
            parked: parked.map { event in
                Parked(type: EventType(rawValue: event.type).map { req.t("events.type.\($0.rawValue)") } ?? event.type,
                       subscription: names[event.subscriptionID] ?? "–", created: req.shortMoment(event.createdAt),
                       attempts: event.attempts, error: event.lastError ?? "–", replayAction: SiteRoute.outboxEventReplay.path(event.id!))
            },
            created: created, form: .init(parts: parts), errors: fields.namedErrors
        )
        return try await req.page("admin/event-subscriptions", title: req.t("events.title"), content, status: status)
    }
}
