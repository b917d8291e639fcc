import Domain
import Foundation

/// The offering organisation's candidates for one offer: those who agreed
/// to be put forward, each with why they fit and a way to answer, and of
/// the rest a count at most.
struct CandidatesPage: Encodable {
    struct Row: Encodable {
        let name: String; let since: String; let status: String; let reasons: [String]; let misfits: [String]
        let action: String?; let version: Int
        /// Where the host starts the placement, once it accepted and none runs yet.
        let start: PlacementCard.Box?
    }

    /// Someone of the municipal team's own caseload the offer fits: their household, why it fits.
    struct CaseloadRow: Encodable { let name: String; let href: String; let reasons: [String]; let misfits: [String] }

    /// What was typed into a refused start form.
    struct Typed { let id: UUID; let startedOn: String?; let weeks: String? }

    let serviceName: String
    let serviceHref: String
    let rows: [Row]
    let others: String
    let placements: [PlacementCard]
    let caseload: [CaseloadRow]
    let errors: FormErrors

    static func build(_ view: ParticipationCandidates.View, placements: [(ParticipationPlacements.Record, String)], caseload: [ParticipationCaseload.Candidate] = [],
                      service: Service, offer: ParticipationOffer, typed: Typed?, placement: PlacementCards.Typed?, errors: FormErrors, in context: Context) -> CandidatesPage {
        let serviceID = service.id ?? UUID(), today = PlacementController.today
        let started = Set(placements.map(\.0.placement.proposalID))
        var fields = FieldBuilder(context, errors: errors)
        func start(_ proposal: ParticipationProposal, name: String) -> PlacementCard.Box? {
            guard proposal.proposalStatus == .accepted, let id = proposal.id, !started.contains(id) else { return nil }
            let prefix = PlacementController.prefix(id), mine = typed?.id == id ? typed : nil
            let weeks = CheckInSchedule.weekChoices.map { Option(value: String($0), label: context.t("participation.every_weeks", String($0)), selected: (mine?.weeks ?? "4") == String($0)) }
            return .init(action: SiteRoute.socialMapServiceCandidateStart.path(serviceID, id), version: proposal.version, form: .init(parts: [
                .field(fields.field("\(prefix)-started", name: "started_on", .date, label: "participation.started_on", value: mine?.startedOn ?? today.iso)),
                .field(fields.field("\(prefix)-weeks", name: "check_in_weeks", .select, label: "participation.check_in_weeks", options: weeks)),
            ]), submit: context.t("participation.start"), submitHidden: name)
        }
        let cards = placements.map { record, name in
            PlacementCards.build(record, title: name, other: name, party: .host,
                                 links: .init(checkIn: SiteRoute.socialMapPlacementCheckIn.path(serviceID, record.placement.id ?? UUID()),
                                              end: SiteRoute.socialMapPlacementEnd.path(serviceID, record.placement.id ?? UUID())),
                                 today: today, typed: placement, errors: errors, in: context)
        }
        return CandidatesPage(
            serviceName: service.name, serviceHref: SiteRoute.socialMapService.path(serviceID),
            rows: view.candidates.map { candidate in
                // Once placed, the place they hold is no misfit.
                let placed = candidate.proposal.id.map(started.contains) ?? false
                return Row(name: candidate.name, since: context.day(Day.string(candidate.proposal.createdAt)),
                    status: context.t(placed ? "participation.candidate.placed" : "participation.candidate.\(candidate.proposal.status)"),
                    reasons: candidate.explanation?.reasons.map { MatchesPage.words($0, voice: .about, in: context) } ?? [],
                    misfits: candidate.explanation?.misfits.filter { !(placed && $0 == .noPlaceFree) }.map { MatchesPage.words($0, voice: .about, in: context) } ?? [],
                    action: candidate.proposal.proposalStatus == .proposed ? candidate.proposal.id.map { SiteRoute.socialMapServiceCandidate.path(serviceID, $0) } : nil,
                    version: candidate.proposal.version, start: start(candidate.proposal, name: candidate.name))
            },
            others: view.othersFitting.map { context.t("participation.others_fitting", String($0)) } ?? context.t("participation.others_few"),
            placements: cards,
            caseload: caseload.map { candidate in
                CaseloadRow(name: candidate.name, href: SiteRoute.household.path(candidate.householdID),
                            reasons: candidate.explanation.reasons.map { MatchesPage.words($0, voice: .about, in: context) },
                            misfits: candidate.explanation.misfits.map { MatchesPage.words($0, voice: .about, in: context) })
            },
            errors: fields.namedErrors)
    }
}
