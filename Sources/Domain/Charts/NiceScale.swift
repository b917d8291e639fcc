import Foundation

/// An axis people can read: ticks at round steps (1, 2, 2.5 or 5 times a
/// power of ten) from a round floor to a round ceiling that holds every
/// value. Whole-number figures (counts, days) get whole steps, so an axis
/// never reads "1, 1, 1".
public struct NiceScale: Equatable, Sendable {
    public let ticks: [Double]
    public var range: ClosedRange<Double> { ticks.first!...ticks.last! }

    public init(values: [Double], wholeNumbers: Bool, tickCount: Int = 5) {
        let low = min(values.min() ?? 0, 0), high = max(values.max() ?? 0, low)
        let span = high - low
        var step = Self.roundStep(span > 0 ? span / Double(max(tickCount - 1, 1)) : 1)
        if wholeNumbers { step = max(1, step.rounded(.up)) }
        let first = (low / step).rounded(.down) * step
        var ticks = [first]
        while ticks.last! < high || ticks.count < 2 { ticks.append(first + step * Double(ticks.count)) }
        // Steps of a tenth are not exact in binary: round away the dust.
        self.ticks = ticks.map { ($0 * 1e9).rounded() / 1e9 }
    }

    static func roundStep(_ raw: Double) -> Double {
        let power = pow(10, (log10(raw)).rounded(.down))
        return [1, 2, 2.5, 5, 10].map { $0 * power }.first { $0 >= raw } ?? 10 * power
    }
}
