/// Where an agreed figure stands against its target. The rule is stated on
/// the agreement's page in these same terms, so both sides read it alike.
public enum TargetStatus: String, Sendable, CaseIterable {
    case onTrack = "on_track", atRisk = "at_risk", offTrack = "off_track"
    /// No figure to judge by: nothing counted yet, or too few people to publish.
    case unknown

    /// How far short of the target still counts as "at risk": a tenth of it.
    public static let margin = 0.10

    /// On track when the figure reaches the target; at risk when it falls
    /// short by at most `margin` of the target; off track beyond that.
    /// "Short" follows the indicator's direction: for a lower-is-better
    /// figure, above the target is short of it.
    public static func of(value: Double?, target: Double, direction: IndicatorDefinition.Direction) -> TargetStatus {
        guard let value, value.isFinite, target.isFinite else { return .unknown }
        let shortfall = direction == .higher ? target - value : value - target
        if shortfall <= 0 { return .onTrack }
        return shortfall <= abs(target) * margin ? .atRisk : .offTrack
    }
}
