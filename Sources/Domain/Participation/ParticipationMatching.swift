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
        var words = Explaining()
        guard let score = weigh(wish, offer, kilometres: kilometres, noting: &words) else { return nil }
        return MatchExplanation(score: score, reasons: words.reasons, misfits: words.misfits)
    }

    /// A match's place in the ranking: its score, then fewer misfits.
    public struct Standing: Comparable, Sendable {
        public let score: Int
        public let misfits: Int
        @usableFromInline init(score: Int, misfits: Int) { (self.score, self.misfits) = (score, misfits) }
        public static func < (a: Standing, b: Standing) -> Bool { (a.score, -a.misfits) < (b.score, -b.misfits) }
    }

    /// What `explain` would score, without putting the words together: what
    /// ranking thousands of offers needs, of which only the shown are explained.
    public static func standing(_ wish: ParticipationWish, _ offer: OfferTerms, kilometres: Double?) -> Standing? {
        var counting = Counting()
        return weigh(wish, offer, kilometres: kilometres, noting: &counting).map { Standing(score: $0, misfits: counting.misfits) }
    }

    /// The rule itself, once: the score, and each reason and misfit handed to
    /// `notes` as it is found (built only when `notes` keeps them).
    static func weigh(_ wish: ParticipationWish, _ offer: OfferTerms, kilometres: Double?, noting notes: inout some Notes) -> Int? {
        guard !wish.notWanted.contains(offer.kind) else { return nil }
        var score = 0
        let shared = offer.talents.reduce(0) { wish.talents.contains($1) ? $0 + 1 : $0 }
        if shared == 0 { notes.misfit(.noSharedTalent) } else {
            notes.reason(.sharedTalents(wish.talents.intersection(offer.talents).sorted()))
            score += 3 * min(shared, 3)
        }
        if !offer.times.isEmpty, !wish.availability.isEmpty {
            let common = wish.availability.intersection(offer.times)
            if common.isEmpty { notes.misfit(.noCommonTime); score -= 3 } else { notes.reason(.fitsTimes(common)); score += 3 }
        }
        if let kilometres {
            let distance = max(1, Int(kilometres.rounded(.up)))
            if kilometres <= Double(wish.maxKilometres) { notes.reason(.withinReach(kilometres: distance, most: wish.maxKilometres)); score += 3 } else {
                notes.misfit(.tooFar(kilometres: distance, most: wish.maxKilometres)); score -= 4
            }
        } else {
            notes.misfit(.distanceUnknown)
        }
        if !wish.needs.isSubset(of: offer.support) { notes.misfit(.supportMissing(sorted(wish.needs.subtracting(offer.support)))); score -= 3 } else if !wish.needs.isEmpty {
            notes.reason(.supportThere(sorted(wish.needs))); score += 2
        }
        if let rung = wish.rung {
            if offer.rung > rung + 2 { notes.misfit(.bigStep(from: rung, to: offer.rung)); score -= 2 } else if offer.rung > rung {
                notes.reason(.stepUp(from: rung, to: offer.rung)); score += 2
            }
        }
        if offer.placesFree <= 0 { notes.misfit(.noPlaceFree); score -= 5 }
        return score
    }

    public struct Ranked<ID: Comparable & Sendable>: Sendable {
        public let id: ID
        public let explanation: MatchExplanation
        @usableFromInline init(id: ID, explanation: MatchExplanation) { (self.id, self.explanation) = (id, explanation) }
    }

    /// Whether an offer can be a person's match at all: it shares a talent
    /// or interest with them (taking part *by talent*), and they do not rule
    /// its kind out. Only these are ranked; the host's count of fitting
    /// profiles is of these too.
    public static func isMatch(_ wish: ParticipationWish, _ offer: OfferTerms) -> Bool {
        !wish.notWanted.contains(offer.kind) && !wish.talents.isDisjoint(with: offer.talents)
    }

    /// The matches, best first; equal scores by fewer misfits, then by id,
    /// so the order never depends on how the database returned them. Only
    /// the first `limit` are explained.
    @inlinable public static func rank<ID: Comparable & Sendable>(_ candidates: [(id: ID, wish: ParticipationWish, offer: OfferTerms, kilometres: Double?)],
                                                      limit: Int = .max) -> [Ranked<ID>] {
        ordered(candidates).prefix(limit).compactMap { index in
            let candidate = candidates[index]
            return explain(candidate.wish, candidate.offer, kilometres: candidate.kilometres).map { Ranked(id: candidate.id, explanation: $0) }
        }
    }

    /// The matches' ids in `rank`'s order, none explained: for a caller that
    /// explains only those it shows.
    @inlinable public static func order<ID: Comparable & Sendable>(_ candidates: [(id: ID, wish: ParticipationWish, offer: OfferTerms, kilometres: Double?)]) -> [ID] {
        ordered(candidates).map { candidates[$0].id }
    }

    /// Inlinable, so that it is specialised for the caller's ids: generic
    /// across the module, sorting 500 offers by id cost more than weighing them.
    @inlinable static func ordered<ID: Comparable & Sendable>(_ candidates: [(id: ID, wish: ParticipationWish, offer: OfferTerms, kilometres: Double?)]) -> [Int] {
        candidates.indices.compactMap { index -> (index: Int, standing: Standing)? in
            let candidate = candidates[index]
            guard isMatch(candidate.wish, candidate.offer) else { return nil }
            return standing(candidate.wish, candidate.offer, kilometres: candidate.kilometres).map { (index, $0) }
        }
        .sorted { a, b in a.standing != b.standing ? a.standing > b.standing : candidates[a.index].id < candidates[b.index].id }
        .map(\.index)
    }

    private static func sorted(_ kinds: Set<SupportKind>) -> [SupportKind] {
        SupportKind.allCases.filter(kinds.contains)
    }
}

/// Where the rule hands what it finds: kept as words, or only counted.
protocol Notes {
    mutating func reason(_ reason: @autoclosure () -> MatchReason)
    mutating func misfit(_ misfit: @autoclosure () -> MatchMisfit)
}

private struct Explaining: Notes {
    var reasons: [MatchReason] = [], misfits: [MatchMisfit] = []
    mutating func reason(_ reason: @autoclosure () -> MatchReason) { reasons.append(reason()) }
    mutating func misfit(_ misfit: @autoclosure () -> MatchMisfit) { misfits.append(misfit()) }
}

private struct Counting: Notes {
    var misfits = 0
    mutating func reason(_ reason: @autoclosure () -> MatchReason) {}
    mutating func misfit(_ misfit: @autoclosure () -> MatchMisfit) { misfits += 1 }
}
