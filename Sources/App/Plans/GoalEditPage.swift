import Domain
import Fluent
import Vapor

struct GoalEditPage: Encodable {
    /// Whose goal it is: the household, linking back to it.
    let household: String
    let action: String
    let backHref: String
    let domain: String
    let title: String
    let target: String
    let version: Int
    let statuses: [Option]
    let errors: FormErrors
    let conflict: Conflict?
    let actions: [ActionRow]
    let actionAction: String
    let volunteers: [Option]
    let organizations: [Option]
    let ownerKinds: [Option]
    /// What was typed into the new-action form when it was refused.
    let newAction: ActionForm
    let referHref: String
    let referrals: [ReferralRow]

    struct ReferralRow: Encodable { let href: String; let target: String; let status: String }
    struct ActionRow: Encodable {
        let description: String; let owner: String; let due: String; let status: String
        let statusAction: String; let version: Int; let statuses: [Option]
    }
    struct Conflict: Encodable { let title: String; let target: String; let status: String }
}
