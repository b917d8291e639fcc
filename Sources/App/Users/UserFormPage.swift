import Domain
import Vapor

/// The user form as data: the fields built from what was typed and what was
/// refused, what is stored now when someone else saved first, and the
/// buttons beside an existing account.
struct UserFormPage: Encodable {
    struct Conflict: Encodable { let name: String; let role: String }

    /// The buttons beside an existing user.
    struct Manage: Encodable {
        let active: Bool
        /// Nobody deactivates their own account.
        let canSwitchActive: Bool
        let deactivateAction: String
        let reactivateAction: String
        let resetAction: String
        let secondFactor: FormField
    }

    let form: FormPage.Form
    let isNew: Bool
    /// An existing account's username, shown, not edited.
    let username: String
    let errors: FormErrors
    let conflict: Conflict?
    let manage: Manage?
    /// False for an account the actor may not change: the page shows it without a save button.
    let editable: Bool

    struct Choices {
        let roles: [Role]
        let organizations: [(id: UUID, name: String)]
    }

    static func build(
        action: String, values: UserForm, isNew: Bool, choices: Choices, errors: FormErrors = .none,
        conflict: Conflict? = nil, manage: (active: Bool, canSwitchActive: Bool, id: UUID)? = nil, editable: Bool, in speaker: any Speaking
    ) -> Self {
        var fields = FieldBuilder(speaker, errors: errors)
        var parts: [FormPart] = []
        if isNew {
            parts.append(.field(fields.field("username", label: "users.username", hint: "users.username_hint", value: values.username,
                                             maxLength: 64, required: true, verbatim: true)))
        }
        let roles = choices.roles.map { Option(value: $0.rawValue, label: speaker.t("role.\($0.rawValue)"), selected: $0.rawValue == values.role) }
        let organizations = [Option(value: "", label: speaker.t("users.no_organization"), selected: (values.organization_id ?? "").isEmpty)]
            + choices.organizations.map { Option(value: $0.id.uuidString, label: $0.name, selected: $0.id.uuidString == values.organization_id) }
        parts += [
            .field(fields.field("display_name", label: "users.display_name", value: values.display_name, maxLength: 120, required: true)),
            .field(fields.field("role", .select, label: "users.role", options: roles, choose: true, required: true)),
            .field(fields.field("organization_id", .select, label: "users.organization", hint: "users.organization_hint", options: organizations)),
            .field(fields.field("is_manager", .checkbox, label: "users.is_manager", hint: "users.is_manager_hint", checked: values.managerTicked)),
        ]
        let form = FormPage.Form(
            action: action, parts: parts, submit: speaker.t(isNew ? "users.invite" : "form.save"), cancelHref: SiteRoute.users.path(),
            hidden: [.init(name: "version", value: String(values.version ?? 0))]
        )
        var resetFields = FieldBuilder(speaker)
        let buttons = manage.map { manage in
            Manage(
                active: manage.active, canSwitchActive: manage.canSwitchActive, deactivateAction: SiteRoute.userDeactivate.path(manage.id),
                reactivateAction: SiteRoute.userReactivate.path(manage.id), resetAction: SiteRoute.userReset.path(manage.id),
                secondFactor: resetFields.field("second_factor", .checkbox, label: "users.reset_second_factor")
            )
        }
        // A conflict is about the whole form, not one field: its line is not named.
        return Self(
            form: form, isNew: isNew, username: values.username ?? "", errors: conflict == nil ? fields.namedErrors : errors,
            conflict: conflict, manage: buttons, editable: editable
        )
    }
}
