import Domain
import Fluent
import Vapor

/// The team's documents around a household: adding one (to a domain, and
/// optionally a goal or a conversation), downloading it, deleting it. Every
/// step opens the document through the access rule for its domain, and each
/// download is logged.
struct DocumentController {
    /// Uploads up to the largest document, with room for the form around it.
    static let maxBody: ByteCount = "11mb"

    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.documentNew, use: new)
        routes.post(SiteRoute.documents, maxBody: Self.maxBody, use: add)
        routes.get(SiteRoute.document, use: download)
        routes.post(SiteRoute.documentDelete, use: delete)
    }

    /// The domains a professional may add a document to (never under an emergency opening).
    static func domains(_ opened: ResidentAccess.Opened) -> [LifeDomain] {
        LifeDomain.allCases.filter { opened.allows(.write($0)) }
    }

    func new(req: Request) async throws -> Response {
        let opened = try await req.residentAccess().open(req.id(.householdID), .identity, event: "document.form")
        guard !Self.domains(opened).isEmpty else { throw AppError.forbidden }
        var typed = DocumentForm()
        typed.conversation_id = try? req.query.get(String.self, at: "conversation")
        if let conversation = try await opened.conversation(typed.conversation_id.flatMap(UUID.init(uuidString:)), on: req.db) {
            typed.domain = conversation.domain
            typed.shared_with_resident = conversation.withResident ? "on" : nil
        }
        return try await req.formPage(DocumentNewPage.build(opened, typed: typed, in: req.context()))
    }

    func add(req: Request) async throws -> Response {
        let context = try req.context()
        let form = try req.content.decode(DocumentForm.self)
        let householdID = req.id(.householdID)
        guard let domain = form.domain.flatMap(LifeDomain.init(rawValue:)) else {
            let opened = try await req.residentAccess().open(householdID, .identity, event: "document.create")
            let (_, _, issues) = Documents.check(form, domains: [])
            return try await req.formPage(DocumentNewPage.build(opened, typed: form, errors: FormErrors(issues, req: req), in: context))
        }
        let opened = try await req.residentAccess().open(householdID, .write(domain), event: "document.create")
        var (upload, type, issues) = Documents.check(form, domains: Self.domains(opened))
        issues += try await Self.attachments(upload, in: opened, on: req.db)
        guard let upload, let type, issues.isEmpty else {
            return try await req.formPage(DocumentNewPage.build(opened, typed: form, errors: FormErrors(issues, req: req), in: context))
        }
        _ = try await Documents.add(upload, type: type, in: opened, context: context, store: Documents.store(req.application))
        let back = upload.conversationID.map { SiteRoute.conversation.path(opened.householdID, $0) } ?? SiteRoute.household.path(opened.householdID) + "#documents-title"
        return req.redirect(to: back, notice: .documentAdded)
    }

    /// A goal or conversation the document hangs from must be one the uploader sees, in the document's domain.
    static func attachments(_ upload: Documents.Upload?, in opened: ResidentAccess.Opened, on db: any Database) async throws -> [ValidationIssue] {
        guard let upload else { return [] }
        var issues: [ValidationIssue] = []
        if let goalID = upload.goalID, try await opened.goal(goalID, on: db)?.domain != upload.domain.rawValue {
            issues.append(.init(field: "document_goal", messageKey: "document.goal_other_domain"))
        }
        if let conversationID = upload.conversationID, try await opened.conversation(conversationID, on: db)?.domain != upload.domain.rawValue {
            issues.append(.init(field: "document_domain", messageKey: "document.conversation_other_domain"))
        }
        return issues
    }

    func download(req: Request) async throws -> Response {
        let (_, document) = try await req.residentAccess().openRow(Document.self, req.id(.documentID), writing: false, event: "document.download")
        guard document.householdID == req.id(.householdID), try req.requireActor().role != .resident else { throw AppError.notFound }
        return try Documents.download(document, store: Documents.store(req.application), cipher: FieldCipher(key: req.application.config.keys.field))
    }

    func delete(req: Request) async throws -> Response {
        let (opened, document) = try await req.residentAccess().openRow(Document.self, req.id(.documentID), writing: true, event: "document.delete")
        guard document.householdID == req.id(.householdID), try req.requireActor().role != .resident else { throw AppError.notFound }
        try await Documents.delete(document, in: opened, context: req.context(), store: Documents.store(req.application))
        return req.redirect(to: SiteRoute.household.path(opened.householdID) + "#documents-title", notice: .documentDeleted)
    }
}
