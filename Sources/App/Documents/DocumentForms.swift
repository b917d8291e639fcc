import Domain
import Vapor

struct DocumentForm: Content {
    var file: File?
    var domain: String?
    var goal_id: String?
    var conversation_id: String?
    var shared_with_resident: String?
}

extension Documents {
    /// The upload's fields checked: a file of an allowed type whose name fits
    /// its content, in a domain the uploader may add to. Every problem named by its field.
    static func check(_ form: DocumentForm, domains: [LifeDomain]) -> (Upload?, DocumentType?, [ValidationIssue]) {
        var validator = FormValidator()
        let domain = form.domain.flatMap(LifeDomain.init(rawValue:)).flatMap { domains.contains($0) ? $0 : nil }
        if domain == nil { validator.add("document_domain", "validation.choose_option") }
        var type: DocumentType?
        let bytes = form.file.map { Array($0.data.readableBytesView) } ?? []
        let name = form.file.map { displayName($0.filename) } ?? ""
        if form.file == nil || (bytes.isEmpty && name.isEmpty) {
            validator.add("document_file", "document.choose_file")
        } else {
            switch DocumentType.check(fileName: name, bytes: bytes) {
            case .success(let checked): type = checked
            case .failure(let refusal): validator.add("document_file", "document.refused.\(refusal.rawValue)")
            }
        }
        guard validator.isValid, let domain, let type else { return (nil, nil, validator.issues) }
        let upload = Upload(fileName: name, bytes: bytes, domain: domain, sharedWithResident: form.shared_with_resident == "on",
                            goalID: form.goal_id.flatMap(UUID.init(uuidString:)), conversationID: form.conversation_id.flatMap(UUID.init(uuidString:)))
        return (upload, type, [])
    }
}
