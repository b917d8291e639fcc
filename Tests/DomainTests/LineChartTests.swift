import Foundation
import Testing
@testable import Domain

/// Trend charts for the monitor: points where the values put them, gaps (not
/// zeros) where a value is missing or withheld, the same SVG for the same input.
@Suite("Line charts and sparklines")
struct LineChartTests {
    static let months = (1...24).map { "\(2025 + ($0 - 1) / 12)-\(($0 - 1) % 12 + 1)" }

    @Test func pointsSitWhereTheValuesPutThem() {
        let chart = LineChart(periods: Self.months, range: 0...100, ticks: [], width: 640, height: 280)
        #expect(chart.x(0) == 56)
        #expect(chart.x(23) == 620)
        #expect(abs(chart.x(1) - (56 + 564.0 / 23)) < 0.001)
        #expect(chart.y(0) == 240 && chart.y(100) == 20)
        #expect(chart.y(25) == 185)
        #expect(chart.y(150) == 20 && chart.y(-5) == 240, "outside the range: at its edge")
        #expect(LineChart(periods: ["2026-01"], range: 0...10, ticks: []).x(0) == 56 + 564.0 / 2)
        #expect(LineChart(periods: ["a", "b"], range: 5...5, ticks: []).y(5) == 130)
    }

    @Test func missingValuesAreGapsNotZeros() {
        let chart = LineChart(periods: ["a", "b", "c", "d", "e", "f"], range: 0...10, ticks: [])
        let runs = chart.runs([1, 2, nil, 4, nil, .nan])
        #expect(runs.count == 2)
        #expect(runs[0].map(\.y) == [chart.y(1), chart.y(2)])
        #expect(runs[1] == [ChartPoint(x: chart.x(3), y: chart.y(4))])
        #expect(chart.runs([nil, nil]).isEmpty)
        #expect(chart.runs([1, 2, 3, 4, 5, 6, 7, 8]).count == 1, "values past the last period are ignored")
        #expect(chart.runs([1, 2, 3, 4, 5, 6, 7, 8])[0].count == 6)
    }

    @Test func svgIsValidAccessibleAndDeterministic() throws {
        let chart = LineChart(periods: Self.months, range: 0...40, ticks: [
            .init(value: 0, label: "0"), .init(value: 20, label: "20 dagen"), .init(value: 40, label: "40 dagen"), .init(value: 60, label: "buiten"),
        ], labelEvery: 6)
        var values: [Double?] = (0..<24).map { Double($0 % 7 + 10) }
        values[5] = nil
        values[6] = nil
        let series = [
            LineChart.Series(name: "Wachttijd <mediaan>", className: "series-latest", values: values),
            LineChart.Series(name: "Doel", className: "series-own", values: Array(repeating: 14, count: 24)),
        ]
        let svg = chart.svg(title: "Wachttijd Wmo & Jeugd", description: "Mediaan in dagen per maand; twee maanden onder 10 mensen", series: series)
        #expect(svg == chart.svg(title: "Wachttijd Wmo & Jeugd", description: "Mediaan in dagen per maand; twee maanden onder 10 mensen", series: series))
        let parsed = try #require(SVGCollector.parse(svg), "not well-formed: \(svg)")
        #expect(Array(parsed.elements.prefix(3)) == ["svg", "title", "desc"])
        #expect(parsed.attributes.first?["role"] == "img")
        #expect(parsed.elements.filter { $0 == "polyline" }.count == 3, "the first series in two runs, the second in one")
        #expect(parsed.elements.filter { $0 == "circle" }.count == 22 + 24)
        #expect(parsed.elements.filter { $0 == "line" }.count == 3, "the tick outside the range is left out")
        #expect(parsed.text.contains("Wachttijd <mediaan>") && parsed.text.contains("Wmo & Jeugd") && parsed.text.contains("20 dagen"))
        // Period texts every sixth month, and the last.
        #expect(["2025-1", "2025-7", "2026-1", "2026-7", "2026-12"].allSatisfy { parsed.text.contains($0) })
        #expect(!parsed.text.contains("2025-2"))
        #expect(!svg.contains("style="))
    }

    @Test func sparklineScalesToItsOwnValues() throws {
        let spark = Sparkline(values: [10, 20, nil, 30, 15], width: 120, height: 32)
        let runs = spark.runs
        #expect(runs.count == 2)
        #expect(runs[0][0] == ChartPoint(x: 3, y: 29), "the lowest value at the bottom, inset by 3")
        #expect(runs[1][0] == ChartPoint(x: 3 + 114 * 3 / 4, y: 3), "the highest at the top")
        let parsed = try #require(SVGCollector.parse(spark.svg(title: "Stijgend: 15 nu")))
        #expect(parsed.elements.filter { $0 == "polyline" }.count == 2)
        #expect(parsed.elements.filter { $0 == "circle" }.count == 1, "a dot on the latest value")
        #expect(parsed.text == "Stijgend: 15 nu")
        // Nothing known, or one flat value: still a valid image.
        #expect(SVGCollector.parse(Sparkline(values: [nil, nil]).svg(title: "Geen gegevens")) != nil)
        #expect(Sparkline(values: [7, 7, 7]).runs[0].allSatisfy { $0.y == 16 })
    }
}
