/// Everything the monitor derives facts from for one household, as plain
/// values: read from the operational tables by the app, or written by hand
/// in a test. Dates are civil days; identifiers are strings.
public struct HouseholdHistory: Sendable, Hashable {
    public struct Member: Sendable, Hashable {
        public let id: String
        public let birth: CivilDay?
        public let relation: String
        public init(id: String, birth: CivilDay?, relation: String) { (self.id, self.birth, self.relation) = (id, birth, relation) }
    }

    /// An organisation on the team: `days` runs from its start to its end.
    public struct Involvement: Sendable, Hashable {
        public let id: String
        public let organization: String
        public let isMunicipality: Bool
        public let isCoordinator: Bool
        public let domains: [LifeDomain]
        public let days: DayRange
        public let contactUser: String?
        public init(id: String, organization: String, isMunicipality: Bool = false, isCoordinator: Bool = false,
                    domains: [LifeDomain], days: DayRange, contactUser: String? = nil) {
            (self.id, self.organization, self.isMunicipality, self.isCoordinator) = (id, organization, isMunicipality, isCoordinator)
            (self.domains, self.days, self.contactUser) = (domains, days, contactUser)
        }
    }

    public struct Consent: Sendable, Hashable {
        public let organization: String
        public let domains: [LifeDomain]
        public let days: DayRange
        public init(organization: String, domains: [LifeDomain], days: DayRange) {
            (self.organization, self.domains, self.days) = (organization, domains, days)
        }
    }

    public struct Referral: Sendable, Hashable {
        public struct Step: Sendable, Hashable {
            public let status: ReferralStatus
            public let day: CivilDay
            public let outcome: String?
            public init(_ status: ReferralStatus, on day: CivilDay, outcome: String? = nil) {
                (self.status, self.day, self.outcome) = (status, day, outcome)
            }
        }
        public let id: String
        public let domains: [LifeDomain]
        public let requester: String
        public let receiver: String
        public let sent: CivilDay?
        public let due: CivilDay?
        /// Status changes after sending, oldest first.
        public let steps: [Step]
        public init(id: String, domains: [LifeDomain], requester: String, receiver: String, sent: CivilDay?, due: CivilDay?, steps: [Step]) {
            (self.id, self.domains, self.requester, self.receiver) = (id, domains, requester, receiver)
            (self.sent, self.due, self.steps) = (sent, due, steps.sorted { $0.day < $1.day })
        }
    }

    public struct Assessment: Sendable, Hashable {
        public let id: String
        public let resident: String
        public let instrument: String
        public let day: CivilDay
        public let source: String
        public let organization: String?
        public let scores: [LifeDomain: Int]
        public init(id: String, resident: String, instrument: String, day: CivilDay, source: String,
                    organization: String?, scores: [LifeDomain: Int]) {
            (self.id, self.resident, self.instrument, self.day) = (id, resident, instrument, day)
            (self.source, self.organization, self.scores) = (source, organization, scores)
        }
    }

    public struct Goal: Sendable, Hashable {
        public let id: String
        public let domain: LifeDomain
        public let status: String
        /// The day a final status was set; nil while open.
        public let closed: CivilDay?
        public init(id: String, domain: LifeDomain, status: String, closed: CivilDay?) {
            (self.id, self.domain, self.status, self.closed) = (id, domain, status, closed)
        }
    }

    public let id: String
    public let neighbourhood: String?
    public let members: [Member]
    public let involvements: [Involvement]
    public let consents: [Consent]
    public let referrals: [Referral]
    public let assessments: [Assessment]
    public let goals: [Goal]
    /// The days the plan was signed, each version once.
    public let signatures: [CivilDay]
    /// The days an early-signal case of these people closed with help accepted.
    public let helpAcceptedAfterSignal: [CivilDay]
    /// Profiles, proposals and placements of taking part by talent.
    public var participation = Participation()

    public init(id: String, neighbourhood: String? = nil, members: [Member] = [], involvements: [Involvement] = [],
                consents: [Consent] = [], referrals: [Referral] = [], assessments: [Assessment] = [],
                goals: [Goal] = [], signatures: [CivilDay] = [], helpAcceptedAfterSignal: [CivilDay] = []) {
        (self.id, self.neighbourhood, self.members, self.involvements) = (id, neighbourhood, members, involvements)
        (self.consents, self.referrals, self.goals) = (consents, referrals, goals)
        self.assessments = assessments.sorted { ($0.day, $0.id) < ($1.day, $1.id) }
        self.signatures = signatures.sorted()
        self.helpAcceptedAfterSignal = helpAcceptedAfterSignal.sorted()
    }

    /// The CBS district (wijk) of a neighbourhood (buurt) code: BU03630105 → WK036301.
    public var district: String? {
        guard let code = neighbourhood, code.hasPrefix("BU"), code.count == 10 else { return nil }
        return "WK" + code.dropFirst(2).prefix(6)
    }

    public var composition: Composition {
        let adults = members.filter { $0.relation == "head" || $0.relation == "partner" }.count
        let children = members.filter { $0.relation == "child" }.count
        switch (adults, children, members.count) {
        case (1, 0, 1): return .single
        case (1, 1..., _) where adults + children == members.count: return .singleParent
        case (2, 0, 2): return .couple
        case (2, 1..., _) where adults + children == members.count: return .coupleWithChildren
        default: return .other
        }
    }
}
