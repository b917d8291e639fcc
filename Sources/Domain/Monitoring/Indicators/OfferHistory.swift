/// What the monitor derives a participation offer's facts from (issue 24):
/// where it is, who provides it, and its places day by day as recorded when
/// they changed (`participation_offer_places`). Read by the app, or written
/// by hand in a test; an offer is a unit of the monitor of its own.
public struct OfferHistory: Sendable, Hashable {
    /// The offer's places and free places at the end of `day`; they hold
    /// until the next recorded day.
    public struct Places: Sendable, Hashable {
        public let day: CivilDay
        public let places: Int
        public let free: Int
        public init(day: CivilDay, places: Int, free: Int) { (self.day, self.places, self.free) = (day, places, free) }
    }

    public let id: String
    public let neighbourhood: String?
    /// The Samenspel organisation behind the provider, when it has one.
    public let organization: String?
    public let kind: String
    public let informal: Bool
    /// Oldest first, one per day (of two on a day the later given wins).
    public let places: [Places]

    public init(id: String, neighbourhood: String?, organization: String?, kind: String, informal: Bool, places: [Places]) {
        (self.id, self.neighbourhood, self.organization, self.kind, self.informal) = (id, neighbourhood, organization, kind, informal)
        var byDay: [CivilDay: Places] = [:]
        for entry in places { byDay[entry.day] = entry }
        self.places = byDay.values.sorted { $0.day < $1.day }
    }

    var place: HouseholdHistory { HouseholdHistory(id: id, neighbourhood: neighbourhood) }
}

extension FactExtraction {
    /// The offer counted from its first recorded day on; and free place k
    /// (subject "offer/k") over each stretch of days that ended with at
    /// least k places free — so a period counts the places free at the end
    /// of at least one of its days. Days after today are not known yet.
    public func facts(of history: OfferHistory) -> Result {
        let known = history.places.filter { $0.day <= today }
        guard let first = known.first else { return Result(facts: [], recheck: history.places.first?.day) }
        let tags = ["kind": history.kind, "informal": Self.flag(history.informal)]
        let dimensions = place(history.place).merging([.organization: history.organization.map { [$0] } ?? []]) { $1 }
        var facts = [Fact(.offer, subject: history.id, first: first.day, tags: tags, dimensions: dimensions)]
        for k in stride(from: 1, through: known.map(\.free).max() ?? 0, by: 1) {
            var start: CivilDay?
            for (index, entry) in known.enumerated() {
                if entry.free >= k {
                    if start == nil { start = entry.day }
                } else if let from = start {
                    facts.append(Fact(.offerPlaceFree, subject: "\(history.id)/\(k)", first: from, last: entry.day.adding(days: -1),
                                      tags: tags, dimensions: dimensions))
                    start = nil
                }
                if index == known.count - 1, let from = start {
                    facts.append(Fact(.offerPlaceFree, subject: "\(history.id)/\(k)", first: from, tags: tags, dimensions: dimensions))
                }
            }
        }
        // Running facts count into each new month; a recorded day to come changes them.
        let nextMonth = Period.containing(today, .month).next.firstDay
        let later = history.places.first { $0.day > today }?.day
        return Result(facts: facts, recheck: [nextMonth, later].compactMap { $0 }.min())
    }
}
