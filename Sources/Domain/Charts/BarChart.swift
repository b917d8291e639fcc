/// Horizontal bars on a fixed scale, one group per item and one bar per
/// series: for one or two items, where a radar would collapse into a line.
/// Each bar carries its score as text, so the chart never relies on colour.
public struct BarChart: Sendable {
    public let labels: [String]
    public let range: ClosedRange<Int>
    public let width: Double
    public let left = 170.0, right = 40.0, top = 24.0, bar = 16.0, gap = 22.0

    public init(labels: [String], range: ClosedRange<Int>, width: Double = 560) {
        self.labels = labels
        self.range = range
        self.width = width
    }

    var levels: Int { range.upperBound - range.lowerBound + 1 }

    /// The length of a bar for `score`: the lowest level is one step long, as on the radar.
    public func length(_ score: Int) -> Double {
        (width - left - right) * Double(score - range.lowerBound + 1) / Double(levels)
    }

    public func height(series: Int) -> Double {
        top + Double(labels.count) * (Double(max(series, 1)) * bar + gap) + 8
    }

    public func svg(title: String, series: [RadarChart.Series]) -> String {
        let height = height(series: series.count)
        var children: [SVGElement] = []
        for value in range {
            let x = left + length(value)
            children.append(SVGElement("line", [("class", "chart-grid"), ("x1", SVG.number(x)), ("y1", SVG.number(top - 6)), ("x2", SVG.number(x)), ("y2", SVG.number(height - 8))]))
            children.append(SVGElement("text", [("class", "chart-scale"), ("x", SVG.number(x)), ("y", SVG.number(top - 10)), ("text-anchor", "middle")], text: String(value)))
        }
        for (index, label) in labels.enumerated() {
            let groupTop = top + Double(index) * (Double(max(series.count, 1)) * bar + gap)
            let lines = RadarChart.wrap(label, width: 24)
            for (number, line) in lines.enumerated() {
                children.append(SVGElement("text", [("class", "chart-label"), ("x", SVG.number(left - 8)), ("y", SVG.number(groupTop + 12 + Double(number) * 14)), ("text-anchor", "end")], text: line))
            }
            for (offset, item) in series.enumerated() {
                guard index < item.values.count, let score = item.values[index] else { continue }
                let y = groupTop + Double(offset) * bar
                children.append(SVGElement("g", [("class", "chart-series \(item.className)")], children: [
                    SVGElement("title", text: "\(item.name): \(score)"),
                    SVGElement("rect", [("class", "chart-bar"), ("x", SVG.number(left)), ("y", SVG.number(y + 1)), ("width", SVG.number(length(score))), ("height", SVG.number(bar - 3))]),
                    SVGElement("text", [("class", "chart-value"), ("x", SVG.number(left + length(score) + 4)), ("y", SVG.number(y + bar - 4))], text: String(score)),
                ]))
            }
        }
        return SVG.document(width: width, height: height, title: title, className: "chart bar-chart", children: children)
    }
}
