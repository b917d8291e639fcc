import Domain
import Foundation

/// A placement as resident and host see it: how it stands, the check-ins
/// so far with both answers, and the forms to answer today's check-in and
/// to end it. What was typed into a refused form comes back in it.
struct PlacementCard: Encodable {
    struct Box: Encodable { let action: String; let version: Int; let form: Form; let submit: String; let submitHidden: String }
    struct Form: Encodable { let parts: [FormPart] }

    let anchor: String
    let title: String
    let state: String
    let history: [String]
    let checkIn: Box?
    let end: Box?
}

enum PlacementCards {
    /// What was typed into one placement's refused form.
    struct Typed {
        let placementID: UUID
        var answer: String?; var words: String?; var reason: String?; var endedOn: String?
    }

    struct Links { let checkIn: String; let end: String }

    static func anchor(_ placementID: UUID) -> String { "placement-\(placementID.uuidString.lowercased())" }

    static func build(_ record: ParticipationPlacements.Record, title: String, other: String, party: ParticipationCheckIn.Party, links: Links, today: CivilDay,
                      typed: Typed?, errors: FormErrors, in context: Context) -> PlacementCard {
        let placement = record.placement, id = placement.id ?? UUID()
        let typed = typed?.placementID == id ? typed : nil
        let prefix = PlacementController.prefix(id)
        var fields = FieldBuilder(context, errors: typed == nil ? .none : errors)
        let number = placement.schedule?.number(on: today)
        let current = record.checkIns.first { $0.number == number }

        var checkInBox: PlacementCard.Box?
        if !placement.hasEnded, let number, let due = placement.schedule?.dueOn(number) {
            let mine = current?.answer(of: party)?.rawValue
            let options = CheckInAnswer.allCases.map { Option(value: $0.rawValue, label: context.t("participation.check_in.\($0.rawValue)"), selected: (typed?.answer ?? mine) == $0.rawValue) }
            let legend = context.t(party == .resident ? "participation.check_in_question_you" : "participation.check_in_question", title)
            let words = current.flatMap { context.cipher.openOrNil(party == .resident ? $0.residentWordsEncrypted : $0.hostWordsEncrypted) }
            checkInBox = .init(action: links.checkIn, version: current?.version ?? 0, form: .init(parts: [
                .choices(fields.choices("\(prefix)-answer", name: "answer", legend: "participation.check_in_legend", hint: nil, options: options, radio: true)
                    .titled(legend + " " + context.t("participation.check_in_due", String(number), context.day(due.iso)))),
                .field(fields.field("\(prefix)-words", name: "words", .textarea, label: "participation.check_in_words", value: typed?.words ?? words, maxLength: 1000, rows: 3)),
            ]), submit: context.t(mine == nil ? "participation.check_in_send" : "participation.check_in_change"), submitHidden: title)
        }

        var endBox: PlacementCard.Box?
        if !placement.hasEnded {
            let reasons = PlacementEndReason.allCases.map { Option(value: $0.rawValue, label: context.t("participation.end_reason.\($0.rawValue)"), selected: typed?.reason == $0.rawValue) }
            endBox = .init(action: links.end, version: placement.version, form: .init(parts: [
                .field(fields.field("\(prefix)-reason", name: "reason", .select, label: "participation.end_reason", options: reasons, choose: true)),
                .field(fields.field("\(prefix)-ended", name: "ended_on", .date, label: "participation.ended_on", value: typed?.endedOn ?? today.iso)),
            ]), submit: context.t("participation.end"), submitHidden: title)
        }

        return PlacementCard(
            anchor: anchor(id), title: title, state: state(of: placement, in: context),
            history: record.checkIns.map { history($0, party: party, other: other, in: context) }, checkIn: checkInBox, end: endBox)
    }

    static func state(of placement: ParticipationPlacement, in context: Context) -> String {
        if let ended = placement.endedOn {
            return context.t("participation.placement_ended", context.day(ended), context.t("participation.end_reason.\(placement.endReason ?? "other")"))
        }
        return context.t("participation.placement_running", context.day(placement.startedOn), String(placement.checkInWeeks))
    }

    /// One check-in in words: its number and day, then each answer given, with the words that came with it.
    static func history(_ checkIn: ParticipationCheckIn, party: ParticipationCheckIn.Party, other: String, in context: Context) -> String {
        let answers = ParticipationCheckIn.Party.allCases.compactMap { who -> String? in
            guard let answer = checkIn.answer(of: who) else { return nil }
            let words = context.cipher.openOrNil(who == .resident ? checkIn.residentWordsEncrypted : checkIn.hostWordsEncrypted)
            let name = who == party ? context.t("participation.check_in_by_you") : other
            return "\(name): " + context.t("participation.check_in.\(answer.rawValue)") + (words.map { " — “\($0)”" } ?? "")
        }
        return context.t("participation.check_in_title", String(checkIn.number), context.day(checkIn.dueOn)) + " " + answers.joined(separator: "; ")
    }
}

extension ChoiceGroup {
    /// The same group under a legend already in words.
    func titled(_ legend: String) -> ChoiceGroup {
        ChoiceGroup(id: id, name: name, legend: legend, hint: hint, error: error, type: type, options: options)
    }
}
