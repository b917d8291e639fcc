import Domain
import Vapor

/// The coordinator's forms for who belongs to the household: a new member,
/// and a representative (bewindvoerder, mentor, …) who gets a portal account.
enum MemberNewPages {
    static func member(_ opened: ResidentAccess.Opened, typed: MemberForm = .init(), errors: FormErrors = .none, in context: Context) throws -> FormPage {
        let id = try opened.household.requireID()
        var fields = FieldBuilder(context, errors: errors)
        let relations = HouseholdRelation.allCases.filter { $0 != .head }
        let parts: [FormPart] = [
            .field(fields.field("member_given_name", name: "given_name", label: "intake.given_name", value: typed.given_name, maxLength: 100, autocomplete: "off")),
            .field(fields.field("member_family_name", name: "family_name", label: "intake.family_name", value: typed.family_name, maxLength: 100, autocomplete: "off")),
            .field(fields.field("member_birth_date", name: "birth_date", label: "intake.birth_date", hint: "intake.date_hint", value: typed.birth_date,
                                maxLength: 10, autocomplete: "off", inputMode: "numeric")),
            .field(fields.field("member_relation", name: "relation", .select, label: "household.relation",
                                options: relations.map { Option(value: $0.rawValue, label: context.t("relation.\($0.rawValue)"), selected: $0.rawValue == typed.relation) },
                                choose: true)),
        ]
        return FormPage(
            title: context.t("member.add"), lead: context.t("household.form_lead", opened.household.name),
            form: .init(action: SiteRoute.members.path(id), parts: parts, submit: context.t("member.add"), cancelHref: SiteRoute.household.path(id) + "#members-title"),
            errors: fields.namedErrors
        )
    }

    static func representative(_ opened: ResidentAccess.Opened, typed: RepresentativeForm = .init(), errors: FormErrors = .none,
                               in context: Context) async throws -> FormPage {
        let id = try opened.household.requireID()
        let residents = try await opened.members(on: context.db)
        var fields = FieldBuilder(context, errors: errors)
        let parts: [FormPart] = [
            .field(fields.field("representative_resident", name: "resident_id", .select, label: "representation.for_whom",
                                options: residents.compactMap { r in r.id.map { Option(value: $0.uuidString, label: r.fullName, selected: $0.uuidString == typed.resident_id) } },
                                choose: residents.count > 1)),
            .field(fields.field("representative_kind", name: "kind", .select, label: "representation.kind",
                                options: RepresentationKind.allCases.map { Option(value: $0.rawValue, label: context.t("representation.\($0.rawValue)"), selected: $0.rawValue == typed.kind) },
                                choose: true)),
            .field(fields.field("representative_name", name: "display_name", label: "users.display_name", value: typed.display_name, maxLength: 120)),
            .field(fields.field("representative_username", name: "username", label: "users.username", value: typed.username, maxLength: 64, autocomplete: "off")),
        ]
        return FormPage(
            title: context.t("representation.add"), lead: context.t("household.form_lead", opened.household.name),
            form: .init(action: SiteRoute.representatives.path(id), parts: parts, submit: context.t("representation.add"), cancelHref: SiteRoute.household.path(id) + "#members-title"),
            errors: fields.namedErrors
        )
    }
}
