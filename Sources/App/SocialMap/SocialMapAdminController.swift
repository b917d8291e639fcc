import Domain
import Fluent
import Vapor

/// The tenant admin's social-map settings: publishing the map, importing an
/// HSDS data package and exporting the map.
struct SocialMapAdminController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.socialMapAdmin, use: show)
        routes.post(SiteRoute.socialMapPublish, use: publish)
        routes.post(SiteRoute.socialMapImport, use: importPackage)
        routes.get(SiteRoute.socialMapExport, use: export)
        routes.get(SiteRoute.socialMapExportCSV, use: exportCSV)
    }

    func show(req: Request) async throws -> Response {
        try await page(req)
    }

    func publish(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        struct Form: Content { var `public`: String? }
        let form = try req.content.decode(Form.self)
        guard let tenant = try await Tenant.find(actor.tenantID, on: req.db) else { throw AppError.notFound }
        try await req.db.transaction { tx in
            tenant.publicSocialMap = form.public == "on"
            try await tenant.save(on: tx)
            try await req.audit(tenant.publicSocialMap ? "socialmap.publish" : "socialmap.unpublish", outcome: .success, basis: .administration,
                                objectType: "tenant", objectID: actor.tenantID.uuidString, on: tx)
        }
        return req.redirect(to: SiteRoute.socialMapAdmin.path())
    }

    func importPackage(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let form = (try? req.content.decode(SocialMapImportForm.self)) ?? SocialMapImportForm()
        var data = Data()
        if let file = form.package, file.data.readableBytes > 0 { data = Data(file.data.readableBytesView) }
        else if let text = form.package_text, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { data = Data(text.utf8) }
        let csvFiles = (form.tables ?? []).filter { $0.data.readableBytes > 0 }
        let report: ImportReport
        if !csvFiles.isEmpty {
            var files: [String: Data] = [:]
            for file in csvFiles { files[file.filename] = Data(file.data.readableBytesView) }
            report = try await HSDSTabular.importCSV(files, tenantID: actor.tenantID, on: req.db)
        } else if !data.isEmpty {
            report = try await HSDSImport.run(json: data, tenantID: actor.tenantID, on: req.db)
        } else {
            var empty = ImportReport()
            empty.fatalKey = "import.nothing"
            report = empty
        }
        try await req.audit("socialmap.import", outcome: report.succeeded ? .success : .failure, basis: .administration,
                            objectType: "tenant", objectID: actor.tenantID.uuidString)
        return try await page(req, report: report)
    }

    func export(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let package = try await HSDSPackage.export(tenantID: actor.tenantID, mapping: HSDSController.mapping(req), on: req.db)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let response = Response(status: .ok, body: .init(data: try encoder.encode(package)))
        response.headers.contentType = .json
        response.headers.contentDisposition = .init(.attachment, filename: "sociale-kaart.json")
        return response
    }

    func exportCSV(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let table = req.query[String.self, at: "table"] ?? ""
        guard HSDSTabular.tables.contains(table) else { throw AppError.notFound }
        let package = try await HSDSPackage.export(tenantID: actor.tenantID, mapping: HSDSController.mapping(req), on: req.db)
        let response = Response(status: .ok, body: .init(string: HSDSTabular.csv(table, of: package)))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        response.headers.contentDisposition = .init(.attachment, filename: table)
        return response
    }

    private func page(_ req: Request, report: ImportReport? = nil) async throws -> Response {
        let actor = try req.requireActor()
        guard let tenant = try await Tenant.find(actor.tenantID, on: req.db) else { throw AppError.notFound }
        let providers = try await MapOrganization.scoped(to: actor.tenantID, on: req.db).count()
        let services = try await Service.scoped(to: actor.tenantID, on: req.db).count()
        var imported: String?, failure: String?
        var issues: [SocialMapAdminPage.Issue] = []
        if let report {
            if report.succeeded {
                imported = req.t("import.done", String(report.providers), String(report.services), String(report.locations))
            } else {
                failure = report.fatalKey.map { req.t($0, report.fatalArgument) } ?? req.t("import.rows_failed", String(report.issues.count))
                issues = report.issues.map { SocialMapAdminPage.Issue(row: $0.row, id: $0.id ?? "", problem: req.t($0.messageKey, $0.argument)) }
            }
        }
        let fields = SocialMapAdminPage.fields(isPublic: tenant.publicSocialMap, in: req)
        let page = SocialMapAdminPage(
            isPublic: tenant.publicSocialMap, publicHref: SiteRoute.publicSocialMap.path(tenant.slug),
            hsdsHref: SiteRoute.publicHSDS.path(tenant.slug),
            publishAction: SiteRoute.socialMapPublish.path(), importAction: SiteRoute.socialMapImport.path(),
            exportHref: SiteRoute.socialMapExport.path(), exportCSVHref: SiteRoute.socialMapExportCSV.path(), tables: HSDSTabular.tables,
            providers: providers, services: services, imported: imported, failure: failure, issues: issues,
            publish: fields.publish, importFiles: fields.importFiles
        )
        let status: HTTPStatus = report.map { $0.succeeded ? .ok : .unprocessableEntity } ?? .ok
        return try await req.page("socialmap/admin", title: req.t("socialmap.admin_title"), page, status: status)
    }
}
