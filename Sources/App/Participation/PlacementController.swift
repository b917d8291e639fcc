import Domain
import Fluent
import Vapor

/// Placements (issue 24): the host starts one for a candidate it accepted;
/// resident and host each answer its check-ins and either ends it. A
/// refused form comes back on its page with what was typed.
struct PlacementController {
    func register(_ routes: any RoutesBuilder) {
        routes.post(SiteRoute.socialMapServiceCandidateStart, use: start)
        routes.post(SiteRoute.socialMapPlacementCheckIn, use: hostCheckIn)
        routes.post(SiteRoute.socialMapPlacementEnd, use: hostEnd)
        routes.post(SiteRoute.portalPlacementCheckIn, use: residentCheckIn)
        routes.post(SiteRoute.portalPlacementEnd, use: residentEnd)
    }

    struct StartForm: Content { var started_on: String?; var check_in_weeks: String?; var version: String? }
    struct CheckInForm: Content { var answer: String?; var words: String?; var version: String? }
    struct EndForm: Content { var reason: String?; var ended_on: String?; var version: String? }

    static func prefix(_ id: UUID) -> String { "p\(id.uuidString.prefix(8).lowercased())" }
    static var today: CivilDay { CivilDay(Day.today())! }

    func start(req: Request) async throws -> Response {
        let (service, offer) = try await ProposalController.hostOffer(req)
        guard let proposalID = req.id(.proposalID), let organizationID = try req.requireActor().organizationID else { throw AppError.notFound }
        let form = try req.content.decode(StartForm.self)
        let typed = CandidatesPage.Typed(id: proposalID, startedOn: form.started_on, weeks: form.check_in_weeks)
        let schedule: CheckInSchedule
        switch PlacementCheck.start(startedOn: form.started_on, weeks: form.check_in_weeks, today: Self.today, prefix: Self.prefix(proposalID)) {
        case .failure(let invalid): return try await ProposalController.renderCandidates(req, service, offer, typed: typed, errors: FormErrors(invalid.issues, req: req))
        case .success(let checked): schedule = checked
        }
        do {
            try await ParticipationPlacements.start(proposalID, of: offer, service: service, hostOrganizationID: organizationID,
                                                   .init(schedule: schedule, seenVersion: Int(form.version ?? "") ?? -1), context: req.context())
        } catch let refusal as ParticipationPlacements.Refusal {
            return try await ProposalController.renderCandidates(req, service, offer, typed: typed, errors: Self.refused(refusal, field: "\(Self.prefix(proposalID))-started", req), status: .conflict)
        } catch AppError.conflict {
            return try await ProposalController.renderCandidates(req, service, offer, typed: typed, errors: Self.refused(nil, field: "\(Self.prefix(proposalID))-started", req), status: .conflict)
        }
        return req.redirect(to: SiteRoute.socialMapServiceCandidates.path(try service.requireID()), notice: .placementStarted)
    }

    func hostCheckIn(req: Request) async throws -> Response {
        let (service, offer) = try await ProposalController.hostOffer(req)
        let record = try await ParticipationPlacements.hosted(try Self.placementID(req), of: offer, on: req.db)
        let form = try req.content.decode(CheckInForm.self)
        let outcome = try await Self.checkIn(req, record.placement, by: .host, form, basis: .consent)
        guard let (typed, errors, status) = outcome else {
            return req.redirect(to: SiteRoute.socialMapServiceCandidates.path(try service.requireID()) + "#" + PlacementCards.anchor(record.placement.id!), notice: .checkInSaved)
        }
        return try await ProposalController.renderCandidates(req, service, offer, placement: typed, errors: errors, status: status)
    }

    func hostEnd(req: Request) async throws -> Response {
        let (service, offer) = try await ProposalController.hostOffer(req)
        let record = try await ParticipationPlacements.hosted(try Self.placementID(req), of: offer, on: req.db)
        let form = try req.content.decode(EndForm.self)
        guard let (typed, errors, status) = try await Self.end(req, record.placement, form, basis: .consent) else {
            return req.redirect(to: SiteRoute.socialMapServiceCandidates.path(try service.requireID()), notice: .placementEnded)
        }
        return try await ProposalController.renderCandidates(req, service, offer, placement: typed, errors: errors, status: status)
    }

    func residentCheckIn(req: Request) async throws -> Response {
        let (opened, resident) = try await PortalController.own(req, event: "placement.check_in", acting: true)
        let placement = try await Self.own(req, opened, resident)
        let form = try req.content.decode(CheckInForm.self)
        guard let (typed, errors, status) = try await Self.checkIn(req, placement, by: .resident, form, basis: opened.basis) else {
            return req.redirect(to: SiteRoute.portalParticipationMatches.path() + "#" + PlacementCards.anchor(try placement.requireID()), notice: .checkInSaved)
        }
        return try await ProfileController.renderMatches(req, opened, resident, placement: typed, errors: errors, status: status)
    }

    func residentEnd(req: Request) async throws -> Response {
        let (opened, resident) = try await PortalController.own(req, event: "placement.end", acting: true)
        let placement = try await Self.own(req, opened, resident)
        let form = try req.content.decode(EndForm.self)
        guard let (typed, errors, status) = try await Self.end(req, placement, form, basis: opened.basis) else {
            return req.redirect(to: SiteRoute.portalParticipationMatches.path(), notice: .placementEnded)
        }
        return try await ProfileController.renderMatches(req, opened, resident, placement: typed, errors: errors, status: status)
    }

    private static func placementID(_ req: Request) throws -> UUID {
        guard let id = req.id(.placementID) else { throw AppError.notFound }
        return id
    }

    private static func own(_ req: Request, _ opened: ResidentAccess.Opened, _ resident: Resident) async throws -> ParticipationPlacement {
        let id = try placementID(req)
        guard let record = try await opened.participationPlacements(of: try resident.requireID(), on: req.db).first(where: { $0.placement.id == id })
        else { throw AppError.notFound }
        return record.placement
    }

    typealias Refused = (PlacementCards.Typed, FormErrors, HTTPStatus)

    /// Saves one party's answer; what to show again when it is refused.
    private static func checkIn(_ req: Request, _ placement: ParticipationPlacement, by party: ParticipationCheckIn.Party, _ form: CheckInForm,
                                basis: AccessBasis) async throws -> Refused? {
        let id = try placement.requireID(), prefix = prefix(id)
        let typed = PlacementCards.Typed(placementID: id, answer: form.answer, words: form.words)
        switch PlacementCheck.checkIn(answer: form.answer, words: form.words, prefix: prefix) {
        case .failure(let invalid): return (typed, FormErrors(invalid.issues, req: req), .unprocessableEntity)
        case .success(let (answer, words)):
            do {
                try await ParticipationPlacements.checkIn(placement, by: party, .init(answer: answer, words: words, seenVersion: Int(form.version ?? "") ?? -1),
                                                          today: today, audit: basis, context: req.context())
            } catch let refusal as ParticipationPlacements.Refusal {
                return (typed, refused(refusal, field: "\(prefix)-answer", req), .conflict)
            } catch AppError.conflict {
                return (typed, refused(nil, field: "\(prefix)-answer", req), .conflict)
            }
            return nil
        }
    }

    private static func end(_ req: Request, _ placement: ParticipationPlacement, _ form: EndForm, basis: AccessBasis) async throws -> Refused? {
        let id = try placement.requireID(), prefix = prefix(id)
        let typed = PlacementCards.Typed(placementID: id, reason: form.reason, endedOn: form.ended_on)
        guard let started = CivilDay(placement.startedOn) else { throw AppError.notFound }
        switch PlacementCheck.end(reason: form.reason, endedOn: form.ended_on, startedOn: started, today: today, prefix: prefix) {
        case .failure(let invalid): return (typed, FormErrors(invalid.issues, req: req), .unprocessableEntity)
        case .success(let (reason, day)):
            do {
                try await ParticipationPlacements.end(placement, .init(reason: reason, endedOn: day, seenVersion: Int(form.version ?? "") ?? -1),
                                                      today: today, audit: basis, context: req.context())
            } catch let refusal as ParticipationPlacements.Refusal {
                return (typed, refused(refusal, field: "\(prefix)-reason", req), .conflict)
            } catch AppError.conflict {
                return (typed, refused(nil, field: "\(prefix)-reason", req), .conflict)
            }
            return nil
        }
    }

    /// A refusal in words, on the field it concerns; nil: changed meanwhile.
    private static func refused(_ refusal: ParticipationPlacements.Refusal?, field: String, _ req: Request) -> FormErrors {
        let key = switch refusal {
        case .notAccepted?: "participation.placement_not_accepted"
        case .noPlaceFree?: "participation.placement_no_place"
        case .alreadyStarted?: "participation.placement_already_started"
        case .ended?: "participation.placement_has_ended"
        case .notStarted?: "participation.placement_not_started"
        case .badDay?: "participation.ended_on_range"
        case nil: "participation.conflict"
        }
        return FormErrors([.init(field: field, messageKey: key)], req: req)
    }
}
