import Domain
import Fluent
import Vapor

/// A volunteer's steps, each with what they need to do it: when, where,
/// whom to contact (what the resident shared, else the coordinator), and a
/// line to report back how it went.
struct MyActionsPage: Encodable {
    struct Task: Encodable {
        let description: String
        let household: String
        let due: String?
        let status: String
        let doneAction: String?
        /// The address and the members' phone and e-mail, when they shared them with volunteers.
        let address: String?
        let contacts: [String]
        let coordinator: CoordinatorContact?
        let reportAction: String
        let report: FormField
    }
    let tasks: [Task]
    let errors: FormErrors

    static func build(in context: Context, reportErrors: FormErrors = .none, typedReport: (UUID, String)? = nil) async throws -> MyActionsPage {
        let cipher = FieldCipher(key: context.keys.field)
        var fields = FieldBuilder(context, errors: reportErrors)
        var tasks: [Task] = []
        for (opened, action) in try await ResidentAccess(context: context).assignedActions(event: "action.view") {
            let actionID = try action.requireID()
            let sharing = try await opened.reachableMembers(on: context.db)
            let household = opened.household
            tasks.append(Task(
                description: action.description, household: household.name, due: action.dueOn.map { context.day($0) },
                status: context.t("action.status.\(action.status)"),
                doneAction: action.status == ActionStatus.done.rawValue ? nil : SiteRoute.myActionDone.path(actionID),
                address: sharing.isEmpty ? nil : "\(household.street), \(household.postcode) \(household.city)",
                contacts: sharing.compactMap { member in member.contact(cipher: cipher).line.map { member.fullName + ": " + $0 } },
                coordinator: try await CoordinatorContact.of(try await opened.coordinator(on: context.db), in: context),
                reportAction: SiteRoute.myActionReport.path(actionID),
                report: fields.field("report-" + actionID.uuidString, name: "text", .textarea, label: "my_actions.report", hint: "my_actions.report_hint",
                                     value: typedReport?.0 == actionID ? typedReport?.1 : nil, maxLength: 500, rows: 2, hiddenLabel: nil)
            ))
        }
        return MyActionsPage(tasks: tasks, errors: fields.namedErrors)
    }
}
