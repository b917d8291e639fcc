/// Why an offer suits someone: each shown exactly when its condition holds.
public enum MatchReason: Hashable, Sendable {
    /// Talents and interests both name (sorted codes).
    case sharedTalents([String])
    /// Half-days the offer takes place and the person is free.
    case fitsTimes(HalfDays)
    /// Within the distance the person travels (kilometres, rounded up; at least 1).
    case withinReach(kilometres: Int, most: Int)
    /// Every kind of support the person needs is there.
    case supportThere([SupportKind])
    /// One or two rungs up the participation ladder from where they are.
    case stepUp(from: Int, to: Int)
}

/// What does not fit: shown as plainly as the reasons.
public enum MatchMisfit: Hashable, Sendable {
    case noSharedTalent
    case noCommonTime
    case tooFar(kilometres: Int, most: Int)
    case distanceUnknown
    /// Support the person needs that the offer does not give.
    case supportMissing([SupportKind])
    /// More than two rungs up the ladder at once.
    case bigStep(from: Int, to: Int)
    case noPlaceFree
}

/// One offer for one person, explained.
public struct MatchExplanation: Equatable, Sendable {
    public let score: Int
    public let reasons: [MatchReason]
    public let misfits: [MatchMisfit]
}

/// Matching people and participation offers, both ways, by one rule.
/// An offer of a kind the person does not want is never proposed, nor one
/// that shares none of their talents; every other offer is ranked by what
/// fits, minus what does not, and explained.
public enum ParticipationMatching {
    /// Nil when the person does not want this kind of offer.
    public static func explain(_ wish: ParticipationWish, _ offer: OfferTerms, kilometres: Double?) -> MatchExplanation? {
        guard !wish.notWanted.contains(offer.kind) else { return nil }
        var reasons: [MatchReason] = [], misfits: [MatchMisfit] = [], score = 0
        let shared = wish.talents.intersection(offer.talents).sorted()
        if shared.isEmpty { misfits.append(.noSharedTalent) } else {
            reasons.append(.sharedTalents(shared))
            score += 3 * min(shared.count, 3)
        }
        if !offer.times.isEmpty, !wish.availability.isEmpty {
            let common = wish.availability.intersection(offer.times)
            if common.isEmpty { misfits.append(.noCommonTime); score -= 3 } else { reasons.append(.fitsTimes(common)); score += 3 }
        }
        if let kilometres {
            let distance = max(1, Int(kilometres.rounded(.up)))
            if kilometres <= Double(wish.maxKilometres) { reasons.append(.withinReach(kilometres: distance, most: wish.maxKilometres)); score += 3 } else {
                misfits.append(.tooFar(kilometres: distance, most: wish.maxKilometres)); score -= 4
            }
        } else {
            misfits.append(.distanceUnknown)
        }
        let missing = wish.needs.subtracting(offer.support)
        if !missing.isEmpty { misfits.append(.supportMissing(sorted(missing))); score -= 3 } else if !wish.needs.isEmpty {
            reasons.append(.supportThere(sorted(wish.needs))); score += 2
        }
        if let rung = wish.rung {
            if offer.rung > rung + 2 { misfits.append(.bigStep(from: rung, to: offer.rung)); score -= 2 } else if offer.rung > rung {
                reasons.append(.stepUp(from: rung, to: offer.rung)); score += 2
            }
        }
        if offer.placesFree <= 0 { misfits.append(.noPlaceFree); score -= 5 }
        return MatchExplanation(score: score, reasons: reasons, misfits: misfits)
    }

    public struct Ranked<ID: Comparable & Sendable>: Sendable {
        public let id: ID
        public let explanation: MatchExplanation
    }

    /// Whether an offer can be a person's match at all: it shares a talent
    /// or interest with them (taking part *by talent*), and they do not rule
    /// its kind out. Only these are ranked; the host's count of fitting
    /// profiles is of these too.
    public static func isMatch(_ wish: ParticipationWish, _ offer: OfferTerms) -> Bool {
        !wish.notWanted.contains(offer.kind) && !wish.talents.isDisjoint(with: offer.talents)
    }

    /// The matches, best first; equal scores by fewer misfits, then by id,
    /// so the order never depends on how the database returned them.
    public static func rank<ID: Comparable & Sendable>(_ candidates: [(id: ID, wish: ParticipationWish, offer: OfferTerms, kilometres: Double?)],
                                                      limit: Int = .max) -> [Ranked<ID>] {
        let explained = candidates.filter { isMatch($0.wish, $0.offer) }.compactMap { candidate in
            explain(candidate.wish, candidate.offer, kilometres: candidate.kilometres).map { Ranked(id: candidate.id, explanation: $0) }
        }
        return Array(explained.sorted { a, b in
            if a.explanation.score != b.explanation.score { return a.explanation.score > b.explanation.score }
            if a.explanation.misfits.count != b.explanation.misfits.count { return a.explanation.misfits.count < b.explanation.misfits.count }
            return a.id < b.id
        }.prefix(limit))
    }

    private static func sorted(_ kinds: Set<SupportKind>) -> [SupportKind] {
        SupportKind.allCases.filter(kinds.contains)
    }
}
