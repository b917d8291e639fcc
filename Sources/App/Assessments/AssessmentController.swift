import Domain
import Fluent
import Vapor

/// A professional scores an instrument for one household member, in the
/// life domains the access rule lets them see; progress is on the household page.
struct AssessmentController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.assessmentNew, use: new)
        routes.post(SiteRoute.assessments, use: create)
    }

    func new(req: Request) async throws -> Response {
        let (opened, resident) = try await Self.open(req, event: "assessment.form")
        guard let instrument = req.instruments.instrument(req.query[String.self, at: "instrument"]) else { throw AppError.notFound }
        let values = AssessmentFormPage.Form(instrument: instrument.id)
        return try await Self.page(req, opened, resident, instrument, values: values, errors: .none)
    }

    func create(req: Request) async throws -> Response {
        let (opened, resident) = try await Self.open(req, event: "assessment.create")
        let form = try req.content.decode(AssessmentFormPage.Form.self)
        guard let instrument = req.instruments.instrument(form.instrument) else { throw AppError.notFound }
        switch AssessmentStore.validate(form.submission, source: .professional, catalog: req.instruments) {
        case .invalid(let issues):
            return try await Self.page(req, opened, resident, instrument, values: form, errors: FormErrors(issues, req: req), status: .unprocessableEntity)
        case .valid(let valid):
            // Every domain scored needs detail access; the first refused is a 403, nothing stored.
            let (_, basis) = try await req.residentAccess().openDomains(opened.household.id, valid.domains, event: "assessment.create")
            _ = try await AssessmentStore.record(valid, household: opened.household, resident: resident, source: .professional, basis: basis, in: req.context())
            return req.redirect(to: SiteRoute.household.path(try opened.household.requireID()) + "#progress-\(try resident.requireID())", notice: .assessmentSaved)
        }
    }

    /// The household (identity is enough to reach the form) and the member in the path; professionals only.
    static func open(_ req: Request, event: String) async throws -> (ResidentAccess.Opened, Resident) {
        let actor = try req.requireActor()
        let opened = try await req.residentAccess().open(req.id(.householdID), .identity, event: event)
        guard actor.role == .professional else { throw AppError.notFound }
        return (opened, try await opened.requireMember(req.text(.residentID), on: req.db))
    }

    static func page(
        _ req: Request, _ opened: ResidentAccess.Opened, _ resident: Resident, _ instrument: Instrument,
        values: AssessmentFormPage.Form, errors: FormErrors, status: HTTPStatus = .ok
    ) async throws -> Response {
        let items = instrument.items(in: { opened.allows(.write($0)) })
        guard !items.isEmpty else { throw AppError.forbidden }
        let householdID = try opened.household.requireID()
        let residentID = try resident.requireID()
        let page = AssessmentFormPage.build(
            instrument, items: items, plain: false, person: resident.fullName,
            action: SiteRoute.assessments.path(householdID, residentID),
            backHref: SiteRoute.household.path(householdID), values: values, errors: errors, req: req
        )
        return try await req.page("assessments/form", title: page.title, page, status: status)
    }
}
