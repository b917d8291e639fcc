import Domain
import Fluent
import Vapor

struct GoalEditPage: Encodable {
    /// Whose goal it is: the household, linking back to it.
    let household: String
    let action: String
    let backHref: String
    let domain: String
    let version: Int
    /// The goal's own fields, and the new step's, with what was typed when either was refused.
    let goalForm: [FormPart]
    let errors: FormErrors
    let conflict: Conflict?
    let actions: [ActionRow]
    let actionAction: String
    let actionForm: [FormPart]
    let referHref: String
    let referrals: [ReferralRow]

    struct ReferralRow: Encodable { let href: String; let target: String; let status: String }
    struct ActionRow: Encodable {
        let description: String; let owner: String; let due: String; let status: String
        let statusAction: String; let version: Int; let statusField: FormField
    }
    struct Conflict: Encodable { let title: String; let target: String; let status: String }

    static func goalFields(_ values: GoalForm, _ fields: inout FieldBuilder, in context: Context) -> [FormPart] {
        [
            .field(fields.field("title", label: "goal.title", value: values.title, maxLength: 300)),
            .field(fields.field("target", label: "goal.target", value: values.target, maxLength: 500)),
            .field(fields.field("status", .select, label: "users.status",
                                options: GoalStatus.allCases.map { Option(value: $0.rawValue, label: context.t("goal.status.\($0.rawValue)"), selected: $0.rawValue == values.status) })),
        ]
    }

    /// A new step: who does it (the resident, a professional, an organisation, a volunteer, someone of their own network) and when.
    static func actionFields(_ typed: ActionForm, volunteers: [User], organizations: [UUID: String], _ fields: inout FieldBuilder, in context: Context) -> [FormPart] {
        [
            .field(fields.field("action_description", name: "description", label: "action.description", value: typed.description, maxLength: 300)),
            .field(fields.field("action_owner", name: "owner_kind", .select, label: "action.owner",
                                options: ActionOwnerKind.allCases.map { Option(value: $0.rawValue, label: context.t("action.owner.\($0.rawValue)"), selected: $0.rawValue == typed.owner_kind) },
                                choose: true)),
            .field(fields.field("owner_volunteer_id", .select, label: "action.which_volunteer",
                                options: volunteers.compactMap { v in v.id.map { Option(value: $0.uuidString, label: v.displayName, selected: $0.uuidString == typed.owner_volunteer_id) } },
                                choose: true)),
            .field(fields.field("owner_organization_id", .select, label: "action.which_organization",
                                options: organizations.sorted { $0.value < $1.value }.map { Option(value: $0.key.uuidString, label: $0.value, selected: $0.key.uuidString == typed.owner_organization_id) },
                                choose: true)),
            .field(fields.field("action_owner_name", name: "owner_name", label: "action.network_name", value: typed.owner_name, maxLength: 100)),
            .field(fields.field("action_due", name: "due_on", .date, label: "action.due", value: typed.due_on)),
        ]
    }
}
