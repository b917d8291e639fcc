/// What the monitor derives of taking part by talent (issue 24), per
/// household: who wrote a profile and since when, who was put forward where,
/// and the placements, with the host's kind. Nothing of what anyone wrote.
public extension HouseholdHistory {
    struct Participation: Sendable, Hashable {
        public struct Profile: Sendable, Hashable {
            public let resident: String
            public let since: CivilDay
            public init(resident: String, since: CivilDay) { (self.resident, self.since) = (resident, since) }
        }

        /// A host: the Samenspel organisation behind the offer, and whether its provider is informal (a volunteer group, a citizen initiative).
        public struct Host: Sendable, Hashable {
            public let organization: String
            public let informal: Bool
            public init(organization: String, informal: Bool) { (self.organization, self.informal) = (organization, informal) }
        }

        public struct Proposal: Sendable, Hashable {
            public let id: String
            public let resident: String
            public let day: CivilDay
            public let host: Host
            public init(id: String, resident: String, day: CivilDay, host: Host) { (self.id, self.resident, self.day, self.host) = (id, resident, day, host) }
        }

        public struct Placement: Sendable, Hashable {
            public let id: String
            public let resident: String
            public let host: Host
            public let started: CivilDay
            public let ended: CivilDay?
            /// The resident's rung on the participation ladder when it started, if known.
            public let rungBefore: Int?
            public init(id: String, resident: String, host: Host, started: CivilDay, ended: CivilDay?, rungBefore: Int?) {
                (self.id, self.resident, self.host, self.started, self.ended, self.rungBefore) = (id, resident, host, started, ended, rungBefore)
            }
        }

        public var profiles: [Profile] = []
        public var proposals: [Proposal] = []
        public var placements: [Placement] = []
        public init(profiles: [Profile] = [], proposals: [Proposal] = [], placements: [Placement] = []) {
            (self.profiles, self.proposals, self.placements) = (profiles, proposals, placements)
        }
    }
}

extension FactExtraction {
    /// The participation ladder's instrument: a move up after a start is read from it.
    public static let ladder = "participation-ladder"
    /// A placement still going after this many months counts as lasting.
    public static let placementMonths = [3, 6]

    /// A profile counted over the days it exists; a proposal on its day; a
    /// placement from its start — whether it was still going after 3 and 6
    /// months, and whether the resident moved up the ladder within 6, each
    /// once known — with the host and its kind.
    func participationFacts(_ history: HouseholdHistory) -> [Fact] {
        let place = self.place(history), participation = history.participation
        var facts = participation.profiles.map { profile in
            Fact(.participationProfile, subject: profile.resident, first: profile.since, last: nil,
                 dimensions: place.merging([.ageBand: ageBand(history, resident: profile.resident, on: profile.since)]) { $1 })
        }
        facts += participation.proposals.map { proposal in
            Fact(.participationProposed, subject: proposal.id, first: proposal.day, tags: ["informal": Self.flag(proposal.host.informal)],
                 dimensions: place.merging([.organization: [proposal.host.organization],
                                            .ageBand: ageBand(history, resident: proposal.resident, on: proposal.day)]) { $1 })
        }
        facts += participation.placements.map { placement in
            var tags = ["informal": Self.flag(placement.host.informal)]
            for months in Self.placementMonths {
                let mark = placement.started.adding(months: months)
                if let ended = placement.ended, ended < mark { tags["still-\(months)m"] = "false" } else if mark <= today { tags["still-\(months)m"] = "true" }
            }
            if let moved = movedUp(placement, in: history) { tags["moved-up"] = Self.flag(moved) }
            return Fact(.placement, subject: placement.id, first: placement.started, last: placement.ended ?? nil, tags: tags,
                        dimensions: place.merging([.organization: [placement.host.organization],
                                                   .ageBand: ageBand(history, resident: placement.resident, on: placement.started)]) { $1 })
        }
        return facts
    }

    /// Whether a ladder assessment within six months of the start put the
    /// resident on a higher rung than before it: true as soon as one did,
    /// false once six months passed without; nil while open, or with no rung before.
    func movedUp(_ placement: HouseholdHistory.Participation.Placement, in history: HouseholdHistory) -> Bool? {
        guard let before = placement.rungBefore else { return nil }
        let until = placement.started.adding(months: 6)
        let higher = history.assessments.contains { assessment in
            assessment.resident == placement.resident && assessment.instrument == Self.ladder && placement.started <= assessment.day && assessment.day <= until
                && assessment.scores.values.contains { $0 > before }
        }
        if higher { return true }
        return until < today ? false : nil
    }

    /// The next day on which time alone settles a placement's tags.
    func participationRecheck(_ history: HouseholdHistory) -> CivilDay? {
        history.participation.placements.flatMap { placement in
            (Self.placementMonths.map { placement.started.adding(months: $0) } + [placement.started.adding(months: 6).adding(days: 1)])
        }.filter { $0 > today }.min()
    }
}
