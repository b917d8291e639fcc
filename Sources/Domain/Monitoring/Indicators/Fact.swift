/// Something that happened to one subject (a household, resident, referral,
/// assessment, goal or involvement), derived from the household's records:
/// the unit the monitor counts. A fact has a first day and, for facts that
/// last (an active plan), a last day — nil while it is still running.
public struct Fact: Hashable, Sendable {
    public let kind: FactKind
    /// Who or what the fact is about; distinct subjects are what a count counts.
    public let subject: String
    public let first: CivilDay
    public let last: CivilDay?
    /// Days, working days, points or desks, for medians and means.
    public let value: Int?
    /// Properties filters and shares test, e.g. `source: self`.
    public let tags: [String: String]
    /// MonitorDimension values; a referral in two domains has two `domain` values.
    public let dimensions: [MonitorDimension: [String]]

    public init(_ kind: FactKind, subject: String, first: CivilDay, last: CivilDay? = nil, value: Int? = nil,
                tags: [String: String] = [:], dimensions: [MonitorDimension: [String]] = [:]) {
        (self.kind, self.subject, self.first, self.last, self.value) = (kind, subject, first, last, value)
        self.tags = tags
        // A ";" separates a slice's values where it is stored (`Slice.text`); a
        // typed neighbourhood code cannot carry one into another dimension.
        self.dimensions = dimensions.mapValues { Array(Set($0.map { $0.replacingOccurrences(of: ";", with: ",") })).sorted() }
            .filter { !$0.value.isEmpty }
    }
}

/// Stored compactly per household (`monitor_households.facts`), so the next
/// refresh can take back exactly what these facts added to the cells.
extension Fact: Codable {
    private enum CodingKeys: String, CodingKey { case k, s, f, l, v, t, d }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func day(_ key: CodingKeys) throws -> CivilDay? {
            guard let text = try c.decodeIfPresent(String.self, forKey: key) else { return nil }
            guard let day = CivilDay(text) else {
                throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: "not a day")
            }
            return day
        }
        guard let first = try day(.f) else {
            throw DecodingError.keyNotFound(CodingKeys.f, .init(codingPath: c.codingPath, debugDescription: "first day"))
        }
        let dimensions = try c.decodeIfPresent([String: [String]].self, forKey: .d) ?? [:]
        self.init(try c.decode(FactKind.self, forKey: .k), subject: try c.decode(String.self, forKey: .s), first: first,
                  last: try day(.l), value: try c.decodeIfPresent(Int.self, forKey: .v),
                  tags: try c.decodeIfPresent([String: String].self, forKey: .t) ?? [:],
                  dimensions: Dictionary(uniqueKeysWithValues: dimensions.compactMap { key, values in
                      MonitorDimension(rawValue: key).map { ($0, values) }
                  }))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .k)
        try c.encode(subject, forKey: .s)
        try c.encode(first.iso, forKey: .f)
        try c.encodeIfPresent(last?.iso, forKey: .l)
        try c.encodeIfPresent(value, forKey: .v)
        if !tags.isEmpty { try c.encode(tags, forKey: .t) }
        if !dimensions.isEmpty {
            try c.encode(Dictionary(uniqueKeysWithValues: dimensions.map { ($0.key.rawValue, $0.value) }), forKey: .d)
        }
    }
}

/// The kinds of fact the monitor derives, each with the tags and dimensions
/// it carries, so an indicator file asking for anything else is refused.
public enum FactKind: String, Codable, Sendable, CaseIterable {
    case plan, residentReached = "resident-reached", planSigned = "plan-signed", planEnded = "plan-ended"
    case planReviewDue = "plan-review-due"
    case referral, referralAccepted = "referral-accepted", referralCompleted = "referral-completed"
    case referralClosed = "referral-closed", referralAnswered = "referral-answered", referralDue = "referral-due"
    case firstHelp = "first-help"
    case assessment, domainChange = "domain-change", residentChange = "resident-change", ladderChange = "ladder-change"
    case goalClosed = "goal-closed", partnerInvolvement = "partner-involvement", caseload
    case signal, signalCase = "signal-case", signalClosed = "signal-closed"
    case participationProfile = "participation-profile", participationProposed = "participation-proposed", placement
    case offer, offerPlaceFree = "offer-place-free"

    public var tags: Set<String> {
        switch self {
        case .plan: ["signed", "via-signal"]
        case .planEnded: ["re-entered"]
        case .planReviewDue: ["on-time"]
        case .referralClosed: ["outcome-known"]
        case .referralDue: ["overdue"]
        case .assessment: ["source", "instrument"]
        case .domainChange: ["baseline", "improved"]
        case .residentChange: ["improved-from-low", "had-low"]
        case .ladderChange: ["moved-up"]
        case .goalClosed: ["achieved"]
        case .partnerInvolvement: ["consent"]
        case .signal: ["kind", "after-help"]
        case .signalCase: ["reached-in-time"]
        case .signalClosed: ["accepted-help"]
        case .participationProposed: ["informal"]
        case .placement: ["informal", "still-3m", "still-6m", "moved-up"]
        case .offer, .offerPlaceFree: ["kind", "informal"]
        default: []
        }
    }

    public var dimensions: Set<MonitorDimension> {
        let place: Set<MonitorDimension> = [.neighbourhood, .district]
        switch self {
        case .plan, .planSigned, .planEnded, .planReviewDue: return place.union([.organization, .composition])
        case .residentReached: return place.union([.organization, .composition, .ageBand])
        case .referral, .referralAccepted, .referralCompleted, .referralClosed, .referralAnswered, .referralDue, .firstHelp:
            return place.union([.organization, .domain, .pillar])
        case .assessment: return place.union([.organization, .ageBand])
        case .domainChange: return place.union([.organization, .domain, .pillar, .ageBand])
        case .residentChange, .ladderChange: return place.union([.organization, .ageBand, .composition])
        case .goalClosed: return place.union([.domain, .pillar])
        case .partnerInvolvement: return place.union([.organization, .domain, .pillar])
        case .caseload: return [.organization, .professional]
        case .signal, .signalCase, .signalClosed: return place.union([.organization])
        case .participationProfile: return place.union([.ageBand])
        case .participationProposed, .placement: return place.union([.organization, .ageBand])
        case .offer, .offerPlaceFree: return place.union([.organization])
        }
    }

    /// Whether facts of this kind carry a value to take a median or mean of.
    public var hasValue: Bool { [.planSigned, .referralAnswered, .firstHelp, .domainChange, .signalCase, .signalClosed].contains(self) }
}
