import Domain
import Vapor

/// The scoring form, for a professional (full labels and level
/// descriptions) or for the resident (plain language). Only the items the
/// viewer may score appear; what was typed comes back after an error.
struct AssessmentFormPage: Encodable {
    struct Choice: Encodable { let inputID: String; let value: String; let label: String; let description: String?; let checked: Bool }
    struct ItemField: Encodable {
        let field: String; let name: String; let label: String; let question: String
        let error: String?; let notScoredID: String; let notScored: Bool; let choices: [Choice]
    }

    let title: String
    let intro: String
    let action: String
    let backHref: String
    let person: String
    let instrumentID: String
    /// The day and (for professionals) why this measurement: the field partial draws them;
    /// the items are scales with a description per level, drawn as their own radio groups.
    let assessedOn: FormField
    let reason: FormField?
    let plain: Bool
    let items: [ItemField]
    let errors: FormErrors

    /// Form fields as posted: `scores[item]` radios, the day and the reason.
    struct Form: Content {
        var instrument: String?
        var assessed_on: String?
        var reason: String?
        var scores: [String: String]?

        var submission: AssessmentStore.Submission {
            AssessmentStore.Submission(instrumentID: instrument, assessedOn: assessed_on, reason: reason, scores: scores ?? [:])
        }
    }

    static func build(
        _ instrument: Instrument, items: [Instrument.Item], plain: Bool, person: String, action: String, backHref: String,
        values: Form, errors: FormErrors, req: Request
    ) -> AssessmentFormPage {
        let language = req.locale.rawValue
        let fields = items.map { item -> ItemField in
            let field = AssessmentRules.field(item.id)
            let typed = values.scores?[item.id] ?? ""
            let choices = instrument.scale.map { level -> Choice in
                let described = item.levels?.first { $0.value == level.value }
                let label = plain ? level.plain.text(language) : level.label.text(language)
                let description = (plain ? described?.plain : described?.description)?.text(language)
                return Choice(inputID: "\(field)-\(level.value)", value: String(level.value), label: label, description: description, checked: typed == String(level.value))
            }
            return ItemField(
                field: field, name: "scores[\(item.id)]", label: plain ? req.plainDomainName(item.domain) : item.label.text(language), question: item.question.text(language),
                error: errors.fields[field], notScoredID: "\(field)-none", notScored: !choices.contains(where: \.checked), choices: choices
            )
        }
        var builder = FieldBuilder(req, errors: errors)
        let assessedOn = builder.field("assessed_on", .date, label: "assessment.assessed_on", value: values.assessed_on ?? Day.today())
        let reason = plain ? nil : builder.field("reason", .textarea, label: "assessment.reason", hint: "assessment.reason_hint", value: values.reason, maxLength: 500, rows: 2)
        return AssessmentFormPage(
            title: (plain ? instrument.plainName : instrument.name).text(language),
            intro: (plain ? instrument.plainDescription : instrument.description).text(language),
            action: action, backHref: backHref, person: person, instrumentID: instrument.id,
            assessedOn: assessedOn, reason: reason, plain: plain,
            items: fields, errors: builder.namedErrors
        )
    }
}
