import Domain

extension Speaking {
    /// "maandag ochtend, dinsdag ochtend"; "in overleg" for none.
    func halfDaysText(_ days: HalfDays) -> String {
        guard !days.isEmpty else { return t("participation.by_arrangement") }
        return days.days.map { t("weekday.\($0.weekday.rawValue)").lowercased() + " " + t("participation.part.\($0.part.rawValue)").lowercased() }
            .joined(separator: ", ")
    }

    /// Talent codes in the reader's words, as the taxonomy names them.
    func talentsText(_ codes: [String], in taxonomy: TalentTaxonomy) -> String {
        codes.map { taxonomy.label(of: $0)?.text(locale.rawValue) ?? $0 }.joined(separator: ", ")
    }

    func supportText(_ codes: [String]) -> String {
        codes.map { t("participation.support.\($0)") }.joined(separator: ", ")
    }
}
