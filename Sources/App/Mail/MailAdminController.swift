import Domain
import Fluent
import Vapor

/// The tenant admin sees how mail goes out and which mails are failing:
/// those still being retried and those parked after a day, to send again.
/// A mail's content is never shown: it holds none worth showing.
struct MailAdminController {
    struct Row: Encodable {
        let recipient: String
        let kind: String
        let created: String
        let attempts: Int
        let error: String
        let next: String?
        let retryAction: String?
    }

    struct PageContent: Encodable {
        let transport: String
        let waiting: Int
        let sent: Int
        let failing: [Row]
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.outgoingMails, use: list)
        routes.post(SiteRoute.outgoingMailRetry, use: retry)
    }

    func list(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let unsent = try await OutgoingMail.select(in: actor.tenantID, where: "sent_at IS NULL", orderBy: "created_at DESC", limit: 200, on: req.db)
        let sent = try await OutgoingMail.scoped(to: actor.tenantID, on: req.db).filter(\.$sentAt != nil).count()
        let names = try await recipientNames(unsent, tenantID: actor.tenantID, req: req)
        let failing = unsent.filter { $0.attempts > 0 }.map { mail in
            Row(recipient: names[mail.id!] ?? "–", kind: req.t("mail_admin.kind.\(mail.mailKind.rawValue)"), created: req.shortMoment(mail.createdAt),
                attempts: mail.attempts, error: mail.lastError ?? "–", next: mail.nextAttemptAt.map { req.shortMoment($0) },
                retryAction: mail.parkedAt == nil ? nil : SiteRoute.outgoingMailRetry.path(mail.id!))
        }
        let transport = switch req.application.config.mail {
        case .smtp(let settings): req.t("mail_admin.via_smtp", "\(settings.host):\(settings.port)")
        case .folder(let path): req.t("mail_admin.via_folder", path)
        }
        let content = PageContent(transport: transport, waiting: unsent.count { $0.parkedAt == nil }, sent: sent, failing: failing)
        return try await req.page("admin/mail", title: req.t("mail_admin.title"), content)
    }

    /// Sends a parked mail again, with a new day to get through.
    func retry(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let mail = try await OutgoingMail.find(req.id(.outgoingMailID), in: actor.tenantID, on: req.db)
        guard mail.parkedAt != nil, mail.sentAt == nil else { throw AppError.notFound }
        mail.retry(now: Date())
        try await req.db.transaction { tx in
            try await mail.save(on: tx)
            try await req.audit("mail.retried", outcome: .success, basis: .administration, objectType: "mail", objectID: mail.id?.uuidString, on: tx)
        }
        return req.redirect(to: SiteRoute.outgoingMails.path())
    }

    /// A person by name, an organisation as "its intake address".
    private func recipientNames(_ mails: [OutgoingMail], tenantID: UUID, req: Request) async throws -> [UUID: String] {
        let users = Dictionary(try await User.scoped(to: tenantID, on: req.db).filter(\.$id ~~ Set(mails.compactMap(\.userID))).all()
            .map { ($0.id!, $0.displayName) }, uniquingKeysWith: { first, _ in first })
        let organizations = Dictionary(try await Organization.scoped(to: tenantID, on: req.db).all()
            .map { ($0.id!, $0.name) }, uniquingKeysWith: { first, _ in first })
        var names: [UUID: String] = [:]
        for mail in mails {
            names[mail.id!] = mail.userID.flatMap { users[$0] }
                ?? mail.organizationID.flatMap { organizations[$0] }.map { req.t("mail_admin.intake_of", $0) }
        }
        return names
    }
}
