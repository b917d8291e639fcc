import Domain
import Fluent
import Vapor

/// The resident assesses themself in the portal, in plain language. It is
/// their own view: stored as a self-assessment, shown next to the
/// professional's, never instead of it.
struct PortalAssessmentController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.portalAssessmentNew, use: new)
        routes.post(SiteRoute.portalAssessments, use: create)
    }

    func new(req: Request) async throws -> Response {
        let (opened, resident) = try await PortalController.own(req, event: "portal.assessment_form")
        guard let instrument = req.instruments.instrument(req.query[String.self, at: "instrument"]) else { throw AppError.notFound }
        return try await page(req, resident, instrument, values: .init(instrument: instrument.id), errors: .none, opened: opened)
    }

    func create(req: Request) async throws -> Response {
        let (opened, resident) = try await PortalController.own(req, event: "portal.assessment_create", acting: true)
        let form = try req.content.decode(AssessmentFormPage.Form.self)
        guard let instrument = req.instruments.instrument(form.instrument) else { throw AppError.notFound }
        switch AssessmentStore.validate(form.submission, source: .own, catalog: req.instruments) {
        case .invalid(let issues):
            return try await page(req, resident, instrument, values: form, errors: FormErrors(issues, req: req), opened: opened, status: .unprocessableEntity)
        case .valid(let valid):
            let (_, basis) = try await req.residentAccess().openDomains(opened.household.id, valid.domains, event: "portal.assessment_create")
            _ = try await AssessmentStore.record(valid, household: opened.household, resident: resident, source: .own, basis: basis, in: req.context())
            return req.redirect(to: SiteRoute.portal.path() + "#my-progress", notice: .assessmentSaved)
        }
    }

    private func page(
        _ req: Request, _ resident: Resident, _ instrument: Instrument, values: AssessmentFormPage.Form, errors: FormErrors,
        opened: ResidentAccess.Opened, status: HTTPStatus = .ok
    ) async throws -> Response {
        let page = AssessmentFormPage.build(
            instrument, items: instrument.items(in: { opened.allows(.detail($0)) }), plain: true, person: resident.fullName,
            action: SiteRoute.portalAssessments.path(), backHref: SiteRoute.portal.path(), values: values, errors: errors, req: req
        )
        return try await req.page("assessments/form", title: page.title, page, status: status)
    }

    /// The resident's own progress for the portal: their assessments and the
    /// professionals', side by side, with links to assess themself.
    static func progress(_ opened: ResidentAccess.Opened, resident: Resident, in context: Context) async throws -> [AssessmentProgress.Member] {
        try await AssessmentProgress.build(
            opened, residents: [resident], plain: true,
            newLink: { _, instrument in SiteRoute.portalAssessmentNew.path() + "?instrument=" + instrument.id }, in: context
        ).members
    }
}
