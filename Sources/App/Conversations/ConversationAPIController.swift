import Domain
import Fluent
import Vapor

/// `/api/v1`: a household's conversations and their messages as JSON, under
/// the same access rule as the pages (bearer tokens included): a conversation
/// is listed and read by whoever may read its life domain.
struct ConversationAPIController {
    struct ConversationDTO: Content {
        let id: UUID
        let householdId: UUID
        let domain: String
        let subject: String
        let withResident: Bool
        let startedAt: String
        let lastMessageAt: String
        /// Whether the caller has a message in it they have not read.
        let unread: Bool
    }

    struct MessageDTO: Content {
        let id: UUID
        let conversationId: UUID
        let authorId: UUID
        /// Nil when the resident or their representative wrote it.
        let organizationId: UUID?
        let text: String
        let createdAt: String
        let editedAt: String?
        let version: Int
    }

    struct NewConversationDTO: Content {
        var domain: String?
        var subject: String?
        var withResident: Bool?
        var text: String?
    }

    struct NewMessageDTO: Content { var text: String? }

    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.apiHouseholdConversations, use: list)
        routes.post(SiteRoute.apiHouseholdConversations, use: start)
        routes.get(SiteRoute.apiConversationMessages, use: messages)
        routes.post(SiteRoute.apiConversationMessages, use: reply)
    }

    func list(req: Request) async throws -> [ConversationDTO] {
        let opened = try await req.residentAccess().open(req.id(.householdID), .identity, event: "conversation.list")
        let conversations = try await opened.conversations(on: req.db)
        return try await dtos(conversations, req: req)
    }

    func start(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let body = try req.content.decode(NewConversationDTO.self)
        let form = ConversationForm(domain: body.domain, subject: body.subject, with_resident: body.withResident == true ? "on" : nil, text: body.text)
        let domain = body.domain.flatMap(LifeDomain.init(rawValue:))
        let opened = try await req.residentAccess().open(req.id(.householdID), domain.map { actor.role == .resident ? .participate : .write($0) } ?? .read(.identity),
                                                         event: "conversation.create")
        let domains = actor.role == .resident ? try await opened.teamDomains(on: req.db) : ConversationController.domains(opened)
        let (opening, issues) = Conversations.opening(form, domains: domains, withResident: actor.role == .resident || body.withResident == true)
        guard let opening else { return APIProblem.invalid(issues.map { .init(field: Self.apiName($0.field), messageKey: $0.messageKey) }, req: req) }
        let conversation = try await Conversations.start(opening, in: opened, context: req.context())
        let response = try await dtos([conversation], req: req)[0].encodeResponse(status: .created, for: req)
        response.headers.replaceOrAdd(name: .location, value: SiteRoute.apiConversationMessages.path(try conversation.requireID()))
        return response
    }

    func messages(req: Request) async throws -> [MessageDTO] {
        let (opened, conversation) = try await req.residentAccess().openRow(Conversation.self, req.id(.conversationID), writing: false, event: "conversation.read")
        try await Conversations.markRead(conversation, by: req.requireActor().userID, on: req.db)
        let cipher = FieldCipher(key: req.application.config.keys.field)
        return try await opened.messages(of: conversation, on: req.db).map { try Self.dto($0, cipher: cipher) }
    }

    func reply(req: Request) async throws -> Response {
        let (opened, conversation) = try await req.residentAccess().openRow(Conversation.self, req.id(.conversationID), writing: true, event: "message.create")
        let body = try req.content.decode(NewMessageDTO.self)
        let (text, issues) = Conversations.messageText(body.text, field: "text")
        guard let text else { return APIProblem.invalid(issues, req: req) }
        let message = try await Conversations.reply(text, in: conversation, opened: opened, context: req.context())
        return try await Self.dto(message, cipher: FieldCipher(key: req.application.config.keys.field)).encodeResponse(status: .created, for: req)
    }

    private func dtos(_ conversations: [Conversation], req: Request) async throws -> [ConversationDTO] {
        let actor = try req.requireActor()
        let unread = try await Conversations.unread(among: conversations, userID: actor.userID, tenantID: actor.tenantID, on: req.db)
        let cipher = FieldCipher(key: req.application.config.keys.field)
        return try conversations.map { conversation in
            let id = try conversation.requireID()
            return ConversationDTO(id: id, householdId: conversation.householdID, domain: conversation.domain, subject: try cipher.open(conversation.subjectEncrypted),
                                   withResident: conversation.withResident, startedAt: Self.stamp(conversation.createdAt), lastMessageAt: Self.stamp(conversation.lastMessageAt),
                                   unread: unread.contains(id))
        }
    }

    static func dto(_ message: Message, cipher: FieldCipher) throws -> MessageDTO {
        MessageDTO(id: try message.requireID(), conversationId: message.conversationID, authorId: message.authorID, organizationId: message.organizationID,
                   text: try cipher.open(message.textEncrypted), createdAt: stamp(message.createdAt), editedAt: message.editedAt.map(stamp), version: message.version)
    }

    static func stamp(_ date: Date) -> String { ISO8601DateFormatter().string(from: date) }

    /// The form's field names as the API calls them.
    static func apiName(_ field: String) -> String {
        ["conversation_domain": "domain", "conversation_subject": "subject", "conversation_text": "text"][field] ?? field
    }
}
