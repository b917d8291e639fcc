import Domain
import Fluent
import Vapor

struct SecondFactorPage: Encodable {
    var next = ""
    var errorKey: String?

    /// What the template reads: the code field, and a refused code's message beside it.
    struct View: Encodable {
        let next: String
        let form: FormPage.Parts
        let errors: FormErrors
    }

    func view(in speaker: any Speaking) -> View {
        var fields = FieldBuilder(speaker, errors: FormErrors(errorKey.map { [ValidationIssue(field: "code", messageKey: $0)] } ?? [], localizer: speaker))
        let code = fields.field("code", label: "second_factor.code", hint: "second_factor.code_hint", maxLength: 64,
                                autocomplete: "one-time-code", inputMode: "text", required: true)
        return View(next: next, form: .init(parts: [.field(code)]), errors: fields.namedErrors)
    }
}
