import Domain
import Fluent
import Vapor

/// `/api/v1`: assessments as JSON, through the same access rule as the
/// pages. Another tenant's ids: 404; a domain the caller may not see is
/// left out of what is read and refused (403) for what is written.
struct AssessmentAPIController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.apiInstruments, use: instruments)
        routes.get(SiteRoute.apiHouseholdAssessments, use: list)
        routes.post(SiteRoute.apiHouseholdAssessments, use: create)
        routes.get(SiteRoute.apiAssessment, use: show)
    }

    func instruments(req: Request) async throws -> [InstrumentDTO] {
        _ = try req.requireActor()
        return req.instruments.instruments.map(InstrumentDTO.init)
    }

    func list(req: Request) async throws -> [AssessmentDTO] {
        let opened = try await req.residentAccess().open(req.id(.householdID), .identity, event: "assessment.read")
        let residentID = try req.query.get(UUID?.self, at: "residentId")
        let records = try await opened.assessments(residentID: residentID, on: req.db)
        let cipher = FieldCipher(key: req.application.config.keys.field)
        return try records.map { try AssessmentDTO($0, cipher: cipher) }
    }

    func show(req: Request) async throws -> AssessmentDTO {
        let access = try req.residentAccess()
        let (opened, assessment) = try await access.openAssessment(req.id(.assessmentID), event: "assessment.read")
        let assessmentID = try assessment.requireID()
        let visible = try await opened.assessments(assessmentID: assessmentID, on: req.db)
        guard let record = visible.first else {
            // None of its domains is the caller's: log the refusal on its first domain (403).
            let domain = try await access.firstDomain(of: assessment)
            _ = try await access.open(assessment.householdID, .detail(domain ?? .finances), event: "assessment.read")
            throw AppError.forbidden
        }
        return try AssessmentDTO(record, cipher: FieldCipher(key: req.application.config.keys.field))
    }

    func create(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let access = try req.residentAccess()
        let householdID = req.id(.householdID)
        let opened = try await access.open(householdID, .identity, event: "assessment.create")
        let body = try req.content.decode(NewAssessmentDTO.self)
        let source: AssessmentSource = actor.role == .resident ? .own : .professional
        let resident: Resident
        if source == .own {
            // A resident assesses only themself (or the person they represent).
            guard let own = try await access.ownResident(), own.householdID == opened.household.id else { throw AppError.forbidden }
            if let asked = body.residentId, asked != own.id { throw AppError.forbidden }
            resident = own
        } else {
            guard let chosen = try await opened.member(body.residentId, on: req.db) else {
                return APIProblem.invalid([.init(field: "resident", messageKey: "assessment.unknown_resident")], req: req)
            }
            resident = chosen
        }
        switch AssessmentStore.validate(body.submission, source: source, catalog: req.instruments) {
        case .invalid(let issues):
            return APIProblem.invalid(issues, req: req)
        case .valid(let valid):
            let (_, basis) = try await access.openDomains(householdID, valid.domains, event: "assessment.create")
            let assessment = try await AssessmentStore.record(valid, household: opened.household, resident: resident, source: source, basis: basis, in: req.context())
            let stored = try await opened.assessments(assessmentID: try assessment.requireID(), on: req.db)
            guard let record = stored.first else { throw AppError.notFound }
            let response = try await AssessmentDTO(record, cipher: FieldCipher(key: req.application.config.keys.field)).encodeResponse(status: .created, for: req)
            response.headers.replaceOrAdd(name: HTTPHeaders.Name.location, value: SiteRoute.apiAssessment.path(try assessment.requireID()))
            return response
        }
    }
}
