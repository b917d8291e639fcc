extension FactExtraction {
    static let selfSufficiencyMatrix = "self-sufficiency-matrix"
    static let participationLadder = "participation-ladder"
    /// Scores 1–3 on the matrix: acute problems, not or barely self-sufficient.
    static let lowScores = 1...3

    func assessmentFacts(_ history: HouseholdHistory) -> [Fact] {
        let done = history.assessments.filter { $0.day <= today }
        var facts = done.map { assessment in
            Fact(.assessment, subject: assessment.id, first: assessment.day,
                 tags: ["source": assessment.source, "instrument": assessment.instrument],
                 dimensions: place(history).merging([.organization: assessment.organization.map { [$0] } ?? [],
                                                     .ageBand: ageBand(history, resident: assessment.resident, on: assessment.day)]) { $1 })
        }
        let residents = Set(done.map(\.resident)).sorted()
        for resident in residents {
            let own = done.filter { $0.resident == resident }
            facts += matrixFacts(history, resident: resident, own.filter { $0.instrument == Self.selfSufficiencyMatrix })
            facts += ladderFacts(history, resident: resident, own.filter { $0.instrument == Self.participationLadder })
        }
        return facts
    }

    /// Per domain the first and the latest score: the distance travelled.
    private func matrixFacts(_ history: HouseholdHistory, resident: String, _ assessments: [HouseholdHistory.Assessment]) -> [Fact] {
        var changes: [Fact] = []
        for domain in LifeDomain.allCases {
            let scored = assessments.compactMap { a in a.scores[domain].map { (assessment: a, score: $0) } }
            guard let first = scored.first, let latest = scored.last, scored.count >= 2 else { continue }
            let low = Self.lowScores.contains(first.score)
            changes.append(Fact(.domainChange, subject: "\(resident):\(domain.rawValue)", first: latest.assessment.day,
                                value: latest.score - first.score,
                                tags: ["baseline": low ? "low" : "high", "improved": Self.flag(latest.score > first.score)],
                                dimensions: personal(history, resident, latest.assessment).merging(domains([domain])) { $1 }))
        }
        guard let last = changes.map(\.first).max(), let latest = assessments.last else { return changes }
        let lows = changes.filter { $0.tags["baseline"] == "low" }
        changes.append(Fact(.residentChange, subject: resident, first: last,
                            tags: ["had-low": Self.flag(!lows.isEmpty), "improved-from-low": Self.flag(lows.contains { $0.tags["improved"] == "true" })],
                            dimensions: personal(history, resident, latest).merging([.composition: [history.composition.rawValue]]) { $1 }))
        return changes
    }

    private func ladderFacts(_ history: HouseholdHistory, resident: String, _ assessments: [HouseholdHistory.Assessment]) -> [Fact] {
        let rungs = assessments.compactMap { a in a.scores.values.max().map { (assessment: a, rung: $0) } }
        guard let first = rungs.first, let latest = rungs.last, rungs.count >= 2 else { return [] }
        return [Fact(.ladderChange, subject: resident, first: latest.assessment.day,
                     tags: ["moved-up": Self.flag(latest.rung > first.rung)],
                     dimensions: personal(history, resident, latest.assessment).merging([.composition: [history.composition.rawValue]]) { $1 })]
    }

    private func personal(_ history: HouseholdHistory, _ resident: String, _ assessment: HouseholdHistory.Assessment) -> [MonitorDimension: [String]] {
        place(history).merging([.organization: assessment.organization.map { [$0] } ?? [],
                                .ageBand: ageBand(history, resident: resident, on: assessment.day)]) { $1 }
    }
}
