import Domain
import Foundation
import Vapor

/// The forms of the agreements: a new agreement, a target, a note in the
/// thread. Each keeps what was typed when it is refused.
enum AgreementForms {
    struct NewAgreement: Content { var organization_id: String?; var title: String? }
    struct Target: Content { var indicator: String?; var period: String?; var target: String? }
    struct Note: Content { var period: String?; var text: String? }

    /// What was typed into the agreement page's forms, for a refused one.
    struct Typed { var target = Target(); var note = Note() }

    static let noteLength = 4000

    /// Indicators that can be read per organisation: only those can be agreed with a partner.
    static func agreeable(_ req: Request) -> [IndicatorDefinition] {
        IndicatorDefinition.Question.allCases.flatMap { req.indicators.answering($0) }.filter { $0.dimensions.contains(.organization) }
    }

    /// Periods a target can be set for: last year to two years ahead, and this year's and next year's quarters.
    static func targetPeriods(today: CivilDay = CivilDay.today()) -> [Period] {
        let year = Period.containing(today, .year)
        let years = (-1...2).map { year.advanced(by: $0) }
        let quarters = [year, year.next].flatMap { $0.parts(.quarter) }
        return years + quarters
    }

    static func targetParts(_ fields: inout FieldBuilder, typed: AgreementForms.Typed, req: Request) throws -> FormPage.Parts {
        let format = MonitorFormat(req)
        let indicators = agreeable(req).map {
            Option(value: $0.id, label: $0.name.text(req.locale.rawValue) + " (" + req.t("monitor.unit_name.\($0.unit.rawValue)") + ")",
                   selected: $0.id == typed.target.indicator)
        }
        let chosenPeriod = typed.target.period ?? Period.containing(CivilDay.today(), .year).next.id
        let periods = targetPeriods().map { Option(value: $0.id, label: format.period($0), selected: $0.id == chosenPeriod) }
        return FormPage.Parts(parts: [
            .field(fields.field("indicator", .select, label: "agreement.indicator", options: indicators, choose: true)),
            .field(fields.field("period", .select, label: "agreement.period", options: periods)),
            .field(fields.field("target", label: "agreement.target", hint: "agreement.target_hint", value: typed.target.target,
                                maxLength: 20, inputMode: "decimal")),
        ])
    }

    static func noteParts(_ fields: inout FieldBuilder, typed: AgreementForms.Typed, side: AgreementSide, periods: [Period], req: Request) -> [FormPart] {
        let format = MonitorFormat(req)
        let choices = periods.isEmpty ? [Period.containing(CivilDay.today(), .year)] : periods
        let chosen = typed.note.period ?? Self.currentPeriod(choices).id
        return [
            .field(fields.field("note_period", name: "period", .select, label: "agreement.period",
                                options: choices.map { Option(value: $0.id, label: format.period($0), selected: $0.id == chosen) })),
            .field(fields.field("note_text", name: "text", .textarea, label: "agreement.note.\(side.rawValue)",
                                hint: "agreement.note_hint.\(side.rawValue)", value: typed.note.text, maxLength: noteLength, rows: 6)),
        ]
    }

    /// The period a note is most likely about: the one running today, else the latest.
    static func currentPeriod(_ periods: [Period]) -> Period {
        let today = CivilDay.today()
        return periods.first { $0.days.contains(today) } ?? periods.last!
    }

    /// The allowed range of a target: a percentage 0–100, any other figure at least zero.
    static func range(of indicator: IndicatorDefinition) -> ClosedRange<Double> {
        switch indicator.unit {
        case .percentage: 0...100
        case .points: -100...100
        default: 0...1_000_000
        }
    }
}
