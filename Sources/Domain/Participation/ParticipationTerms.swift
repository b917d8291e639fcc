/// What kind of participation an offer is, from nearest to home to a job.
public enum OfferKind: String, CaseIterable, Codable, Sendable {
    case volunteering, dayActivity = "day_activity", course, workExperience = "work_experience", supportedJob = "supported_job", job
}

/// How someone gets to an offer.
public enum TravelMode: String, CaseIterable, Codable, Sendable {
    case walking, bike, publicTransport = "public_transport", car

    /// What the form proposes for this way of travelling.
    public var usualKilometres: Int {
        switch self {
        case .walking: 2
        case .bike: 8
        case .publicTransport: 20
        case .car: 30
        }
    }
}

/// Support someone needs to take part, and an offer can give.
public enum SupportKind: String, CaseIterable, Codable, Sendable {
    case jobCoach = "job_coach", buddy, quietPlace = "quiet_place", adaptedWork = "adapted_work", flexibleHours = "flexible_hours",
         simpleLanguage = "simple_language", transport
}

/// A participation profile as matching reads it: codes and numbers only,
/// never the resident's own words.
public struct ParticipationWish: Equatable, Sendable {
    public var talents: Set<String>
    public var availability: HalfDays
    public var travel: TravelMode
    public var maxKilometres: Int
    public var needs: Set<SupportKind>
    public var notWanted: Set<OfferKind>
    /// The latest participation-ladder rung (1–6), when assessed.
    public var rung: Int?

    public init(talents: Set<String>, availability: HalfDays, travel: TravelMode, maxKilometres: Int, needs: Set<SupportKind> = [],
                notWanted: Set<OfferKind> = [], rung: Int? = nil) {
        (self.talents, self.availability, self.travel, self.maxKilometres) = (talents, availability, travel, maxKilometres)
        (self.needs, self.notWanted, self.rung) = (needs, notWanted, rung)
    }

    /// How far the form lets someone say they travel.
    public static let kilometres = 0...100
}

/// An offer as matching reads it.
public struct OfferTerms: Equatable, Sendable {
    public var kind: OfferKind
    public var talents: Set<String>
    /// The participation-ladder rung taking part corresponds to (1–6).
    public var rung: Int
    /// When it takes place; empty: by arrangement.
    public var times: HalfDays
    public var support: Set<SupportKind>
    public var placesFree: Int

    public init(kind: OfferKind, talents: Set<String>, rung: Int, times: HalfDays, support: Set<SupportKind> = [], placesFree: Int) {
        (self.kind, self.talents, self.rung, self.times, self.support, self.placesFree) = (kind, talents, rung, times, support, placesFree)
    }

    public static let rungs = 1...6
}
