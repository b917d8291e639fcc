import Foundation
import Logging
import NIOConcurrencyHelpers

/// Logs as one JSON object per line (`LOG_FORMAT=json`), for a log shipper:
/// time, level, label, source and message, with the metadata — the request id
/// among it — under "metadata" rather than woven into the message.
public struct JSONLogHandler: LogHandler {
    public var logLevel: Logger.Level
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    private let label: String
    private let write: @Sendable (String) -> Void

    public init(label: String, level: Logger.Level = .info, metadataProvider: Logger.MetadataProvider? = nil,
                write: @escaping @Sendable (String) -> Void = JSONLogHandler.standardError) {
        (self.label, self.logLevel, self.metadataProvider, self.write) = (label, level, metadataProvider, write)
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(level: Logger.Level, message: Logger.Message, metadata explicit: Logger.Metadata?,
                    source: String, file: String, function: String, line: UInt) {
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { $1 } }
        if let explicit { merged.merge(explicit) { $1 } }
        var object: [String: Any] = [
            "time": Date().formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true).timeZone(separator: .omitted)),
            "level": level.rawValue, "label": label, "source": source, "message": message.description,
        ]
        if !merged.isEmpty { object["metadata"] = merged.mapValues(Self.value) }
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) else { return }
        write(String(decoding: data, as: UTF8.self) + "\n")
    }

    static func value(_ metadata: Logger.MetadataValue) -> Any {
        switch metadata {
        case .string(let text): text
        case .stringConvertible(let value): value.description
        case .array(let values): values.map(value)
        case .dictionary(let values): values.mapValues(value)
        }
    }

    private static let lock = NIOLock()

    /// Whole lines to standard error, one writer at a time.
    public static let standardError: @Sendable (String) -> Void = { line in
        lock.withLock { FileHandle.standardError.write(Data(line.utf8)) }
    }
}
