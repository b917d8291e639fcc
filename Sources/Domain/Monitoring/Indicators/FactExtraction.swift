/// Derives a household's facts from its history: one pure function, so a
/// test can work out by hand what a small history must give, and a rebuild
/// and an incremental refresh cannot disagree about what happened.
public struct FactExtraction: Sendable {
    public let today: CivilDay
    public let pillars: [LifeDomain: Pillar]
    /// A plan is due for review this long after it was signed…
    public static let reviewMonths = 6
    /// …and counts as reviewed on time when signed again within this grace.
    public static let reviewGraceDays = 14
    /// A new plan within this many days of the last one ending is a re-entry.
    public static let reEntryDays = 365
    /// A plan that began this close to help accepted after an early signal was reached through it.
    public static let viaSignalDays = 30

    public init(today: CivilDay, pillars: [LifeDomain: Pillar]) { (self.today, self.pillars) = (today, pillars) }

    public struct Result: Sendable, Hashable {
        public let facts: [Fact]
        /// The first future day on which time alone changes these facts (a
        /// new month for a running plan, a deadline passing); nil if none.
        public let recheck: CivilDay?

        public init(facts: [Fact], recheck: CivilDay?) { (self.facts, self.recheck) = (facts, recheck) }
    }

    public func facts(of history: HouseholdHistory) -> Result {
        var facts = planFacts(history) + referralFacts(history) + assessmentFacts(history)
        facts += goalFacts(history) + involvementFacts(history) + participationFacts(history)
        return Result(facts: facts, recheck: [recheck(history, facts), participationRecheck(history)].compactMap { $0 }.min())
    }

    // MARK: Shared dimensions

    func place(_ history: HouseholdHistory) -> [MonitorDimension: [String]] {
        [.neighbourhood: history.neighbourhood.map { [$0] } ?? [], .district: history.district.map { [$0] } ?? []]
    }

    func domains(_ domains: [LifeDomain]) -> [MonitorDimension: [String]] {
        [.domain: domains.map(\.rawValue), .pillar: domains.compactMap { pillars[$0]?.rawValue }]
    }

    func ageBand(_ history: HouseholdHistory, resident: String, on day: CivilDay) -> [String] {
        history.members.first { $0.id == resident }?.birth.map { [AgeBand.of(birth: $0, on: day).rawValue] } ?? []
    }

    static func flag(_ value: Bool) -> String { value ? "true" : "false" }

    // MARK: Goals and the team

    func goalFacts(_ history: HouseholdHistory) -> [Fact] {
        history.goals.compactMap { goal in
            guard let closed = goal.closed, goal.status != "open" else { return nil }
            return Fact(.goalClosed, subject: goal.id, first: closed, tags: ["achieved": Self.flag(goal.status == "achieved")],
                        dimensions: place(history).merging(domains([goal.domain])) { $1 })
        }
    }

    func involvementFacts(_ history: HouseholdHistory) -> [Fact] {
        history.involvements.filter { !$0.days.isEmpty }.flatMap { involvement -> [Fact] in
            var facts: [Fact] = []
            if !involvement.isMunicipality {
                let consented = history.consents.contains {
                    $0.organization == involvement.organization && $0.days.overlaps(involvement.days)
                }
                facts.append(Fact(.partnerInvolvement, subject: involvement.id, first: involvement.days.first,
                                  last: involvement.days.last, tags: ["consent": Self.flag(consented)],
                                  dimensions: place(history).merging(domains(involvement.domains)) { $1 }
                                      .merging([.organization: [involvement.organization]]) { $1 }))
            }
            if let user = involvement.contactUser {
                facts.append(Fact(.caseload, subject: history.id, first: involvement.days.first, last: involvement.days.last,
                                  dimensions: [.professional: [user], .organization: [involvement.organization]]))
            }
            return facts
        }
    }

    // MARK: When time alone changes the facts

    /// The kinds of fact that last from `first` to `last`; for the others a
    /// nil `last` does not mean still running.
    static let lasting: Set<FactKind> = [.plan, .residentReached, .partnerInvolvement, .caseload, .participationProfile]

    func recheck(_ history: HouseholdHistory, _ facts: [Fact]) -> CivilDay? {
        var days: [CivilDay] = []
        let nextMonth = Period.containing(today, .month).next.firstDay
        if facts.contains(where: { Self.lasting.contains($0.kind) && $0.first <= today && ($0.last.map { $0 >= today } ?? true) }) {
            days.append(nextMonth)
        }
        days += facts.map(\.first)
        for referral in history.referrals where answer(referral) == nil && closing(referral) == nil {
            if let due = referral.due { days.append(due.adding(days: 1)) }
        }
        for episode in episodes(history) {
            // A plan begins on its first day, and has ended the day after its last.
            days.append(episode.first)
            if let last = episode.last { days.append(last.adding(days: 1)) }
            // A signed version falls due for review on the day itself.
            for signature in history.signatures where episode.contains(signature) {
                days.append(signature.adding(months: Self.reviewMonths))
            }
        }
        return days.filter { $0 > today }.min()
    }
}
