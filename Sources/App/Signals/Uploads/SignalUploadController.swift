import Domain
import Fluent
import Vapor

/// Signals by file (issue 23): a partner — or the team handling signals, for
/// a partner who mailed one — sends a CSV, chooses which column holds what,
/// sees every refused row with its row and column, and imports everything,
/// or only the valid rows, with the progress on the page.
struct SignalUploadController {
    struct UploadForm: Content { var file: File?; var organization_id: String? }
    struct VersionForm: Content { var version: Int?; var mode: String? }

    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.signalUploads, use: list)
        routes.post(SiteRoute.signalUploads, maxBody: SignalUploads.maxBody, use: upload)
        routes.get(SiteRoute.signalUpload, use: show)
        routes.post(SiteRoute.signalUploadMapping, use: map)
        routes.post(SiteRoute.signalUploadImport, use: startImport)
        routes.post(SiteRoute.signalUploadDiscard, use: discard)
        routes.get(SiteRoute.signalUploadReport, use: report)
        routes.get(SiteRoute.signalUploadProgress, use: progress)
    }

    func list(req: Request) async throws -> Response {
        let (context, partners) = try await Self.sender(req)
        return try await req.page("signals/uploads", title: req.t("signal_upload.title"),
                                  try await SignalUploadListPage.build(partners: partners, in: context))
    }

    func upload(req: Request) async throws -> Response {
        let (context, partners) = try await Self.sender(req)
        let form = try req.content.decode(UploadForm.self)
        let chosen = partners.count == 1 ? partners.first : partners.first { $0.organizationID.uuidString == form.organization_id }
        var issues: [ValidationIssue] = []
        if chosen == nil { issues.append(.init(field: "upload_partner", messageKey: "validation.choose_option")) }
        let bytes = form.file.map { Array($0.data.readableBytesView) } ?? []
        if bytes.isEmpty { issues.append(.init(field: "upload_file", messageKey: "signal_upload.choose_file")) }
        guard issues.isEmpty, let chosen, let file = form.file else {
            return try await refused(issues, partners: partners, typed: form, req: req, in: context)
        }
        do {
            let upload = try await SignalUploads.receive(fileName: file.filename, bytes: bytes, for: chosen, context: context, store: SignalUploads.store(req.application))
            return req.redirect(to: SiteRoute.signalUpload.path(try upload.requireID()))
        } catch let refusal as SignalUploads.Refusal {
            return try await refused([.init(field: "upload_file", messageKey: "signal_upload.refused.\(refusal.rawValue)")], partners: partners, typed: form, req: req, in: context)
        }
    }

    func show(req: Request) async throws -> Response {
        let (context, upload) = try await open(req, event: "signal_upload.view")
        return try await render(req, upload, in: context)
    }

    func map(req: Request) async throws -> Response {
        let (context, upload) = try await open(req, event: "signal_upload.map")
        guard [.uploaded, .checked].contains(upload.uploadStatus) else { return req.redirect(to: SiteRoute.signalUpload.path(try upload.requireID())) }
        let form = try req.content.decode([String: String].self)
        let store = SignalUploads.store(req.application)
        let header = try SignalUploads.file(upload, store: store).header
        let mapping = SignalUploadPage.mapping(from: form, header: header)
        let missing = mapping.missing()
        guard missing.isEmpty else {
            let issues = missing.map { ValidationIssue(field: "column_\($0.rawValue)", messageKey: "signal_upload.column_required") }
            return try await render(req, upload, typed: mapping, errors: FormErrors(issues, req: req), status: .unprocessableEntity, in: context)
        }
        let partner = try await SignalPartner.select(in: upload.tenantID, where: "organization_id = \(bind: upload.organizationID)", limit: 1, on: req.db).first
        do {
            try await SignalUploads.check(upload, mapping: mapping, allowed: partner?.allowed ?? [:], today: CivilDay.today(), store: store, context: context)
        } catch SignalUploads.Refusal.tooManyRows {
            return try await render(req, upload, typed: mapping, errors: FormErrors([.init(field: "column_reference", messageKey: "signal_upload.refused.too_many_rows")], req: req),
                                    status: .unprocessableEntity, in: context)
        }
        return req.redirect(to: SiteRoute.signalUpload.path(try upload.requireID()))
    }

    func startImport(req: Request) async throws -> Response {
        let (context, upload) = try await open(req, event: "signal_upload.import")
        let form = try req.content.decode(VersionForm.self)
        let id = try upload.requireID()
        let mode = form.mode.flatMap(SignalImportMode.init(rawValue:)) ?? .all
        // Everything goes in only when nothing was refused; otherwise only on the choice for the valid rows.
        guard upload.uploadStatus == .checked, mode == .validOnly || upload.rowsRefused == 0, upload.rowsValid > 0 else {
            return try await render(req, upload, errors: FormErrors([.init(field: "import_mode", messageKey: "signal_upload.cannot_import")], req: req),
                                    status: .unprocessableEntity, in: context)
        }
        guard try await SignalUploads.startImport(upload, mode: mode, version: form.version ?? -1, context: context) else {
            let current = try await Self.upload(id, in: context) ?? upload
            return try await render(req, current, errors: FormErrors([.init(field: "import_mode", messageKey: "signal_upload.conflict")], req: req),
                                    status: .conflict, in: context)
        }
        // This server starts at once; should it stop, another takes the import up (`RepeatingJob.signalImports`).
        let importer = SignalImport(req.application), logger = req.logger
        Task {
            do { try await importer.run(id, tenantID: upload.tenantID) } catch { logger.error("signal import \(id) stopped: \(String(describing: error))") }
        }
        return req.redirect(to: SiteRoute.signalUpload.path(id))
    }

    func discard(req: Request) async throws -> Response {
        let (context, upload) = try await open(req, event: "signal_upload.discard")
        let form = try req.content.decode(VersionForm.self)
        guard try await SignalUploads.discard(upload, version: form.version ?? -1, store: SignalUploads.store(req.application), context: context) else {
            let current = try await Self.upload(try upload.requireID(), in: context) ?? upload
            return try await render(req, current, errors: FormErrors([.init(field: "import_mode", messageKey: "signal_upload.conflict")], req: req),
                                    status: .conflict, in: context)
        }
        return req.redirect(to: SiteRoute.signalUploads.path())
    }

    /// The refused rows as CSV: row, column and problem in words — never a value from the file.
    func report(req: Request) async throws -> Response {
        let (context, upload) = try await open(req, event: "signal_upload.download")
        let rows = upload.fileProblems.map { [String($0.row), $0.column ?? "", SignalUploadPage.problemText($0, in: context)] }
        let body = CSV.write(header: [context.t("signal_upload.row"), context.t("signal_upload.column"), context.t("signal_upload.problem")], rows: rows)
        let response = Response(status: .ok, body: .init(string: body))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"signal-problems.csv\"")
        response.headers.cacheControl = .init(noStore: true)
        return response
    }

    struct Progress: Content { let status: String; let done: Int; let total: Int; let text: String }

    /// How far the import is, for the page's progress bar.
    func progress(req: Request) async throws -> Progress {
        let context = try req.context()
        let (_, upload) = try await Self.openQuietly(req, context)
        return Progress(status: upload.status, done: upload.rowsDone, total: upload.rowsTotal, text: SignalUploadPage.progressText(upload, in: context))
    }

    /// The actor's partners to send for; nobody else finds the pages (404).
    static func sender(_ req: Request) async throws -> (Context, [SignalPartner]) {
        let context = try req.context()
        let partners = try await SignalUploads.partners(for: context)
        guard !partners.isEmpty else { throw AppError.notFound }
        return (context, partners)
    }

    static func upload(_ id: UUID, in context: Context) async throws -> SignalUpload? {
        try await SignalUpload.select(in: context.actor.tenantID, where: "id = \(bind: id)", limit: 1, on: context.db).first
    }

    /// The file of the path, for someone who may send for its partner; the look is logged.
    private func open(_ req: Request, event: String) async throws -> (Context, SignalUpload) {
        let context = try req.context()
        let (_, upload) = try await Self.openQuietly(req, context)
        try await context.audit(event, outcome: .allowed, basis: .administration, objectType: "signal_upload", objectID: upload.id?.uuidString)
        return (context, upload)
    }

    /// The same, unlogged: the progress is read every second and names nobody.
    private static func openQuietly(_ req: Request, _ context: Context) async throws -> ([SignalPartner], SignalUpload) {
        let partners = try await SignalUploads.partners(for: context)
        guard let id = req.id(.signalUploadID), let upload = try await upload(id, in: context),
              partners.contains(where: { $0.organizationID == upload.organizationID }) else { throw AppError.notFound }
        return (partners, upload)
    }

    private func refused(_ issues: [ValidationIssue], partners: [SignalPartner], typed: UploadForm, req: Request, in context: Context) async throws -> Response {
        let page = try await SignalUploadListPage.build(partners: partners, typed: typed.organization_id, errors: FormErrors(issues, req: req), in: context)
        return try await req.page("signals/uploads", title: req.t("signal_upload.title"), page, status: .unprocessableEntity)
    }

    private func render(_ req: Request, _ upload: SignalUpload, typed: ColumnMapping? = nil, errors: FormErrors = .none, status: HTTPStatus = .ok,
                        in context: Context) async throws -> Response {
        let page = try await SignalUploadPage.build(upload, typed: typed, errors: errors, store: SignalUploads.store(req.application), in: context)
        return try await req.page("signals/upload", title: page.title, page, status: status)
    }
}
