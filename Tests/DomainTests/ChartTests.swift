import Domain
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// Collects element names and the text of an SVG, failing on malformed XML.
final class SVGCollector: NSObject, XMLParserDelegate {
    var elements: [String] = []
    var attributes: [[String: String]] = []
    var text = ""

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
        elements.append(name)
        self.attributes.append(attributes)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    static func parse(_ svg: String) -> SVGCollector? {
        let collector = SVGCollector()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = collector
        return parser.parse() ? collector : nil
    }
}

@Suite("Charts")
struct ChartTests {
    @Test func radarPointsSitWhereTheScoresPutThem() {
        let chart = RadarChart(labels: ["Boven", "Rechts", "Onder", "Links"], range: 1...5, size: 480, radius: 150)
        #expect(chart.center == ChartPoint(x: 240, y: 240))
        // Score s on a 1–5 scale lies at radius × s / 5 from the centre, clockwise from the top.
        #expect(chart.point(axis: 0, score: 5).isClose(to: ChartPoint(x: 240, y: 90)))
        #expect(chart.point(axis: 1, score: 3).isClose(to: ChartPoint(x: 330, y: 240)))
        #expect(chart.point(axis: 2, score: 1).isClose(to: ChartPoint(x: 240, y: 270)))
        #expect(chart.point(axis: 3, score: 4).isClose(to: ChartPoint(x: 120, y: 240)))
        let series = RadarChart.Series(name: "Laatste", className: "series-latest", values: [5, nil, 1, 4])
        let points = chart.points(series)
        #expect(points.count == 3)
        #expect(points[1].isClose(to: ChartPoint(x: 240, y: 270)))

        // Five axes: the second is 72° clockwise from the top (−18° from the x-axis).
        let five = RadarChart(labels: ["a", "b", "c", "d", "e"], range: 1...5, size: 480, radius: 150)
        #expect(five.point(axis: 1, score: 5).isClose(to: ChartPoint(x: 382.658477, y: 193.647451)))
        // A 0–4 scale: the lowest level is still one ring out.
        let zeroBased = RadarChart(labels: ["a", "b", "c"], range: 0...4, size: 480, radius: 150)
        #expect(zeroBased.point(axis: 0, score: 0).isClose(to: ChartPoint(x: 240, y: 210)))
    }

    @Test func radarSVGIsValidAndEscaped() throws {
        let chart = RadarChart(labels: ["Geld & schulden", "<Wonen>", "Werk \"nu\""], range: 1...5)
        let svg = chart.svg(title: "Matrix van A & B", series: [
            .init(name: "Laatste", className: "series-latest", values: [2, 3, 4]),
            .init(name: "Vorige", className: "series-previous", values: [1, nil, 3]),
            .init(name: "Eigen", className: "series-own", values: [nil, nil, 5]),
        ])
        let parsed = try #require(SVGCollector.parse(svg), "not well-formed: \(svg)")
        #expect(parsed.elements.first == "svg")
        #expect(parsed.attributes.first?["role"] == "img")
        #expect(parsed.elements.filter { $0 == "polygon" }.count == 5 + 1)   // five rings, one full series
        #expect(parsed.elements.filter { $0 == "polyline" }.count == 0)      // a partial series: dots, no half shape
        #expect(parsed.elements.filter { $0 == "circle" }.count == 3 + 2 + 1)
        #expect(parsed.text.contains("Geld & schulden") && parsed.text.contains("<Wonen>") && parsed.text.contains("Matrix van A & B"))
        #expect(!svg.contains("style="))
        #expect(RadarChart.wrap("Maatschappelijke participatie") == ["Maatschappelijke", "participatie"])
        #expect(RadarChart.wrap("Instrumentele dagelijkse levensverrichtingen") == ["Instrumentele", "dagelijkse", "levensverrichtingen"])
        #expect(RadarChart.wrap("Werk en opleiding") == ["Werk en opleiding"])
        // The latest series' polygon has the computed points.
        let polygon = try #require(parsed.attributes.first { $0["class"] == "chart-line" && $0["points"] != nil })
        let expected = [chart.point(axis: 0, score: 2), chart.point(axis: 1, score: 3), chart.point(axis: 2, score: 4)]
        #expect(polygon["points"] == SVG.points(expected))
    }

    /// One or two items make no radar: bars, each with its score as text.
    @Test func barsForOneOrTwoItems() throws {
        let chart = BarChart(labels: ["Financiën", "Werk & opleiding"], range: 1...5, width: 560)
        #expect(chart.length(1) == (560 - 170 - 40) / 5.0)
        #expect(chart.length(5) == 560 - 170 - 40)
        let svg = chart.svg(title: "Matrix", series: [
            .init(name: "Laatste", className: "series-latest", values: [4, 2]),
            .init(name: "Eigen", className: "series-own", values: [nil, 3]),
        ])
        let parsed = try #require(SVGCollector.parse(svg), "not well-formed: \(svg)")
        #expect(parsed.elements.filter { $0 == "rect" }.count == 3)
        #expect(parsed.elements.filter { $0 == "polygon" }.isEmpty)
        #expect(parsed.text.contains("Werk & opleiding") && parsed.text.contains("Eigen: 3"))
        #expect(!svg.contains("style="))
    }

    @Test func timelinePlacesDaysAndRungs() throws {
        let chart = TimelineChart(range: 1...6, days: ["2026-09-14", "2026-01-12", "2026-05-11", "2026-01-12"], width: 560, height: 280)
        #expect(chart.days == ["2026-01-12", "2026-05-11", "2026-09-14"])
        #expect(chart.x("2026-01-12") == 50)
        #expect(chart.x("2026-09-14") == 510)
        #expect(abs(chart.x("2026-05-11") - (50 + 460 * 119 / 245)) < 0.001)
        #expect(chart.y(6) == 20 && chart.y(1) == 240)
        #expect(abs(chart.y(3) - (20 + 220 * 0.6)) < 0.001)
        #expect(TimelineChart.dayNumber("1970-01-01") == 0 && TimelineChart.dayNumber("2026-01-12") == 20465)
        #expect(TimelineChart(range: 1...6, days: ["2026-01-12"]).x("2026-01-12") == 280)

        let svg = chart.svg(title: "Ladder", series: [
            .init(name: "Professional", className: "series-latest", marks: [.init(day: "2026-01-12", score: 2), .init(day: "2026-05-11", score: 3)]),
            .init(name: "Eigen", className: "series-own", marks: [.init(day: "2026-09-14", score: 4)]),
        ])
        let parsed = try #require(SVGCollector.parse(svg))
        #expect(parsed.elements.filter { $0 == "circle" }.count == 3)
        #expect(parsed.elements.filter { $0 == "polyline" }.count == 1)
        let dot = try #require(parsed.attributes.first { $0["cx"] != nil })
        #expect(dot["cx"] == "50.00" && dot["cy"] == SVG.number(chart.y(2)))
    }
}

@Suite("Readable axes")
struct NiceScaleTests {
    @Test func nothingCountedStillGivesWholeSteps() {
        #expect(NiceScale(values: [0, 0, 0], wholeNumbers: true).ticks == [0, 1])
        #expect(NiceScale(values: [], wholeNumbers: true).ticks == [0, 1])
    }

    @Test func countsGetRoundWholeSteps() {
        #expect(NiceScale(values: [3, 17, 42], wholeNumbers: true).ticks == [0, 20, 40, 60])
        #expect(NiceScale(values: [1, 2, 3], wholeNumbers: true).ticks == [0, 1, 2, 3])
    }

    @Test func percentagesAndMeansMayStepInFractions() {
        #expect(NiceScale(values: [0.2, 0.9], wholeNumbers: false).ticks == [0, 0.25, 0.5, 0.75, 1])
        #expect(NiceScale(values: [-1.5, 2], wholeNumbers: false).ticks == [-2, -1, 0, 1, 2])
    }

    @Test func everyValueLiesWithinTheAxis() {
        for values in [[7.0], [0.3, 99.7], [-4, 13], [1234, 5678]] {
            let scale = NiceScale(values: values, wholeNumbers: false)
            #expect(values.allSatisfy(scale.range.contains))
            #expect(scale.ticks.count <= 7)
        }
    }
}
