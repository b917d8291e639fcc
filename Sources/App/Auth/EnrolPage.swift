import Domain
import Fluent
import Vapor

struct EnrolPage: Encodable {
    let secret: String
    let uri: String
    var errorKey: String?

    /// What the template reads: the secret to add to an app, and the code field
    /// with a refused code's message beside it.
    struct View: Encodable {
        let secret: String
        let uri: String
        let form: FormPage.Parts
        let errors: FormErrors
    }

    func view(in speaker: any Speaking) -> View {
        var fields = FieldBuilder(speaker, errors: FormErrors(errorKey.map { [ValidationIssue(field: "code", messageKey: $0)] } ?? [], localizer: speaker))
        let code = fields.field("code", label: "enrol.code", maxLength: 10, autocomplete: "one-time-code", inputMode: "numeric", required: true)
        return View(secret: secret, uri: uri, form: .init(parts: [.field(code)]), errors: fields.namedErrors)
    }
}
