extension FactExtraction {
    /// The household's plan episodes: the team's involvements merged into
    /// spans with no day between them. A gap starts a new plan.
    func episodes(_ history: HouseholdHistory) -> [DayRange] {
        let ranges = history.involvements.map(\.days).filter { !$0.isEmpty }.sorted { $0.first < $1.first }
        var merged: [DayRange] = []
        for range in ranges {
            guard let last = merged.last, last.last.map({ range.first <= $0.adding(days: 1) }) ?? true else {
                merged.append(range)
                continue
            }
            let end: CivilDay? = switch (last.last, range.last) {
            case (let a?, let b?): max(a, b)
            default: nil
            }
            merged[merged.count - 1] = DayRange(first: last.first, last: end)!
        }
        return merged
    }

    func planFacts(_ history: HouseholdHistory) -> [Fact] {
        let episodes = episodes(history).filter { $0.first <= today }
        return episodes.enumerated().flatMap { index, episode -> [Fact] in
            let coordinators = history.involvements.filter { $0.isCoordinator && $0.days.overlaps(episode) }
            let organizations = (coordinators.isEmpty ? history.involvements.filter { $0.days.overlaps(episode) } : coordinators)
                .map(\.organization)
            let dimensions = place(history).merging([.organization: organizations, .composition: [history.composition.rawValue]]) { $1 }
            let signatures = history.signatures.filter { episode.contains($0) && $0 <= today }
            let subject = "\(history.id)#\(index + 1)"
            // First reached through a signal: the plan began within a month of help accepted after one.
            let viaSignal = history.helpAcceptedAfterSignal.contains { abs($0.dayNumber - episode.first.dayNumber) <= Self.viaSignalDays }
            var facts = [Fact(.plan, subject: history.id, first: episode.first, last: episode.last,
                              tags: ["signed": Self.flag(!signatures.isEmpty), "via-signal": Self.flag(viaSignal)], dimensions: dimensions)]
            facts += history.members.map { member in
                Fact(.residentReached, subject: member.id, first: episode.first, last: episode.last,
                     dimensions: dimensions.merging([.ageBand: ageBand(history, resident: member.id, on: episode.first)]) { $1 })
            }
            if let first = signatures.first {
                facts.append(Fact(.planSigned, subject: subject, first: first, value: episode.first.days(until: first), dimensions: dimensions))
            }
            if let last = episode.last, last < today {
                let reEntered = episodes.dropFirst(index + 1).first.map { last.days(until: $0.first) <= Self.reEntryDays } ?? false
                facts.append(Fact(.planEnded, subject: subject, first: last, tags: ["re-entered": Self.flag(reEntered)], dimensions: dimensions))
            }
            facts += reviews(of: signatures, in: episode, subject: subject, dimensions: dimensions)
            return facts
        }
    }

    /// Each signed version is due for review `reviewMonths` later, while the
    /// plan runs; on time when a later version was signed by the grace day.
    private func reviews(of signatures: [CivilDay], in episode: DayRange, subject: String,
                         dimensions: [MonitorDimension: [String]]) -> [Fact] {
        signatures.enumerated().compactMap { index, signed in
            let due = signed.adding(months: Self.reviewMonths)
            guard due <= today, episode.contains(due) else { return nil }
            let onTime = signatures.dropFirst(index + 1).first.map { $0 <= due.adding(days: Self.reviewGraceDays) } ?? false
            return Fact(.planReviewDue, subject: "\(subject)@\(signed.iso)", first: due,
                        tags: ["on-time": Self.flag(onTime)], dimensions: dimensions)
        }
    }
}
