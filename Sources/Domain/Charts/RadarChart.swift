import Foundation

/// A radar (spider) chart: one axis per item, clockwise from the top; a
/// score sits on its axis at distance radius × (score − min + 1) / levels,
/// so the lowest level is one ring out from the centre and the highest on
/// the rim. Series may miss items (only needed domains are scored): those
/// show as dots only.
public struct RadarChart: Sendable {
    public struct Series: Sendable {
        public let name: String
        public let className: String
        /// One value per axis; nil where the item was not scored.
        public let values: [Int?]

        public init(name: String, className: String, values: [Int?]) {
            self.name = name
            self.className = className
            self.values = values
        }
    }

    public let labels: [String]
    public let range: ClosedRange<Int>
    public let size: Double
    public let radius: Double

    public init(labels: [String], range: ClosedRange<Int>, size: Double = 600, radius: Double = 160) {
        self.labels = labels
        self.range = range
        self.size = size
        self.radius = radius
    }

    public var center: ChartPoint { ChartPoint(x: size / 2, y: size / 2) }
    var levels: Int { range.upperBound - range.lowerBound + 1 }

    /// Angle of axis `index`, in radians: the first points straight up.
    public func angle(_ index: Int) -> Double {
        -Double.pi / 2 + 2 * Double.pi * Double(index) / Double(max(labels.count, 1))
    }

    /// Where `distance` (0…radius) lies on axis `index`.
    public func onAxis(_ index: Int, distance: Double) -> ChartPoint {
        ChartPoint(x: center.x + distance * cos(angle(index)), y: center.y + distance * sin(angle(index)))
    }

    /// The point of `score` on axis `index`.
    public func point(axis index: Int, score: Int) -> ChartPoint {
        onAxis(index, distance: radius * Double(score - range.lowerBound + 1) / Double(levels))
    }

    /// The points a series draws: its scored axes, in axis order.
    public func points(_ series: Series) -> [ChartPoint] {
        series.values.enumerated().compactMap { index, value in value.map { point(axis: index, score: $0) } }
    }

    public func svg(title: String, series: [Series]) -> String {
        var children: [SVGElement] = []
        for value in range {
            let ring = labels.indices.map { point(axis: $0, score: value) }
            children.append(SVGElement("polygon", [("class", "chart-grid"), ("points", SVG.points(ring)), ("fill", "none")]))
        }
        for index in labels.indices {
            let end = onAxis(index, distance: radius)
            children.append(SVGElement("line", [
                ("class", "chart-axis"), ("x1", SVG.number(center.x)), ("y1", SVG.number(center.y)),
                ("x2", SVG.number(end.x)), ("y2", SVG.number(end.y)),
            ]))
            children.append(label(index))
        }
        for value in range {
            let at = point(axis: 0, score: value)
            children.append(SVGElement("text", [("class", "chart-scale"), ("x", SVG.number(at.x + 4)), ("y", SVG.number(at.y - 2))], text: String(value)))
        }
        for item in series {
            let drawn = self.points(item)
            var group: [SVGElement] = []
            // A shape only for a series scored on every axis: one that skips an
            // axis (a partial reassessment) would draw a shape that is not there.
            if drawn.count == labels.count, drawn.count >= 3 {
                group.append(SVGElement("polygon", [("class", "chart-line"), ("points", SVG.points(drawn))]))
            }
            group += drawn.map { SVGElement("circle", [("class", "chart-dot"), ("cx", SVG.number($0.x)), ("cy", SVG.number($0.y)), ("r", "4")]) }
            children.append(SVGElement("g", [("class", "chart-series \(item.className)")], children: [SVGElement("title", text: item.name)] + group))
        }
        return SVG.document(width: size, height: size, title: title, className: "chart radar-chart", children: children)
    }

    private func label(_ index: Int) -> SVGElement {
        let at = onAxis(index, distance: radius + 14)
        let dx = at.x - center.x
        let anchor = abs(dx) < 1 ? "middle" : (dx > 0 ? "start" : "end")
        let lines = Self.wrap(labels[index])
        let height = Double(lines.count - 1) * 14
        // Above the top: grow upwards; below the bottom: downwards; at the sides: centred on the axis.
        let first = at.y < center.y - radius * 0.9 ? at.y - 4 - height : (at.y > center.y + radius * 0.9 ? at.y + 12 : at.y + 4 - height / 2)
        let spans = lines.enumerated().map { number, line in
            SVGElement("tspan", [("x", SVG.number(at.x)), ("y", SVG.number(first + Double(number) * 14))], text: line)
        }
        return SVGElement("text", [("class", "chart-label"), ("text-anchor", anchor)], children: spans)
    }

    /// A label over lines of at most `width` characters, broken at spaces.
    public static func wrap(_ label: String, width: Int = 18) -> [String] {
        var lines: [String] = []
        for word in label.split(separator: " ") {
            if let last = lines.last, last.count + 1 + word.count <= width {
                lines[lines.count - 1] = last + " " + word
            } else {
                lines.append(String(word))
            }
        }
        return lines.isEmpty ? [""] : lines
    }
}
