/// On what ground an action on data was allowed (or, for a refusal, asked).
public enum AccessBasis: String, Codable, Sendable, CaseIterable {
    case own = "self"
    case involvement
    case consent
    case breakTheGlass = "break_the_glass"
    case administration
    case authentication
    case none
}
