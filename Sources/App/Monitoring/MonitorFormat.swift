import Domain
import Foundation

/// Figures in words: "< 5", "42 %", "12 dagen", "+0,8 punten" — in the
/// reader's language, with the reason when a figure is withheld.
struct MonitorFormat {
    let speaker: any Speaking
    let english: Bool

    init(_ speaker: any Speaking) { (self.speaker, self.english) = (speaker, speaker.locale == .en) }

    func value(_ figure: IndicatorFigure, _ indicator: IndicatorDefinition) -> String {
        if indicator.measure == .count { return figure.base.text }
        guard let value = figure.value else { return speaker.t("monitor.withheld") }
        return amount(value, indicator)
    }

    func amount(_ value: Double, _ indicator: IndicatorDefinition, signed: Bool = false) -> String {
        var text = number(abs(value), decimals: indicator.measure == .mean ? 1 : 0)
        if signed || indicator.unit == .points { text = (value < 0 ? "−" : value > 0 ? "+" : "") + text } else if value < 0 { text = "−" + text }
        return speaker.t("monitor.unit.\(indicator.unit.rawValue)", text)
    }

    /// The number alone, as an axis shows it: "7", "2,5".
    func number(_ value: Double, decimals: Int) -> String {
        let text = String(format: "%.\(decimals)f", value)
        return english ? text : text.replacingOccurrences(of: ".", with: ",")
    }

    /// "+3 t.o.v. oktober 2026", or nil when either figure is withheld.
    func change(_ now: IndicatorFigure, _ before: IndicatorFigure, _ indicator: IndicatorDefinition, previous: Period) -> String? {
        guard let a = now.value, let b = before.value else { return nil }
        return speaker.t("monitor.change", amount(a - b, indicator, signed: true), period(previous))
    }

    func period(_ period: Period) -> String {
        switch period.kind {
        case .month: speaker.t("monitor.month.\(period.index)") + " \(period.year)"
        case .quarter: speaker.t("monitor.quarter", String(period.index), String(period.year))
        case .year: String(period.year)
        }
    }
}
