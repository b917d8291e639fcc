import Domain

/// The boxes both a profile and an offer are made of: talents by group, and
/// the week's half-days, one small group per day.
enum ParticipationChoices {
    static func talents(_ taxonomy: TalentTaxonomy, chosen: Set<String>, name: String, idPrefix: String, in context: Context) -> [ChoiceGroup] {
        let language = context.locale.rawValue
        return taxonomy.groups.map { group in
            ChoiceGroup(id: idPrefix + "-" + group.code, name: name, legend: group.label.text(language), hint: nil, error: nil, type: "checkbox",
                        options: group.talents.map { Option(value: $0.code, label: $0.label.text(language), selected: chosen.contains($0.code)) })
        }
    }

    static func week(chosen: Set<String>, name: String, idPrefix: String, in context: Context) -> [ChoiceGroup] {
        Weekday.allCases.map { weekday in
            ChoiceGroup(id: idPrefix + "-" + weekday.rawValue, name: name, legend: context.t("weekday.\(weekday.rawValue)"), hint: nil, error: nil,
                        type: "checkbox", options: DayPart.allCases.map { part in
                            let code = HalfDay(weekday, part).code
                            return Option(value: code, label: context.t("participation.part.\(part.rawValue)"), selected: chosen.contains(code))
                        })
        }
    }

    static func support(chosen: Set<String>, in context: Context) -> [Option] {
        SupportKind.allCases.map { Option(value: $0.rawValue, label: context.t("participation.support.\($0.rawValue)"), selected: chosen.contains($0.rawValue)) }
    }

    static func kinds(chosen: Set<String>, in context: Context) -> [Option] {
        OfferKind.allCases.map { Option(value: $0.rawValue, label: context.t("participation.kind.\($0.rawValue)"), selected: chosen.contains($0.rawValue)) }
    }
}
