/// The 13 life domains (leefgebieden) of the self-sufficiency matrix.
public enum LifeDomain: String, CaseIterable, Codable, Sendable {
    case finances
    case workAndEducation = "work_education"
    case timeUse = "time_use"
    case housing
    case domesticRelations = "domestic_relations"
    case mentalHealth = "mental_health"
    case physicalHealth = "physical_health"
    case substanceUse = "substance_use"
    case basicADL = "basic_adl"
    case instrumentalADL = "instrumental_adl"
    case socialNetwork = "social_network"
    case socialParticipation = "social_participation"
    case justice
}
