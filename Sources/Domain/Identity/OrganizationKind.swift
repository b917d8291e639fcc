/// The kinds of organisation that work together in a tenant (DESIGN.md §1).
public enum OrganizationKind: String, CaseIterable, Codable, Sendable {
    case municipalSocialServices = "municipal_social_services"
    case socialTeam = "social_team"
    case debtHelp = "debt_help"
    case welfare
    case care
    case housing
    case school
    case employer
    case volunteer
    case citizenInitiative = "citizen_initiative"
    /// Fixed-cost partners that report payment arrears (issue 23).
    case energy, water
    case healthInsurer = "health_insurer"

    /// The municipality itself shares data on its legal task; every other
    /// organisation is a partner and needs the resident's consent (DESIGN.md §3.4).
    public var isMunicipal: Bool { self == .municipalSocialServices }
}
