import Foundation

/// The kinds of document a household's file takes: letters and forms as PDF,
/// photos of them, and office documents. The kind is read from the content
/// itself (its magic bytes), never trusted from the name; a name whose
/// extension says something else is refused, so what is downloaded later
/// opens as what it claims to be.
public enum DocumentType: String, CaseIterable, Sendable {
    case pdf, png, jpeg, docx, xlsx, odt, ods

    public var mediaType: String {
        switch self {
        case .pdf: "application/pdf"
        case .png: "image/png"
        case .jpeg: "image/jpeg"
        case .docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case .odt: "application/vnd.oasis.opendocument.text"
        case .ods: "application/vnd.oasis.opendocument.spreadsheet"
        }
    }

    public var extensions: [String] { self == .jpeg ? ["jpg", "jpeg"] : [rawValue] }

    /// What a file input accepts, for the browser's file chooser.
    public static var accept: String { allCases.flatMap { $0.extensions.map { "." + $0 } }.joined(separator: ",") }

    /// The largest document taken: a scanned letter of several pages fits.
    public static let maximumBytes = 10 * 1024 * 1024

    public enum Refusal: String, Error, Equatable, Sendable {
        case empty, tooLarge = "too_large", typeNotAllowed = "type_not_allowed", nameDoesNotMatch = "name_does_not_match"
    }

    /// The type of `bytes` named `fileName`, or why it is refused.
    public static func check(fileName: String, bytes: [UInt8], maximumBytes: Int = maximumBytes) -> Result<DocumentType, Refusal> {
        guard !bytes.isEmpty else { return .failure(.empty) }
        guard bytes.count <= maximumBytes else { return .failure(.tooLarge) }
        guard let type = detect(bytes) else { return .failure(.typeNotAllowed) }
        let ext = fileName.split(separator: ".").count > 1 ? fileName.split(separator: ".").last.map { $0.lowercased() } : nil
        guard let ext, type.extensions.contains(ext) else { return .failure(.nameDoesNotMatch) }
        return .success(type)
    }

    /// The type by the content's first bytes and, for the zip-based office
    /// formats, by what the package holds.
    public static func detect(_ bytes: [UInt8]) -> DocumentType? {
        if bytes.starts(with: Array("%PDF-".utf8)) { return .pdf }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        guard bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) else { return nil }
        // OpenDocument: the first entry is "mimetype", stored, holding the media type.
        if let mimetype = firstEntry(bytes), mimetype.name == "mimetype" {
            let text = String(decoding: mimetype.data, as: UTF8.self)
            return [DocumentType.odt, .ods].first { $0.mediaType == text }
        }
        // Office Open XML: a content-types part and the main part of a document or workbook.
        guard contains(bytes, "[Content_Types].xml") else { return nil }
        if contains(bytes, "word/document.xml") { return .docx }
        if contains(bytes, "xl/workbook.xml") { return .xlsx }
        return nil
    }

    /// A zip's first local entry: its name, and its data when stored uncompressed.
    static func firstEntry(_ bytes: [UInt8]) -> (name: String, data: ArraySlice<UInt8>)? {
        guard bytes.count >= 30 else { return nil }
        let word = { (at: Int) in Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        let method = word(8), nameLength = word(26), extraLength = word(28)
        let size = word(18) | word(20) << 16
        let nameEnd = 30 + nameLength, dataStart = nameEnd + extraLength
        guard method == 0, dataStart + size <= bytes.count else { return nil }
        return (String(decoding: bytes[30..<nameEnd], as: UTF8.self), bytes[dataStart..<(dataStart + size)])
    }

    static func contains(_ bytes: [UInt8], _ text: String) -> Bool {
        let needle = Array(text.utf8)
        guard let first = needle.first, bytes.count >= needle.count else { return false }
        var index = 0
        while index <= bytes.count - needle.count {
            if bytes[index] == first, bytes[index..<(index + needle.count)].elementsEqual(needle) { return true }
            index += 1
        }
        return false
    }
}
