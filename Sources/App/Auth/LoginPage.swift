import Domain
import Fluent
import Vapor

struct LoginPage: Encodable {
    var username = ""
    var next = ""
    var errorKey: String?
    var noticeKey: String?
    /// The account is locked: the form asks for password and code at once.
    var asksForCode = false

    /// What the template reads: the fields as data. A refusal names no field
    /// on purpose (it never says whether the username or the password was wrong).
    struct View: Encodable {
        let next: String
        let errorKey: String?
        let noticeKey: String?
        let form: FormPage.Parts
    }

    func view(in speaker: any Speaking) -> View {
        var fields = FieldBuilder(speaker)
        var parts: [FormPart] = [
            .field(fields.field("username", label: "login.username", value: username, maxLength: 64, autocomplete: "username", required: true, verbatim: true)),
            .field(fields.field("password", .password, label: "login.password", maxLength: 1024, autocomplete: "current-password", required: true)),
        ]
        if asksForCode {
            parts.append(.field(fields.field("code", label: "login.code", maxLength: 64, autocomplete: "one-time-code", inputMode: "numeric", required: true)))
        }
        return View(next: next, errorKey: errorKey, noticeKey: noticeKey, form: .init(parts: parts))
    }
}
