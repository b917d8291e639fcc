import Domain
import Foundation

/// The offering organisation's candidates for one offer: those who agreed
/// to be put forward, each with why they fit and a way to answer, and of
/// the rest a count at most.
struct CandidatesPage: Encodable {
    struct Row: Encodable {
        let name: String; let since: String; let status: String; let reasons: [String]; let misfits: [String]
        let action: String?; let version: Int
    }

    let serviceName: String
    let serviceHref: String
    let rows: [Row]
    let others: String

    static func build(_ view: ParticipationCandidates.View, service: Service, offer: ParticipationOffer, in context: Context) -> CandidatesPage {
        let serviceID = service.id ?? UUID()
        return CandidatesPage(
            serviceName: service.name, serviceHref: SiteRoute.socialMapService.path(serviceID),
            rows: view.candidates.map { candidate in
                Row(name: candidate.name, since: context.day(Day.string(candidate.proposal.createdAt)),
                    status: context.t("participation.candidate.\(candidate.proposal.status)"),
                    reasons: candidate.explanation?.reasons.map { MatchesPage.words($0, voice: .about, in: context) } ?? [],
                    misfits: candidate.explanation?.misfits.map { MatchesPage.words($0, voice: .about, in: context) } ?? [],
                    action: candidate.proposal.proposalStatus == .proposed ? candidate.proposal.id.map { SiteRoute.socialMapServiceCandidate.path(serviceID, $0) } : nil,
                    version: candidate.proposal.version)
            },
            others: view.othersFitting.map { context.t("participation.others_fitting", String($0)) } ?? context.t("participation.others_few"))
    }
}
