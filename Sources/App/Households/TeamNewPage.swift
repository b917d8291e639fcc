import Domain
import Vapor

/// Adding an organisation to the team around the household, for some life
/// domains, and optionally handing it the coordination.
enum TeamNewPage {
    static func build(_ opened: ResidentAccess.Opened, typed: InvolvementForm = .init(), errors: FormErrors = .none, in context: Context) async throws -> FormPage {
        let id = try opened.household.requireID()
        let names = try await context.organizationNames(in: opened.household.tenantID)
        let chosen = Set(typed.domains ?? [])
        var fields = FieldBuilder(context, errors: errors)
        let parts: [FormPart] = [
            .field(fields.field("organization_id", .select, label: "users.organization",
                                options: names.sorted { $0.value < $1.value }.map { Option(value: $0.key.uuidString, label: $0.value, selected: $0.key.uuidString == typed.organization_id) },
                                choose: true)),
            .choices(fields.choices("domains", name: "domains[]", legend: "household.domains",
                                    options: context.domainOptions(chosen: chosen))),
            .field(fields.field("coordinator", .checkbox, label: "team.make_coordinator", checked: typed.coordinator == "on")),
        ]
        return FormPage(
            title: context.t("team.add"), lead: context.t("household.form_lead", opened.household.name),
            form: .init(action: SiteRoute.involvements.path(id), parts: parts, submit: context.t("team.add"), cancelHref: SiteRoute.household.path(id) + "#team-title"),
            errors: fields.namedErrors
        )
    }
}
