import Domain
import Fluent
import Vapor

/// "Berichten" in the portal: the conversations the resident was included
/// in, answering them, and asking the team something new.
struct PortalConversationController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.portalConversations, use: list)
        routes.post(SiteRoute.portalConversations, use: start)
        routes.get(SiteRoute.portalConversation, use: show)
        routes.post(SiteRoute.portalConversationReplies, use: reply)
    }

    struct ListPage: Encodable {
        let conversations: [ConversationRow]
        let form: FormPage.Parts?
        let action: String
        let errors: FormErrors
    }

    func list(req: Request) async throws -> Response {
        let (opened, _) = try await PortalController.own(req, event: "portal.messages")
        return try await render(req, opened)
    }

    func start(req: Request) async throws -> Response {
        let (opened, _) = try await PortalController.own(req, event: "portal.message_create", acting: true)
        let form = try req.content.decode(ConversationForm.self)
        let (opening, issues) = Conversations.opening(form, domains: try await opened.teamDomains(on: req.db), withResident: true)
        guard let opening else { return try await render(req, opened, typed: form, errors: FormErrors(issues, req: req), status: .unprocessableEntity) }
        let conversation = try await Conversations.start(opening, in: opened, context: req.context())
        return req.redirect(to: SiteRoute.portalConversation.path(try conversation.requireID()), notice: .messageSent)
    }

    func show(req: Request) async throws -> Response {
        let (opened, conversation) = try await open(req, writing: false, event: "portal.message_read")
        try await Conversations.markRead(conversation, by: req.requireActor().userID, on: req.db)
        return try await render(req, opened, conversation)
    }

    func reply(req: Request) async throws -> Response {
        let (opened, conversation) = try await open(req, writing: true, event: "portal.message_reply")
        let form = try req.content.decode(ReplyForm.self)
        let (text, issues) = Conversations.messageText(form.text, field: "reply_text")
        guard let text else { return try await render(req, opened, conversation, typed: form.text, errors: FormErrors(issues, req: req), status: .unprocessableEntity) }
        let message = try await Conversations.reply(text, in: conversation, opened: opened, context: req.context())
        return req.redirect(to: SiteRoute.portalConversation.path(try conversation.requireID()) + "#message-\(try message.requireID())", notice: .messageSent)
    }

    /// The conversation of the path, in the resident's own household.
    private func open(_ req: Request, writing: Bool, event: String) async throws -> (ResidentAccess.Opened, Conversation) {
        guard try req.requireActor().role == .resident else { throw AppError.notFound }
        return try await req.residentAccess().openRow(Conversation.self, req.id(.conversationID), writing: writing, event: event)
    }

    private func render(_ req: Request, _ opened: ResidentAccess.Opened, typed: ConversationForm = .init(), errors: FormErrors = .none,
                        status: HTTPStatus = .ok) async throws -> Response {
        let context = try req.context()
        let conversations = try await opened.conversations(on: req.db)
        let unread = try await Conversations.unread(among: conversations, userID: context.actor.userID, tenantID: opened.tenantID, on: req.db)
        let rows = try ConversationRow.rows(conversations, unread: unread, href: { SiteRoute.portalConversation.path(try $0.requireID()) }, in: context)
        let domains = try await opened.teamDomains(on: req.db)
        var fields = FieldBuilder(context, errors: errors)
        let parts: [FormPart] = [
            .field(fields.field("conversation_domain", name: "domain", .select, label: "portal.message_about",
                                options: context.domainOptions(domains, chosen: Set([typed.domain].compactMap { $0 })), choose: true)),
            .field(fields.field("conversation_subject", name: "subject", label: "conversation.subject", value: typed.subject, maxLength: ConversationLimits.subject)),
            .field(fields.field("conversation_text", name: "text", .textarea, label: "portal.message_text", value: typed.text,
                                maxLength: ConversationLimits.message, rows: 6)),
        ]
        let page = ListPage(conversations: rows, form: domains.isEmpty ? nil : .init(parts: parts), action: SiteRoute.portalConversations.path(),
                            errors: fields.namedErrors)
        return try await req.page("portal/messages", title: req.t("portal.messages"), page, status: status)
    }

    private func render(_ req: Request, _ opened: ResidentAccess.Opened, _ conversation: Conversation, typed: String? = nil,
                        errors: FormErrors = .none, status: HTTPStatus = .ok) async throws -> Response {
        let id = try conversation.requireID()
        let links = ConversationPage.Links(reply: SiteRoute.portalConversationReplies.path(id), edit: { _ in nil },
                                           document: { SiteRoute.portalDocument.path($0) }, attach: nil,
                                           back: SiteRoute.portalConversations.path(), backLabel: req.t("portal.messages_back"))
        let page = try await ConversationPage.build(opened, conversation, links: links, typed: typed, errors: errors, in: req.context())
        return try await req.page("conversations/show", title: page.subject, page, status: status)
    }
}
