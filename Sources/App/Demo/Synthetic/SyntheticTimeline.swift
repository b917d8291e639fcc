import Domain
import Foundation

/// When things happen to a synthetic household: its plan episodes over the
/// last three years and more, with more intakes after the holidays and in
/// autumn than in summer, plans that end, and some households that return.
struct SyntheticTimeline {
    /// One plan: from its first day up to (not including) `end`; nil while it runs.
    struct Episode: Equatable {
        let start: CivilDay
        let end: CivilDay?
        /// The last day anything can happen in it: the day before it ends, or today.
        func lastDay(today: CivilDay) -> CivilDay { end.map { min($0.adding(days: -1), today) } ?? today }
    }

    /// Intakes start this long ago at most, so the monitor's 24 months begin
    /// with as many plans running as later, not with a municipality filling up.
    static let horizonDays = 1_200
    /// The share of ended plans followed by a new one within a year.
    static let reEntryChance = 0.13

    /// Relative intakes per calendar month: busy Jan–Mar and Sep–Nov, quiet in summer.
    static let monthWeights = [0, 13, 12, 12, 10, 10, 9, 5, 5, 12, 12, 11, 8]

    let episodes: [Episode]

    static func make(today: CivilDay, horizonDays: Int = SyntheticTimeline.horizonDays, random: inout SeededRandom) -> SyntheticTimeline {
        let start = intake(from: today.adding(days: -horizonDays), to: today.adding(days: -3), random: &random)
        var episodes = [episode(from: start, today: today, random: &random)]
        if let end = episodes[0].end, random.chance(reEntryChance) {
            let again = intake(from: end.adding(days: 21), to: min(end.adding(days: 330), today.adding(days: -3)), random: &random)
            if again > end, again <= today { episodes.append(episode(from: again, today: today, random: &random)) }
        }
        return SyntheticTimeline(episodes: episodes)
    }

    /// A day in `first...last`, drawn so that busy months get more intakes:
    /// a uniform day kept with the weight of its month (late December is quiet too).
    static func intake(from first: CivilDay, to last: CivilDay, random: inout SeededRandom) -> CivilDay {
        guard first < last else { return first }
        let span = first.days(until: last)
        for _ in 0..<64 {
            let day = first.adding(days: random.int(0...span))
            let weight = day.month == 12 && day.day >= 20 ? 3 : monthWeights[day.month]
            if random.int(1...13) <= weight { return day }
        }
        return first.adding(days: random.int(0...span))
    }

    /// A plan of a few months to two years; it has ended if that is before today.
    static func episode(from start: CivilDay, today: CivilDay, random: inout SeededRandom) -> Episode {
        let months = random.weighted([(2...5, 30), (6...11, 40), (12...23, 25), (24...36, 5)])
        let end = start.adding(days: random.int(months) * 30 + random.int(0...29))
        return Episode(start: start, end: end < today ? end : nil)
    }
}

/// Turns a day of the synthetic history into the moment it was recorded:
/// office hours, Dutch time, and never later than now.
struct SyntheticClock {
    let now: Date

    func at(_ day: CivilDay, random: inout SeededRandom) -> Date {
        let moment = day.start().addingTimeInterval(Double(random.int(8 * 3600...17 * 3600)))
        return min(moment, now)
    }
}
