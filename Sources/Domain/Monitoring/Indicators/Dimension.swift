/// What an indicator can be broken down by. Period is not one of them: every
/// figure is for a period.
public enum MonitorDimension: String, Codable, Sendable, CaseIterable, Comparable {
    case organization, neighbourhood, district, domain, pillar
    case ageBand = "age-band"
    case composition
    /// Only for caseload: never shown as a breakdown, counted per value.
    case professional

    /// The dimensions a monitor page can filter on.
    public static let filterable: [MonitorDimension] = [.organization, .neighbourhood, .district, .domain, .pillar]
    /// The filters a breakdown can be combined with. Not the neighbourhood:
    /// one neighbourhood split further is mostly cells under 5, and pairs
    /// with it would multiply the monitor's cells by the neighbourhoods.
    public static let combinable: [MonitorDimension] = [.organization, .district, .domain, .pillar]

    /// Whether a breakdown by `other` within one value of `self` can be asked for.
    public func combines(with other: MonitorDimension) -> Bool {
        self != other && Self.combinable.contains(self) && !(self == .district && other == .neighbourhood)
    }

    public static func < (lhs: MonitorDimension, rhs: MonitorDimension) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// Active inclusion's three pillars: adequate income, inclusive labour
/// markets, access to quality services.
public enum Pillar: String, Codable, Sendable, CaseIterable { case income, work, services }

/// Age bands that follow Dutch rules: minors, young adults (to 27, the
/// Participatiewet's youth age), working age, and from the state pension age.
public enum AgeBand: String, Codable, Sendable, CaseIterable {
    case under18 = "0-17", youngAdult = "18-26", adult = "27-44", older = "45-66", pension = "67+"

    public static func of(birth: CivilDay, on day: CivilDay) -> AgeBand {
        var age = day.year - birth.year
        if (day.month, day.day) < (birth.month, birth.day) { age -= 1 }
        switch age {
        case ..<18: return .under18
        case 18..<27: return .youngAdult
        case 27..<45: return .adult
        case 45..<67: return .older
        default: return .pension
        }
    }
}

/// A household's composition, from its members' relations and ages.
public enum Composition: String, Codable, Sendable, CaseIterable {
    case single, singleParent = "single-parent", couple, coupleWithChildren = "couple-with-children", other
}
