/// One indicator's figure for one cell, as it may be published: a count
/// (possibly "< 5"), or a share, median or mean (nil when its base is too
/// small). Every page, CSV and API answer builds figures here, so the
/// suppression rules of `Suppression` hold everywhere.
public struct IndicatorFigure: Hashable, Sendable {
    /// How many subjects the figure is about, as it may be published.
    public let base: PublishedCount
    /// The figure itself; nil when it may not be shown (or nothing to show).
    public let value: Double?

    public init(base: PublishedCount, value: Double?) { (self.base, self.value) = (base, value) }

    /// The figure of `tally` under the indicator's measure. For the
    /// per-dimension measures, pass the tallies of each value of `per`.
    /// `published` is how the subjects are shown in the table the figure
    /// sits in, when it sits in one: a share of a withheld base is withheld.
    public static func of(_ indicator: IndicatorDefinition, tally: Tally, perValues: [Tally],
                          published: PublishedCount? = nil) -> IndicatorFigure {
        of(indicator, tally: tally, spread: Histogram(perValues.map(\.subjects).filter { $0 > 0 }), published: published)
    }

    /// The same with the per-dimension measures' counts already gathered:
    /// `spread` holds how many values of `per` (professionals) have each
    /// count, as the monitor stores it, so a large city's thousands of
    /// professionals are not read one by one.
    public static func of(_ indicator: IndicatorDefinition, tally: Tally, spread: Histogram = Histogram(),
                          published: PublishedCount? = nil) -> IndicatorFigure {
        let base = published ?? Suppression.count(tally.subjects)
        let histogram = tally.histogram ?? Histogram()
        switch indicator.measure {
        case .count:
            return IndicatorFigure(base: base, value: base.value.map(Double.init))
        case .share:
            return IndicatorFigure(base: base, value: Suppression.ratio(numerator: tally.hits, denominator: tally.subjects, base: base).map { $0 * 100 })
        case .median:
            return IndicatorFigure(base: base, value: Suppression.median(of: histogram, base: base).map(Double.init))
        case .p90:
            return IndicatorFigure(base: base, value: Suppression.percentile(0.9, of: histogram, base: base).map(Double.init))
        case .mean:
            return IndicatorFigure(base: base, value: Suppression.mean(of: histogram, base: base))
        case .medianPer, .p90Per:
            let p = indicator.measure == .medianPer ? 0.5 : 0.9
            return IndicatorFigure(base: Suppression.count(spread.count), value: Suppression.percentile(p, of: spread).map(Double.init))
        }
    }
}
