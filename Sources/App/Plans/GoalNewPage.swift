import Domain
import Vapor

/// Adding a goal, on its own page: the life domains this viewer may write
/// in, and what was typed when the form was refused.
enum GoalNewPage {
    static func build(_ opened: ResidentAccess.Opened, typed: GoalForm = .init(), errors: FormErrors = .none, in context: Context) throws -> FormPage {
        let id = try opened.household.requireID()
        let domains = LifeDomain.allCases.filter { opened.allows(.write($0)) }
        var fields = FieldBuilder(context, errors: errors)
        let parts: [FormPart] = [
            .field(fields.field("goal_domain", name: "domain", .select, label: "goal.domain",
                                options: context.domainOptions(domains, chosen: Set([typed.domain].compactMap { $0 })),
                                choose: true)),
            .field(fields.field("goal_title", name: "title", label: "goal.title", hint: "goal.title_hint", value: typed.title, maxLength: 300)),
            .field(fields.field("goal_target", name: "target", label: "goal.target", value: typed.target, maxLength: 500)),
        ]
        return FormPage(
            title: context.t("goal.add"), lead: context.t("household.form_lead", opened.household.name),
            form: .init(action: SiteRoute.goals.path(id), parts: parts, submit: context.t("goal.add"), cancelHref: SiteRoute.household.path(id) + "#plan-title"),
            errors: fields.namedErrors
        )
    }
}
