import Domain
import Vapor

/// Recording a resident's consent (given on paper, by phone, in person) on
/// its own page; terms once recorded never change.
enum ConsentNewPage {
    static func build(_ opened: ResidentAccess.Opened, typed: ConsentRecordForm = .init(), errors: FormErrors = .none, in context: Context) async throws -> FormPage {
        let id = try opened.household.requireID()
        let residents = try await opened.members(on: context.db)
        let names = try await context.organizationNames(in: opened.household.tenantID)
        let chosen = Set(typed.domains ?? [])
        var fields = FieldBuilder(context, errors: errors)
        let parts: [FormPart] = [
            .field(fields.field("resident_id", .select, label: "consent.resident",
                                options: residents.compactMap { r in r.id.map { Option(value: $0.uuidString, label: r.fullName, selected: $0.uuidString == typed.resident_id) } },
                                choose: residents.count > 1)),
            .field(fields.field("organization_id", .select, label: "consent.recipient",
                                options: names.sorted { $0.value < $1.value }.map { Option(value: $0.key.uuidString, label: $0.value, selected: $0.key.uuidString == typed.organization_id) },
                                choose: true)),
            .choices(fields.choices("domains", name: "domains[]", legend: "household.domains",
                                    options: context.domainOptions(chosen: chosen))),
            .field(fields.field("purpose", label: "consent.purpose", value: typed.purpose, maxLength: 200)),
            .field(fields.field("valid_from", .date, label: "consent.valid_from", value: typed.valid_from ?? context.today)),
            .field(fields.field("valid_to", .date, label: "consent.valid_to", value: typed.valid_to)),
            .field(fields.field("method", .select, label: "consent.method",
                                options: ConsentMethod.allCases.filter { $0 != .portal }.map { Option(value: $0.rawValue, label: context.t("consent.method.\($0.rawValue)"), selected: $0.rawValue == typed.method) },
                                choose: true)),
        ]
        return FormPage(
            title: context.t("consent.record"), lead: context.t("household.form_lead", opened.household.name),
            form: .init(action: SiteRoute.consents.path(id), parts: parts, submit: context.t("consent.record"), cancelHref: SiteRoute.household.path(id) + "#consents-title"),
            errors: fields.namedErrors
        )
    }
}
