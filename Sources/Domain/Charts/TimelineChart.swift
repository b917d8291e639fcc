import Foundation

/// Scores over time on a fixed scale (a ladder's rungs): x is the day,
/// spaced by real time between the first and the last day; y is the score,
/// the lowest level at the bottom.
public struct TimelineChart: Sendable {
    public struct Mark: Equatable, Sendable {
        public let day: String
        public let score: Int

        public init(day: String, score: Int) {
            self.day = day
            self.score = score
        }
    }

    public struct Series: Sendable {
        public let name: String
        public let className: String
        public let marks: [Mark]

        public init(name: String, className: String, marks: [Mark]) {
            self.name = name
            self.className = className
            self.marks = marks
        }
    }

    public let range: ClosedRange<Int>
    public let days: [String]
    let dayLabel: @Sendable (String) -> String
    public let width: Double
    public let height: Double
    public let left = 50.0, right = 50.0, top = 20.0, bottom = 40.0

    /// `days`: every day any series has a mark on.
    /// `dayLabel`: how a day reads under its mark.
    public init(range: ClosedRange<Int>, days: [String], width: Double = 560, height: Double = 280, dayLabel: @escaping @Sendable (String) -> String = { $0 }) {
        self.dayLabel = dayLabel
        self.range = range
        self.days = Array(Set(days)).sorted()
        self.width = width
        self.height = height
    }

    public func x(_ day: String) -> Double {
        let plot = width - left - right
        guard let first = days.first.flatMap(Self.dayNumber), let last = days.last.flatMap(Self.dayNumber), last > first,
              let number = Self.dayNumber(day) else { return left + plot / 2 }
        return left + plot * Double(number - first) / Double(last - first)
    }

    public func y(_ score: Int) -> Double {
        let plot = height - top - bottom
        let steps = Double(max(range.upperBound - range.lowerBound, 1))
        return top + plot * (1 - Double(score - range.lowerBound) / steps)
    }

    public func point(_ mark: Mark) -> ChartPoint { ChartPoint(x: x(mark.day), y: y(mark.score)) }

    public func svg(title: String, series: [Series]) -> String {
        var children: [SVGElement] = []
        for value in range {
            children.append(SVGElement("line", [("class", "chart-grid"), ("x1", SVG.number(left)), ("y1", SVG.number(y(value))), ("x2", SVG.number(width - right)), ("y2", SVG.number(y(value)))]))
            children.append(SVGElement("text", [("class", "chart-scale"), ("x", SVG.number(left - 8)), ("y", SVG.number(y(value) + 4)), ("text-anchor", "end")], text: String(value)))
        }
        for day in days {
            children.append(SVGElement("text", [("class", "chart-label"), ("x", SVG.number(x(day))), ("y", SVG.number(height - bottom + 18)), ("text-anchor", "middle")], text: dayLabel(day)))
        }
        for item in series where !item.marks.isEmpty {
            let points = item.marks.sorted { $0.day < $1.day }.map(point)
            var group: [SVGElement] = [SVGElement("title", text: item.name)]
            if points.count >= 2 { group.append(SVGElement("polyline", [("class", "chart-line"), ("points", SVG.points(points)), ("fill", "none")])) }
            group += points.map { SVGElement("circle", [("class", "chart-dot"), ("cx", SVG.number($0.x)), ("cy", SVG.number($0.y)), ("r", "5")]) }
            children.append(SVGElement("g", [("class", "chart-series \(item.className)")], children: group))
        }
        return SVG.document(width: width, height: height, title: title, className: "chart timeline-chart", children: children)
    }

    /// Days since 1970-01-01 for a yyyy-MM-dd day (proleptic Gregorian), or nil.
    public static func dayNumber(_ day: String) -> Int? {
        let parts = day.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        let (y0, m, d) = (parts[0], parts[1], parts[2])
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }
}
