import Foundation

/// A small SVG writer: elements with escaped attributes and text, numbers
/// with two decimals, no inline style (the site's CSP forbids it) — looks
/// come from presentation attributes and CSS classes.
public struct SVGElement: Sendable {
    let name: String
    let attributes: [(String, String)]
    let text: String?
    let children: [SVGElement]

    public init(_ name: String, _ attributes: [(String, String)] = [], text: String? = nil, children: [SVGElement] = []) {
        self.name = name
        self.attributes = attributes
        self.text = text
        self.children = children
    }

    public var markup: String {
        let attributeText = attributes.map { " \($0.0)=\"\(SVG.escape($0.1))\"" }.joined()
        if text == nil, children.isEmpty { return "<\(name)\(attributeText)/>" }
        return "<\(name)\(attributeText)>" + (text.map(SVG.escape) ?? "") + children.map(\.markup).joined() + "</\(name)>"
    }
}

public enum SVG {
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// A coordinate as text: two decimals, no "-0.00". Written by hand:
    /// `String(format:)` goes through printf, slow on Linux for the hundreds
    /// of coordinates a chart has.
    public static func number(_ value: Double) -> String {
        guard value.isFinite, let hundredths = Int(exactly: hundredths(value)) else { return "0.00" }
        let magnitude = hundredths.magnitude, cents = magnitude % 100
        return (hundredths < 0 ? "-" : "") + "\(magnitude / 100)." + (cents < 10 ? "0" : "") + "\(cents)"
    }

    /// `value * 100` rounded as printf rounds the exact value: when the
    /// product lands on a half, its rounding error (exact, by a fused
    /// multiply-add) says which way the true value lies.
    static func hundredths(_ value: Double) -> Double {
        let scaled = value * 100
        let error = (-scaled).addingProduct(value, 100)
        guard (scaled - scaled.rounded(.towardZero)).magnitude == 0.5, error != 0 else { return scaled.rounded(.toNearestOrEven) }
        return error > 0 ? scaled.rounded(.up) : scaled.rounded(.down)
    }

    public static func points(_ points: [ChartPoint]) -> String {
        points.map { "\(number($0.x)),\(number($0.y))" }.joined(separator: " ")
    }

    /// The root element: an image with a title, scaled by its viewBox.
    public static func document(width: Double, height: Double, title: String, className: String, children: [SVGElement]) -> String {
        SVGElement("svg", [
            ("xmlns", "http://www.w3.org/2000/svg"), ("viewBox", "0 0 \(number(width)) \(number(height))"),
            ("class", className), ("role", "img"), ("aria-label", title),
        ], children: [SVGElement("title", text: title)] + children).markup
    }
}

public struct ChartPoint: Equatable, Sendable {
    public let x: Double
    public let y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }

    /// Equal within `tolerance`: for tests against computed coordinates.
    public func isClose(to other: ChartPoint, tolerance: Double = 0.001) -> Bool {
        abs(x - other.x) <= tolerance && abs(y - other.y) <= tolerance
    }
}
