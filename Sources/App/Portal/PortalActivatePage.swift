import Domain
import Fluent
import SQLKit
import Vapor

/// Activating a portal account with the code the coordinator handed out.
struct PortalActivatePage: Encodable {
    let form: [FormPart]
    let errors: FormErrors

    static func build(_ typed: PortalActivateForm, errors: FormErrors, in speaker: any Speaking) -> PortalActivatePage {
        var fields = FieldBuilder(speaker, errors: errors)
        let form: [FormPart] = [
            .field(fields.field("code", label: "portal.code", value: typed.code, maxLength: 20, autocomplete: "off", verbatim: true)),
            .field(fields.field("username", label: "portal.choose_username", hint: "users.username_hint", value: typed.username, maxLength: 64,
                                autocomplete: "username", verbatim: true)),
            .field(fields.field("password", .password, label: "account.new_password", hint: "account.password_hint", maxLength: 72, autocomplete: "new-password")),
            .field(fields.field("password_confirmation", .password, label: "account.confirm_password", maxLength: 72, autocomplete: "new-password")),
        ]
        return PortalActivatePage(form: form, errors: fields.namedErrors)
    }
}
