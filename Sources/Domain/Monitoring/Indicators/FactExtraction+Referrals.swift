extension FactExtraction {
    /// A receiver's first answer: taking the referral on, or turning it down.
    static let answers: Set<ReferralStatus> = [.accepted, .rejected, .inProgress, .onHold, .completed, .failed]

    func answer(_ referral: HouseholdHistory.Referral) -> HouseholdHistory.Referral.Step? {
        referral.steps.first { Self.answers.contains($0.status) && $0.day <= today }
    }

    func closing(_ referral: HouseholdHistory.Referral) -> HouseholdHistory.Referral.Step? {
        referral.steps.first { $0.status.isFinal && $0.day <= today }
    }

    /// Referrals that really went out: sent, by today, and not entered in error.
    func sentReferrals(_ history: HouseholdHistory) -> [(referral: HouseholdHistory.Referral, sent: CivilDay)] {
        history.referrals.compactMap { referral in
            guard let sent = referral.sent, sent <= today, !referral.steps.contains(where: { $0.status == .enteredInError })
            else { return nil }
            return (referral, sent)
        }.sorted { ($0.sent, $0.referral.id) < ($1.sent, $1.referral.id) }
    }

    func referralFacts(_ history: HouseholdHistory) -> [Fact] {
        sentReferrals(history).flatMap { referral, sent -> [Fact] in
            let dimensions = place(history).merging(domains(referral.domains)) { $1 }
                .merging([.organization: [referral.receiver]]) { $1 }
            func fact(_ kind: FactKind, _ day: CivilDay, value: Int? = nil, tags: [String: String] = [:]) -> Fact {
                Fact(kind, subject: referral.id, first: day, value: value, tags: tags, dimensions: dimensions)
            }
            var facts = [fact(.referral, sent)]
            if let accepted = referral.steps.first(where: { $0.status == .accepted && $0.day <= today }) {
                facts.append(fact(.referralAccepted, accepted.day))
            }
            if let completed = referral.steps.first(where: { $0.status == .completed && $0.day <= today }) {
                facts.append(fact(.referralCompleted, completed.day))
            }
            if let closed = closing(referral) {
                facts.append(fact(.referralClosed, closed.day, tags: ["outcome-known": Self.flag(closed.outcome != nil)]))
            }
            let answered = answer(referral)
            if let answered {
                facts.append(fact(.referralAnswered, answered.day, value: Self.workingDays(from: sent, to: answered.day)))
            }
            if let due = referral.due, let overdue = overdue(referral, due: due, answered: answered?.day) {
                facts.append(fact(.referralDue, due, tags: ["overdue": Self.flag(overdue)]))
            }
            return facts
        } + firstHelpFacts(history)
    }

    /// Whether the answer came after the deadline; nil while the deadline has
    /// not passed unanswered, or when the referral was withdrawn unanswered.
    private func overdue(_ referral: HouseholdHistory.Referral, due: CivilDay, answered: CivilDay?) -> Bool? {
        if let answered { return answered > due }
        if let closed = closing(referral), closed.day <= due { return nil }
        return today > due ? true : nil
    }

    /// Working days after `from` up to and including `to`: an answer the next
    /// working day took one.
    static func workingDays(from: CivilDay, to: CivilDay) -> Int {
        guard from < to else { return 0 }
        return (1...from.days(until: to)).filter { WorkingDays.isWorkingDay(from.adding(days: $0)) }.count
    }

    /// Desks before help: per life domain, how many other organisations the
    /// household was sent to before the first one that took it on.
    func firstHelpFacts(_ history: HouseholdHistory) -> [Fact] {
        let sent = sentReferrals(history)
        return LifeDomain.allCases.compactMap { domain in
            let inDomain = sent.filter { $0.referral.domains.contains(domain) }
            guard let helped = inDomain.first(where: { item in
                item.referral.steps.contains { $0.status == .accepted && $0.day <= today }
            }) else { return nil }
            let acceptedOn = helped.referral.steps.first { $0.status == .accepted }!.day
            let before = inDomain.prefix { $0.referral.id != helped.referral.id }
            let desks = Set(before.map(\.referral.receiver)).subtracting([helped.referral.receiver]).count
            let dimensions = place(history).merging(domains([domain])) { $1 }
                .merging([.organization: [helped.referral.receiver]]) { $1 }
            return Fact(.firstHelp, subject: "\(history.id):\(domain.rawValue)", first: acceptedOn, value: desks, dimensions: dimensions)
        }
    }
}
