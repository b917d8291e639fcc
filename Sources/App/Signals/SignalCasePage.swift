import Domain
import Fluent
import Vapor

/// One case for the outreach team: who it is about, each signal, whether
/// the household is known (and who coordinates it), the attempts so far,
/// and the forms to record one and to close the case.
struct SignalCasePage: Encodable {
    struct SignalLine: Encodable { let partner: String; let kind: String; let amount: String; let months: String; let day: String; let reference: String; let uncertain: Bool }
    struct AttemptLine: Encodable { let day: String; let channel: String; let reached: String; let who: String; let note: String }

    let title: String
    let person: [String]
    let status: String
    let outcome: String?
    let known: String?
    let contactDue: String
    let signals: [SignalLine]
    /// Other open cases that may be the same people, each to combine or keep apart.
    let matches: [SignalMatches.Candidate]
    let matchAction: String?
    let attempts: [AttemptLine]
    let attemptAction: String?
    let attemptForm: FormPage.Parts
    let closeAction: String?
    let closeForm: FormPage.Parts
    let version: Int
    let backHref: String
    let errors: FormErrors

    static func build(_ signalCase: SignalCase, typed: SignalCaseController.AttemptForm, errors: FormErrors, in context: Context) async throws -> SignalCasePage {
        let db = context.db, tenantID = signalCase.tenantID
        let caseID = try signalCase.requireID()
        let cipher = FieldCipher(key: context.keys.field)
        let signals = try await Signal.select(in: tenantID, where: "case_id = \(bind: caseID)", orderBy: "signalled_on, id", on: db)
        let attempts = try await OutreachAttempt.select(in: tenantID, where: "case_id = \(bind: caseID)", orderBy: "attempted_on DESC, created_at DESC", on: db)
        let organizations = try await context.organizationNames(in: tenantID)
        let people = try await User.displayNames(of: attempts.map(\.userID), in: tenantID, on: db)
        let known = try await ResidentAccess(context: context).knownHouseholds(bsnLookups: signals.compactMap(\.bsnLookup))
        let rules = try await SignalSettings.rules(of: tenantID, on: db)
        let open = signalCase.caseStatus != .closed
        let matches = open ? try await SignalMatches.candidates(of: signals, tenantID: tenantID, in: context) : []
        let earliest: Signal? = signals.first
        let person = earliest.flatMap { SignalTriage.person(of: $0, cipher: cipher) }
        var fields = FieldBuilder(context, errors: errors)
        let attemptParts: [FormPart] = [
            .field(fields.field("attempt_channel", name: "channel", .select, label: "signal.channel",
                                options: OutreachChannel.allCases.map { Option(value: $0.rawValue, label: context.t("signal.channel.\($0.rawValue)"), selected: $0.rawValue == typed.channel) },
                                choose: true)),
            .field(fields.field("attempt_date", name: "attempted_on", .date, label: "signal.attempted_on", value: typed.attempted_on ?? context.today)),
            .field(fields.field("attempt_reached", name: "reached", .checkbox, label: "signal.reached", checked: typed.reached == "on")),
            .field(fields.field("attempt_note", name: "note", .textarea, label: "signal.attempt_note", value: typed.note, maxLength: 1000, rows: 3)),
        ]
        let closeParts: [FormPart] = [
            .field(fields.field("close_outcome", name: "outcome", .select, label: "signal.outcome",
                                options: SignalOutcome.chosen.map { Option(value: $0.rawValue, label: context.t("signal.outcome.\($0.rawValue)"), selected: false) },
                                choose: true)),
        ]
        return SignalCasePage(
            title: person?.name ?? context.t("signal.case"),
            person: [person?.address, person?.birthDate.map { context.t("signal.born", context.day($0)) }, person?.phone, person?.email].compactMap { $0 },
            status: context.t("signal.status.\(signalCase.status)"),
            outcome: signalCase.outcome.map { context.t("signal.outcome.\($0)") },
            known: signals.compactMap(\.bsnLookup).compactMap { known[$0] }.first.map { $0.isEmpty ? context.t("signal.known") : context.t("signal.known_to", $0) },
            contactDue: context.day(CivilDay(signalCase.firstSignalledOn).map { rules.contactDue(firstSignalled: $0).iso } ?? signalCase.firstSignalledOn),
            signals: signals.map { signal in
                SignalLine(partner: organizations[signal.partnerOrganizationID] ?? "", kind: context.t("signal.kind.\(signal.kind)"),
                           amount: "€ " + Money.euros(signal.amountCents), months: SignalTriage.monthsText(signal.months, in: context), day: context.shortDay(signal.signalledOn),
                           reference: signal.reference, uncertain: SignalMatches.otherCases(signal).contains { id in matches.contains { $0.caseID == id.uuidString } })
            },
            matches: matches,
            matchAction: open ? SiteRoute.signalCaseMatches.path(caseID) : nil,
            attempts: attempts.map { attempt in
                AttemptLine(day: context.shortDay(attempt.attemptedOn), channel: context.t("signal.channel.\(attempt.channel)"),
                            reached: context.t(attempt.reached ? "signal.reached_yes" : "signal.reached_no"), who: people[attempt.userID] ?? "",
                            note: attempt.noteEncrypted.flatMap(cipher.openOrNil) ?? "")
            },
            attemptAction: open ? SiteRoute.signalCaseAttempts.path(caseID) : nil, attemptForm: .init(parts: attemptParts),
            closeAction: open ? SiteRoute.signalCaseClose.path(caseID) : nil, closeForm: .init(parts: closeParts), version: signalCase.version,
            backHref: SiteRoute.signalCases.path(), errors: fields.namedErrors)
    }
}
