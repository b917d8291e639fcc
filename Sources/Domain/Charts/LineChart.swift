/// A trend over evenly spaced periods (24 months, say): one line per series,
/// with a gap where a value is missing or withheld, never a drop to zero,
/// which would read as a real zero. Axis texts come in already formatted,
/// so the chart needs no locale; the same input always gives the same SVG.
public struct LineChart: Sendable {
    public struct Series: Sendable {
        public let name: String
        public let className: String
        /// One per period; nil draws nothing there.
        public let values: [Double?]

        public init(name: String, className: String, values: [Double?]) {
            self.name = name
            self.className = className
            self.values = values
        }
    }

    /// A gridline on the value axis and its text.
    public struct Tick: Sendable {
        public let value: Double
        public let label: String

        public init(value: Double, label: String) {
            self.value = value
            self.label = label
        }
    }

    /// One text per period, under its point.
    public let periods: [String]
    public let range: ClosedRange<Double>
    public let ticks: [Tick]
    /// Write every n-th period's text, so 24 months do not overlap.
    public let labelEvery: Int
    public let width: Double
    public let height: Double
    public internal(set) var left = 56.0, right = 20.0, top = 20.0, bottom = 40.0

    public init(periods: [String], range: ClosedRange<Double>, ticks: [Tick], labelEvery: Int = 1, width: Double = 640, height: Double = 280) {
        self.periods = periods
        self.range = range
        self.ticks = ticks.filter { range.contains($0.value) }
        self.labelEvery = max(labelEvery, 1)
        self.width = width
        self.height = height
    }

    /// The same chart with an even margin all round and no room for axis texts.
    func inset(_ margin: Double) -> LineChart {
        var chart = self
        (chart.left, chart.right, chart.top, chart.bottom) = (margin, margin, margin, margin)
        return chart
    }

    public func x(_ index: Int) -> Double {
        let plot = width - left - right
        guard periods.count > 1 else { return left + plot / 2 }
        return left + plot * Double(index) / Double(periods.count - 1)
    }

    /// Values outside the range are drawn at its edge.
    public func y(_ value: Double) -> Double {
        let plot = height - top - bottom
        let span = range.upperBound - range.lowerBound
        guard span > 0 else { return top + plot / 2 }
        let share = (min(max(value, range.lowerBound), range.upperBound) - range.lowerBound) / span
        return top + plot * (1 - share)
    }

    /// The unbroken runs of a series: a nil ends one run, the next value starts another.
    public func runs(_ values: [Double?]) -> [[ChartPoint]] {
        var runs: [[ChartPoint]] = [], current: [ChartPoint] = []
        for (index, value) in values.prefix(periods.count).enumerated() {
            if let value, value.isFinite {
                current.append(ChartPoint(x: x(index), y: y(value)))
            } else if !current.isEmpty {
                runs.append(current)
                current = []
            }
        }
        if !current.isEmpty { runs.append(current) }
        return runs
    }

    /// `description` says in words what the chart shows (read by screen
    /// readers); the page also shows the numbers as a table.
    public func svg(title: String, description: String, series: [Series]) -> String {
        var children = [SVGElement("desc", text: description)]
        for tick in ticks {
            let y = SVG.number(y(tick.value))
            children.append(SVGElement("line", [("class", "chart-grid"), ("x1", SVG.number(left)), ("y1", y), ("x2", SVG.number(width - right)), ("y2", y)]))
            children.append(SVGElement("text", [("class", "chart-scale"), ("x", SVG.number(left - 8)), ("y", SVG.number(self.y(tick.value) + 4)), ("text-anchor", "end")], text: tick.label))
        }
        for (index, period) in periods.enumerated() where index % labelEvery == 0 || index == periods.count - 1 {
            children.append(SVGElement("text", [("class", "chart-label"), ("x", SVG.number(x(index))), ("y", SVG.number(height - bottom + 18)), ("text-anchor", "middle")], text: period))
        }
        for item in series {
            var group = [SVGElement("title", text: item.name)]
            for run in runs(item.values) {
                if run.count >= 2 { group.append(SVGElement("polyline", [("class", "chart-line"), ("points", SVG.points(run)), ("fill", "none")])) }
                group += run.map { SVGElement("circle", [("class", "chart-dot"), ("cx", SVG.number($0.x)), ("cy", SVG.number($0.y)), ("r", "3")]) }
            }
            children.append(SVGElement("g", [("class", "chart-series \(item.className)")], children: group))
        }
        return SVG.document(width: width, height: height, title: title, className: "chart line-chart", children: children)
    }
}
