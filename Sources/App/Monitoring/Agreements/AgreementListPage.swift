import Domain
import Fluent
import Vapor

/// The agreements this reader takes part in, and (for the municipality) the
/// way to make a new one.
struct AgreementListPage: Encodable {
    struct Row: Encodable { let title: String; let partner: String; let href: String; let targets: Int }

    let rows: [Row]
    let newHref: String?
    let lead: String

    static func build(_ req: Request, desk: AgreementDesk) async throws -> AgreementListPage {
        let agreements = try await desk.list()
        let names = try await desk.context.organizationNames(in: desk.actor.tenantID)
        var counts: [UUID: Int] = [:]
        if !agreements.isEmpty {
            let targets = try await ImpactAgreementTarget.scoped(to: desk.actor.tenantID, on: req.db)
                .filter(\.$agreementID ~~ agreements.compactMap(\.id)).all()
            for target in targets { counts[target.agreementID, default: 0] += 1 }
        }
        let municipality = AgreementController.speaksForMunicipality(desk.actor)
        return AgreementListPage(
            rows: agreements.map { Row(title: $0.title, partner: names[$0.organizationID] ?? "", href: SiteRoute.agreement.path($0.id!),
                                       targets: counts[$0.id!] ?? 0) },
            newHref: municipality ? SiteRoute.agreementNew.path() : nil,
            lead: req.t(municipality ? "agreement.list_lead.municipality" : "agreement.list_lead.partner"))
    }

    static func newForm(_ req: Request, partners: [Organization], typed: AgreementForms.NewAgreement = .init(),
                        errors: FormErrors = .none) throws -> FormPage {
        var fields = FieldBuilder(req, errors: errors)
        let options = partners.map { Option(value: $0.id!.uuidString, label: $0.name, selected: $0.id?.uuidString == typed.organization_id) }
        let parts: [FormPart] = [
            .field(fields.field("organization_id", .select, label: "agreement.partner", hint: "agreement.partner_hint", options: options, choose: true)),
            .field(fields.field("title", label: "agreement.title", hint: "agreement.title_hint", value: typed.title, maxLength: 200)),
        ]
        return FormPage(
            title: req.t("agreement.new"), lead: req.t("agreement.new_lead"),
            form: .init(action: SiteRoute.agreements.path(), parts: parts, submit: req.t("agreement.create"), cancelHref: SiteRoute.agreements.path()),
            errors: fields.namedErrors)
    }
}
