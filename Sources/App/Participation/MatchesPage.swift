import Domain
import Foundation

/// The resident's matches in the portal (B1): each offer with why it fits
/// and what does not.
struct MatchesPage: Encodable {
    struct Row: Encodable {
        let name: String; let href: String; let provider: String; let kind: String; let times: String
        let reasons: [String]; let misfits: [String]
    }

    let rows: [Row]
    let hasProfile: Bool
    let profileHref: String

    static func build(_ matches: [ParticipationMatches.Match], hasProfile: Bool, in context: Context) -> MatchesPage {
        MatchesPage(rows: matches.map { match in
            Row(name: match.service.name, href: SiteRoute.socialMapService.path(match.service.id ?? UUID()), provider: match.provider,
                kind: context.t("participation.kind.\(match.offer.kind)"),
                times: context.halfDaysText(HalfDays(mask: match.offer.times)),
                reasons: match.explanation.reasons.map { words($0, in: context) }, misfits: match.explanation.misfits.map { words($0, in: context) })
        }, hasProfile: hasProfile, profileHref: SiteRoute.portalParticipation.path())
    }

    static func words(_ reason: MatchReason, in context: Context) -> String {
        switch reason {
        case .sharedTalents(let codes): context.t("participation.why.talents", context.talentsText(codes, in: context.talents).lowercased())
        case .fitsTimes(let days): context.t("participation.why.times", context.halfDaysText(days))
        case .withinReach(let kilometres, let most): context.t("participation.why.near", String(kilometres), String(most))
        case .supportThere(let kinds): context.t("participation.why.support", context.supportText(kinds.map(\.rawValue)).lowercased())
        case .stepUp(let from, let to): context.t("participation.why.step", String(from), String(to))
        }
    }

    static func words(_ misfit: MatchMisfit, in context: Context) -> String {
        switch misfit {
        case .noSharedTalent: context.t("participation.misfit.talents")
        case .noCommonTime: context.t("participation.misfit.times")
        case .tooFar(let kilometres, let most): context.t("participation.misfit.far", String(kilometres), String(most))
        case .distanceUnknown: context.t("participation.misfit.distance_unknown")
        case .supportMissing(let kinds): context.t("participation.misfit.support", context.supportText(kinds.map(\.rawValue)).lowercased())
        case .bigStep(let from, let to): context.t("participation.misfit.big_step", String(from), String(to))
        case .noPlaceFree: context.t("participation.misfit.full")
        }
    }
}
