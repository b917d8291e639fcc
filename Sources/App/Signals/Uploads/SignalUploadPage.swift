import Domain
import Fluent
import Vapor

/// The page of one file, as far as it got: the columns to choose, the
/// check's outcome with every refused row, the import's progress, or what
/// it brought in.
struct SignalUploadPage: Encodable {
    struct Fact: Encodable { let term: String; let value: String }
    struct ProblemLine: Encodable { let row: Int; let column: String; let problem: String }

    let title: String
    let facts: [Fact]
    let status: String
    /// The mapping form while the file is not imported.
    let mappingAction: String?
    let mappingForm: FormPage.Parts
    let mappingOpen: Bool
    let checked: Bool
    let summary: String?
    let problems: [ProblemLine]
    let moreProblems: String?
    let reportHref: String?
    let importAction: String?
    let importAll: Bool
    let importValidText: String?
    let discardAction: String?
    let importing: Bool
    let progressHref: String
    let done: Int
    let total: Int
    let progress: String
    let imported: String?
    let queueHref: String?
    let version: Int
    let backHref: String
    let errors: FormErrors

    static let shownProblems = 100

    static func build(_ upload: SignalUpload, typed: ColumnMapping?, errors: FormErrors, store: DocumentStore, in context: Context) async throws -> SignalUploadPage {
        let id = try upload.requireID()
        let status = upload.uploadStatus
        let open = status == .uploaded || status == .checked
        var fields = FieldBuilder(context, errors: errors)
        var parts: [FormPart] = []
        if open {
            let header = try SignalUploads.file(upload, store: store).header
            var mapping = typed
            if mapping == nil { mapping = try await SignalUploads.proposedMapping(for: upload, header: header, on: context.db) }
            parts = mappingParts(mapping ?? ColumnMapping(), header: header, fields: &fields, in: context)
        }
        let names = try await context.organizationNames(in: upload.tenantID)
        let people = try await User.displayNames(of: [upload.userID], in: upload.tenantID, on: context.db)
        let fileName = (try? FieldCipher(key: context.keys.field).open(upload.fileNameEncrypted)) ?? context.t("note.unreadable")
        let problems = upload.fileProblems
        let handler = (try? await SignalTriage.requireHandler(context)) != nil
        return SignalUploadPage(
            title: fileName,
            facts: [
                Fact(term: context.t("signal_upload.partner"), value: names[upload.organizationID] ?? ""),
                Fact(term: context.t("signal_upload.sent"), value: context.moment(upload.createdAt) + " · " + (people[upload.userID] ?? "")),
                Fact(term: context.t("signal_upload.size"), value: ByteCountFormatter.string(fromByteCount: Int64(upload.byteCount), countStyle: .file)),
            ],
            status: context.t("signal_upload.status.\(upload.status)"),
            mappingAction: open ? SiteRoute.signalUploadMapping.path(id) : nil,
            mappingForm: .init(parts: parts),
            mappingOpen: status == .uploaded || !errors.summary.isEmpty,
            checked: status != .uploaded,
            summary: status == .uploaded ? nil : context.t("signal_upload.summary", String(upload.rowsTotal), String(upload.rowsValid), String(upload.rowsRefused)),
            problems: problems.prefix(shownProblems).map { ProblemLine(row: $0.row, column: $0.column ?? "", problem: problemText($0, in: context)) },
            moreProblems: problems.count > shownProblems ? context.t("signal_upload.more_problems", String(shownProblems), String(problems.count)) : nil,
            reportHref: problems.isEmpty ? nil : SiteRoute.signalUploadReport.path(id),
            importAction: status == .checked && upload.rowsValid > 0 ? SiteRoute.signalUploadImport.path(id) : nil,
            importAll: upload.rowsRefused == 0,
            importValidText: upload.rowsRefused > 0 ? context.t("signal_upload.import_valid", String(upload.rowsValid)) : nil,
            discardAction: open ? SiteRoute.signalUploadDiscard.path(id) : nil,
            importing: status == .importing,
            progressHref: SiteRoute.signalUploadProgress.path(id),
            done: upload.rowsDone, total: max(upload.rowsTotal, 1),
            progress: progressText(upload, in: context),
            imported: status == .imported ? context.t("signal_upload.imported", String(upload.signalsNew), String(upload.rowsDone)) : nil,
            queueHref: handler && status == .imported ? SiteRoute.signalCases.path() : nil,
            version: upload.version,
            backHref: SiteRoute.signalUploads.path(),
            errors: fields.namedErrors)
    }

    /// A select per field from the file's headers, the kind and the reminder for the whole file.
    static func mappingParts(_ mapping: ColumnMapping, header: [String], fields: inout FieldBuilder, in context: Context) -> [FormPart] {
        var parts = SignalField.allCases.map { field -> FormPart in
            let options = header.filter { !$0.isEmpty }.map { Option(value: $0, label: $0, selected: mapping[field] == $0) }
            return .field(fields.field("column_\(field.rawValue)", .select, labelText: context.t("signal_upload.field.\(field.rawValue)")
                                           + (field.isRequired ? "" : " " + context.t("signal_upload.optional")),
                                       options: options, choose: true, chooseLabel: "signal_upload.not_in_file"))
        }
        parts.append(.field(fields.field("kind_for_all", .select, label: "signal_upload.kind_for_all", hint: "signal_upload.kind_for_all_hint",
                                         options: ArrearsKind.allCases.map { Option(value: $0.rawValue, label: context.t("signal.kind.\($0.rawValue)"), selected: mapping.kindForAll == $0) },
                                         choose: true, chooseLabel: "signal_upload.kind_per_row")))
        parts.append(.field(fields.field("reminder_for_all", .checkbox, label: "signal_upload.reminder_for_all", checked: mapping.reminderForAll)))
        return parts
    }

    /// The mapping a person chose on the form; a header the file does not have is no choice.
    static func mapping(from form: [String: String], header: [String]) -> ColumnMapping {
        var mapping = ColumnMapping()
        for field in SignalField.allCases {
            if let column = form["column_\(field.rawValue)"], header.contains(column) { mapping[field] = column }
        }
        mapping.kindForAll = form["kind_for_all"].flatMap(ArrearsKind.init(rawValue:))
        mapping.reminderForAll = form["reminder_for_all"] == "on"
        return mapping
    }

    static func problemText(_ problem: FileProblem, in context: Context) -> String {
        problem.problem == .repeatsRow ? context.t("signal.problem.repeats_row", String(problem.otherRow ?? 0)) : context.t("signal.problem.\(problem.problem.rawValue)")
    }

    static func progressText(_ upload: SignalUpload, in context: Context) -> String {
        context.t("signal_upload.progress", String(upload.rowsDone), String(upload.rowsTotal))
    }
}

/// The files sent, newest first, and the form to send one.
struct SignalUploadListPage: Encodable {
    struct Line: Encodable { let href: String; let name: String; let partner: String; let sent: String; let rows: Int; let status: String }

    let action: String
    let form: FormPage.Parts
    let uploads: [Line]
    let errors: FormErrors

    static func build(partners: [SignalPartner], typed: String? = nil, errors: FormErrors = .none, in context: Context) async throws -> SignalUploadListPage {
        let names = try await context.organizationNames(in: context.actor.tenantID)
        var fields = FieldBuilder(context, errors: errors)
        var parts: [FormPart] = []
        if partners.count > 1 {
            let options = partners.map { Option(value: $0.organizationID.uuidString, label: names[$0.organizationID] ?? "", selected: $0.organizationID.uuidString == typed) }
                .sorted { $0.label < $1.label }
            parts.append(.field(fields.field("upload_partner", name: "organization_id", .select, label: "signal_upload.partner", options: options, choose: true)))
        }
        parts.append(.field(fields.field("upload_file", name: "file", .file, label: "signal_upload.file", hint: "signal_upload.file_hint", accept: ".csv,.txt,text/csv")))
        let ids = partners.map(\.organizationID)
        let uploads = try await SignalUpload.select(in: context.actor.tenantID, where: "organization_id IN (\(binds: ids))",
                                                    orderBy: "created_at DESC", limit: 20, on: context.db)
        let cipher = FieldCipher(key: context.keys.field)
        return SignalUploadListPage(
            action: SiteRoute.signalUploads.path(),
            form: .init(parts: parts),
            uploads: try uploads.map { upload in
                Line(href: SiteRoute.signalUpload.path(try upload.requireID()), name: (try? cipher.open(upload.fileNameEncrypted)) ?? context.t("note.unreadable"),
                     partner: names[upload.organizationID] ?? "", sent: context.moment(upload.createdAt), rows: upload.rowsTotal,
                     status: context.t("signal_upload.status.\(upload.status)"))
            },
            errors: fields.namedErrors)
    }
}
