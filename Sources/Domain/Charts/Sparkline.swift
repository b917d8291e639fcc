/// A tile's tiny trend: no axes, scaled to its own lowest and highest value,
/// gaps where a value is missing or withheld, a dot on the latest value.
/// Only a hint beside the tile's number, so its title must say the trend.
public struct Sparkline: Sendable {
    public let values: [Double?]
    public let width: Double
    public let height: Double
    let inset = 3.0

    public init(values: [Double?], width: Double = 120, height: Double = 32) {
        self.values = values
        self.width = width
        self.height = height
    }

    /// The same geometry as a line chart without margins, over the values' own range.
    var chart: LineChart {
        let present = values.compactMap { $0 }.filter(\.isFinite)
        let range = (present.min() ?? 0)...(present.max() ?? 0)
        return LineChart(periods: values.map { _ in "" }, range: range, ticks: [], width: width, height: height)
            .inset(inset)
    }

    public var runs: [[ChartPoint]] { chart.runs(values) }

    public func svg(title: String) -> String {
        let runs = self.runs
        var children: [SVGElement] = runs.filter { $0.count >= 2 }.map {
            SVGElement("polyline", [("class", "sparkline-line"), ("points", SVG.points($0)), ("fill", "none")])
        }
        // A lone value between gaps gets a small dot, or it would not show at all.
        let latest = values.last.map { $0?.isFinite == true } == true ? runs.last?.last : nil
        for run in runs where run.count == 1 && run[0] != latest {
            children.append(SVGElement("circle", [("class", "sparkline-dot"), ("cx", SVG.number(run[0].x)), ("cy", SVG.number(run[0].y)), ("r", "1.5")]))
        }
        if let latest {
            children.append(SVGElement("circle", [("class", "sparkline-dot"), ("cx", SVG.number(latest.x)), ("cy", SVG.number(latest.y)), ("r", "2")]))
        }
        return SVG.document(width: width, height: height, title: title, className: "sparkline", children: children)
    }
}
