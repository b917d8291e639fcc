import Domain
import Fluent
import Foundation

/// Where a partner's file stands: taken in (columns to choose), checked
/// (problems listed, waiting for the go-ahead), importing (row by row, in
/// the background), imported, or discarded.
enum SignalUploadStatus: String, Codable, Sendable {
    case uploaded, checked, importing, imported, discarded
}

/// Whether an import takes every row (only when none was refused) or only the valid ones.
enum SignalImportMode: String, Codable, Sendable {
    case all
    case validOnly = "valid_only"
}

/// One file of signals from one partner. The file itself is sealed on disk
/// until it is imported or discarded; the row keeps the mapping used, the
/// counts and the problems by row and column — never a value from the file.
final class SignalUpload: Model, TenantOwned, @unchecked Sendable {
    static let schema = "signal_uploads"
    static let tenantKey: KeyPath<SignalUpload, FieldProperty<SignalUpload, UUID>> = \.$tenantID

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "organization_id") var organizationID: UUID
    @Field(key: "user_id") var userID: UUID
    @Field(key: "file_name_encrypted") var fileNameEncrypted: String
    @Field(key: "byte_count") var byteCount: Int
    @Field(key: "sha256") var sha256: String
    @Field(key: "status") var status: String
    @OptionalField(key: "mapping") var mapping: String?
    @OptionalField(key: "mode") var mode: String?
    @Field(key: "rows_total") var rowsTotal: Int
    @Field(key: "rows_valid") var rowsValid: Int
    @Field(key: "rows_refused") var rowsRefused: Int
    @Field(key: "rows_done") var rowsDone: Int
    @Field(key: "signals_new") var signalsNew: Int
    @OptionalField(key: "problems") var problems: String?
    @OptionalField(key: "claimed_until") var claimedUntil: Date?
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "finished_at") var finishedAt: Date?
    @Field(key: "version") var version: Int

    var properties: [any AnyProperty] {
        [$id, $tenantID, $organizationID, $userID, $fileNameEncrypted, $byteCount, $sha256, $status, $mapping, $mode, $rowsTotal, $rowsValid,
         $rowsRefused, $rowsDone, $signalsNew, $problems, $claimedUntil, $createdAt, $finishedAt, $version]
    }

    init() {}

    var uploadStatus: SignalUploadStatus { SignalUploadStatus(rawValue: status) ?? .discarded }
    var importMode: SignalImportMode { mode.flatMap(SignalImportMode.init(rawValue:)) ?? .all }

    var columnMapping: ColumnMapping? {
        mapping.flatMap { try? JSONDecoder().decode(ColumnMapping.self, from: Data($0.utf8)) }
    }

    /// The problems as stored: at most `SignalUploads.keptProblems` of them.
    var fileProblems: [FileProblem] {
        problems.flatMap { try? JSONDecoder().decode([FileProblem].self, from: Data($0.utf8)) } ?? []
    }
}

/// The columns a partner's last file used, so the next one is read the same way.
final class SignalColumnMapping: Model, TenantOwned, @unchecked Sendable {
    static let schema = "signal_column_mappings"
    static let tenantKey: KeyPath<SignalColumnMapping, FieldProperty<SignalColumnMapping, UUID>> = \.$tenantID

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "organization_id") var organizationID: UUID
    @Field(key: "mapping") var mapping: String
    @Field(key: "updated_at") var updatedAt: Date

    var properties: [any AnyProperty] { [$id, $tenantID, $organizationID, $mapping, $updatedAt] }

    init() {}

    var columnMapping: ColumnMapping? { try? JSONDecoder().decode(ColumnMapping.self, from: Data(mapping.utf8)) }
}
