import Domain
import Fluent
import Vapor

/// The team's conversations around a household: starting one, reading and
/// answering it, editing one's own message, and the inbox. Every read and
/// write opens the conversation through the access rule for its domain.
struct ConversationController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.conversationNew, use: new)
        routes.post(SiteRoute.conversations, use: start)
        routes.get(SiteRoute.conversation, use: show)
        routes.post(SiteRoute.conversationReplies, use: reply)
        routes.get(SiteRoute.messageEdit, use: editForm)
        routes.post(SiteRoute.messageEdit, use: edit)
        routes.get(SiteRoute.inbox, use: inbox)
    }

    /// The domains a professional may start a conversation in: where they may write (never under an emergency opening).
    static func domains(_ opened: ResidentAccess.Opened) -> [LifeDomain] {
        LifeDomain.allCases.filter { opened.allows(.write($0)) }
    }

    func new(req: Request) async throws -> Response {
        let opened = try await req.residentAccess().open(req.id(.householdID), .identity, event: "conversation.form")
        guard !Self.domains(opened).isEmpty else { throw AppError.forbidden }
        return try await req.formPage(ConversationNewPage.build(opened, in: req.context()))
    }

    func start(req: Request) async throws -> Response {
        let context = try req.context()
        let form = try req.content.decode(ConversationForm.self)
        let householdID = req.id(.householdID)
        // The domain decides the access asked for; without one, the form comes back.
        guard let domain = form.domain.flatMap(LifeDomain.init(rawValue:)) else {
            let opened = try await req.residentAccess().open(householdID, .identity, event: "conversation.create")
            let (_, issues) = Conversations.opening(form, domains: [], withResident: false)
            return try await req.formPage(ConversationNewPage.build(opened, typed: form, errors: FormErrors(issues, req: req), in: context))
        }
        let opened = try await req.residentAccess().open(householdID, .write(domain), event: "conversation.create")
        let (opening, issues) = Conversations.opening(form, domains: Self.domains(opened), withResident: form.with_resident == "on")
        guard let opening else {
            return try await req.formPage(ConversationNewPage.build(opened, typed: form, errors: FormErrors(issues, req: req), in: context))
        }
        let conversation = try await Conversations.start(opening, in: opened, context: context)
        return req.redirect(to: SiteRoute.conversation.path(opened.householdID, try conversation.requireID()), notice: .messageSent)
    }

    func show(req: Request) async throws -> Response {
        let (opened, conversation) = try await open(req, writing: false, event: "conversation.read")
        try await Conversations.markRead(conversation, by: req.requireActor().userID, on: req.db)
        return try await render(req, opened, conversation)
    }

    func reply(req: Request) async throws -> Response {
        let (opened, conversation) = try await open(req, writing: true, event: "message.create")
        let form = try req.content.decode(ReplyForm.self)
        let (text, issues) = Conversations.messageText(form.text, field: "reply_text")
        guard let text else { return try await render(req, opened, conversation, typed: form.text, errors: FormErrors(issues, req: req), status: .unprocessableEntity) }
        let message = try await Conversations.reply(text, in: conversation, opened: opened, context: req.context())
        return req.redirect(to: SiteRoute.conversation.path(opened.householdID, try conversation.requireID()) + "#message-\(try message.requireID())", notice: .messageSent)
    }

    func editForm(req: Request) async throws -> Response {
        let (opened, conversation, message) = try await ownMessage(req)
        let text = FieldCipher(key: req.application.config.keys.field).openOrNil(message.textEncrypted) ?? ""
        return try await req.formPage(MessageEditPage.build(opened, conversation, message, typed: .init(text: text, version: message.version), in: req.context()))
    }

    func edit(req: Request) async throws -> Response {
        let (opened, conversation, message) = try await ownMessage(req)
        let form = try req.content.decode(MessageEditForm.self)
        let (text, issues) = Conversations.messageText(form.text, field: "message_text")
        guard let text else {
            return try await req.formPage(MessageEditPage.build(opened, conversation, message, typed: form, errors: FormErrors(issues, req: req), in: req.context()))
        }
        guard try await Conversations.edit(message, of: conversation, to: text, expectedVersion: form.version ?? -1, in: opened, context: req.context()) else {
            let current = try await opened.message(message.id, of: conversation, on: req.db) ?? message
            let conflict = FormErrors([.init(field: "message_text", messageKey: "conversation.edit_conflict")], req: req)
            return try await req.formPage(MessageEditPage.build(opened, conversation, current, typed: .init(text: form.text, version: current.version),
                                                                errors: conflict, in: req.context()), status: .conflict)
        }
        return req.redirect(to: SiteRoute.conversation.path(opened.householdID, try conversation.requireID()) + "#message-\(try message.requireID())", notice: .messageSaved)
    }

    func inbox(req: Request) async throws -> Response {
        let context = try req.context()
        guard context.actor.role == .professional else { throw AppError.notFound }
        let page = try await InboxPage.build(in: context)
        try await context.audit("conversation.list", outcome: .allowed, basis: .involvement, objectType: "inbox", objectID: String(page.items.count))
        return try await req.page("conversations/inbox", title: req.t("inbox.title"), page)
    }

    /// The conversation of the path, in the path's household.
    private func open(_ req: Request, writing: Bool, event: String) async throws -> (ResidentAccess.Opened, Conversation) {
        let (opened, conversation) = try await req.residentAccess().openRow(Conversation.self, req.id(.conversationID), writing: writing, event: event)
        guard conversation.householdID == req.id(.householdID), try req.requireActor().role != .resident else { throw AppError.notFound }
        return (opened, conversation)
    }

    /// The actor's own message, to edit it: only its author may, and only while they may still write in its domain.
    private func ownMessage(_ req: Request) async throws -> (ResidentAccess.Opened, Conversation, Message) {
        let (opened, conversation) = try await open(req, writing: true, event: "message.edit")
        guard let message = try await opened.message(req.id(.messageID), of: conversation, on: req.db) else { throw AppError.notFound }
        guard try message.authorID == req.requireActor().userID else { throw AppError.forbidden }
        return (opened, conversation, message)
    }

    func render(_ req: Request, _ opened: ResidentAccess.Opened, _ conversation: Conversation, typed: String? = nil,
                errors: FormErrors = .none, status: HTTPStatus = .ok) async throws -> Response {
        let householdID = opened.householdID
        let id = try conversation.requireID()
        let writes = conversation.lifeDomain.map { opened.allows(.write($0)) } ?? false
        let links = ConversationPage.Links(
            reply: writes ? SiteRoute.conversationReplies.path(householdID, id) : nil,
            edit: { SiteRoute.messageEdit.path(householdID, id, $0) },
            document: { SiteRoute.document.path(householdID, $0) },
            attach: writes ? SiteRoute.documentNew.path(householdID) + "?conversation=" + id.uuidString : nil,
            back: SiteRoute.household.path(householdID) + "#conversations-title", backLabel: req.t("conversation.back_household", opened.household.name))
        let page = try await ConversationPage.build(opened, conversation, links: links, typed: typed, errors: errors, in: req.context())
        return try await req.page("conversations/show", title: page.subject, page, status: status)
    }
}
