import Domain
import Fluent
import Vapor

/// "Documenten" in the portal: what the team shared with the resident and
/// what they uploaded themselves (a creditor's letter, a payslip).
struct PortalDocumentController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.portalDocuments, use: list)
        routes.post(SiteRoute.portalDocuments, maxBody: DocumentController.maxBody, use: add)
        routes.get(SiteRoute.portalDocument, use: download)
        routes.post(SiteRoute.portalDocumentDelete, use: delete)
    }

    struct ListPage: Encodable {
        let documents: [DocumentRow]
        let form: FormPage.Parts?
        let action: String
        let errors: FormErrors
    }

    func list(req: Request) async throws -> Response {
        let (opened, _) = try await PortalController.own(req, event: "portal.documents")
        return try await render(req, opened)
    }

    func add(req: Request) async throws -> Response {
        let (opened, _) = try await PortalController.own(req, event: "portal.document_create", acting: true)
        let form = try req.content.decode(DocumentForm.self)
        var (upload, type, issues) = Documents.check(form, domains: try await opened.teamDomains(on: req.db))
        upload?.goalID = nil
        upload?.conversationID = nil
        guard let upload, let type, issues.isEmpty else {
            issues = issues.isEmpty ? [.init(field: "document_file", messageKey: "document.choose_file")] : issues
            return try await render(req, opened, typed: form, errors: FormErrors(issues, req: req), status: .unprocessableEntity)
        }
        _ = try await Documents.add(upload, type: type, in: opened, context: req.context(), store: Documents.store(req.application))
        try await TeamNotices.tellCoordinator(opened, "notification.resident_document", actor: try req.requireActor(), on: req.db)
        return req.redirect(to: SiteRoute.portalDocuments.path(), notice: .documentAdded)
    }

    func download(req: Request) async throws -> Response {
        guard try req.requireActor().role == .resident else { throw AppError.notFound }
        let (_, document) = try await req.residentAccess().openRow(Document.self, req.id(.documentID), writing: false, event: "portal.document_download")
        return try Documents.download(document, store: Documents.store(req.application), cipher: FieldCipher(key: req.application.config.keys.field))
    }

    func delete(req: Request) async throws -> Response {
        guard try req.requireActor().role == .resident else { throw AppError.notFound }
        let (opened, document) = try await req.residentAccess().openRow(Document.self, req.id(.documentID), writing: true, event: "portal.document_delete")
        try await Documents.delete(document, in: opened, context: req.context(), store: Documents.store(req.application))
        return req.redirect(to: SiteRoute.portalDocuments.path(), notice: .documentDeleted)
    }

    private func render(_ req: Request, _ opened: ResidentAccess.Opened, typed: DocumentForm = .init(), errors: FormErrors = .none,
                        status: HTTPStatus = .ok) async throws -> Response {
        let context = try req.context()
        let documents = try await opened.documents(on: req.db)
        let rows = try await DocumentRow.rows(documents, in: opened, href: { SiteRoute.portalDocument.path($0) },
                                              deleteAction: { SiteRoute.portalDocumentDelete.path($0) }, context: context)
        let domains = try await opened.teamDomains(on: req.db)
        var fields = FieldBuilder(context, errors: errors)
        let parts: [FormPart] = [
            .field(fields.field("document_file", name: "file", .file, label: "document.file", hint: "document.file_hint", accept: DocumentType.accept)),
            .field(fields.field("document_domain", name: "domain", .select, label: "portal.document_about",
                                options: context.domainOptions(domains, chosen: Set([typed.domain].compactMap { $0 })), choose: true)),
        ]
        let page = ListPage(documents: rows, form: domains.isEmpty ? nil : .init(parts: parts), action: SiteRoute.portalDocuments.path(),
                            errors: fields.namedErrors)
        return try await req.page("portal/documents", title: req.t("portal.documents"), page, status: status)
    }
}
