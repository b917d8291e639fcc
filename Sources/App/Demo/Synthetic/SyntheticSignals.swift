import Domain
import Fluent
import Foundation
import SQLKit

/// Early signals in the synthetic municipality (issue 23): the fixed-cost
/// partners report arrears over the history, more in some neighbourhoods
/// than others; debt help reaches most people, some late, some never; older
/// cases are closed with the outcomes outreach has. Taken in through the
/// real intake, so cases combine as they would.
struct SyntheticSignals {
    /// Cases a year per household, before a neighbourhood's own factor.
    static let yearlyRate = 0.04

    let db: any Database
    let keys: Keys
    let tenantID: UUID
    let today: CivilDay

    struct Partner { let organization: UUID; let kinds: [ArrearsKind] }

    /// Adds about `yearlyRate` cases a year per household over `historyDays`; returns the rows written.
    func generate(households: Int, historyDays: Int, seed: UInt64, random: inout SeededRandom) async throws -> Int {
        let partners = try await SignalPartner.select(in: tenantID, on: db).map { Partner(organization: $0.organizationID, kinds: Array($0.allowed.keys).sorted { $0.rawValue < $1.rawValue }) }
            .filter { !$0.kinds.isEmpty }
        guard !partners.isEmpty,
              let team = try await Organization.select(in: tenantID, where: "handles_signals = \(bind: true)", limit: 1, on: db).first?.requireID(),
              let worker = try await User.select(in: tenantID, where: "organization_id = \(bind: team)", limit: 1, on: db).first?.requireID() else { return 0 }
        // Some neighbourhoods carry more arrears than others.
        let places = DutchPlace.neighbourhoods.map { ($0, random.int(4...20)) }
        let cases = max(1, Int(Double(households) * Self.yearlyRate * Double(historyDays) / 365))
        let intake = SignalIntake(db: db, keys: keys)
        var rows = 0
        for number in 0..<cases {
            let place = random.weighted(places)
            let first = today.adding(days: -random.int(0...max(historyDays, 1)))
            let person = (given: random.pick(DutchPlace.givenNames), family: random.pick(DutchPlace.familyNames),
                          street: "\(random.pick(DutchPlace.streets)) \(random.int(1...180))",
                          postcode: "\(place.postcode) \(random.pick(DutchPlace.letters))\(random.pick(DutchPlace.letters))",
                          birth: CivilDay(year: random.int(1950...2004), month: random.int(1...12), day: random.int(1...28)))
            var caseID: UUID?, last: (partner: Int, kind: ArrearsKind)?
            for (index, partner) in random.sample(partners.indices.map { $0 }, count: min(partners.count, random.weighted([(1, 6), (2, 3), (3, 1)]))).enumerated() {
                let kind = random.pick(partners[partner].kinds)
                let day = min(first.adding(days: index == 0 ? 0 : random.int(1...25)), today)
                let submission = SignalSubmission(
                    reference: "S\(seed)-\(number)-\(index)", kind: kind.rawValue, amount: String(Self.amount(kind, random: &random)), months: String(random.int(1...6)),
                    signalledOn: day.iso, reminderSent: true, givenName: person.given, familyName: person.family, birthDate: person.birth?.iso,
                    street: person.street, postcode: person.postcode, city: "Voorbeeld")
                guard let facts = SignalCheck.check(submission, allowed: [kind: .defaults], today: today).facts else { continue }
                caseID = try await intake.receive(facts, from: partners[partner].organization, tenantID: tenantID).signal.caseID
                (rows, last) = (rows + 1, (partner, kind))
            }
            guard let caseID, let last else { continue }
            let (written, helped) = try await outreach(caseID, first: first, worker: worker, random: &random)
            rows += written
            // Some who accepted help fall behind again: a new signal at the same address, months later.
            if let helped, random.chance(0.2), case let again = helped.adding(days: random.int(60...240)), again <= today {
                let submission = SignalSubmission(
                    reference: "S\(seed)-\(number)-again", kind: last.kind.rawValue, amount: String(Self.amount(last.kind, random: &random)), months: String(random.int(1...3)),
                    signalledOn: again.iso, reminderSent: true, givenName: person.given, familyName: person.family, birthDate: person.birth?.iso,
                    street: person.street, postcode: person.postcode, city: "Voorbeeld")
                if let facts = SignalCheck.check(submission, allowed: [last.kind: .defaults], today: today).facts {
                    let repeated = try await intake.receive(facts, from: partners[last.partner].organization, tenantID: tenantID).signal.caseID
                    rows += 1 + (try await outreach(repeated, first: again, worker: worker, random: &random)).rows
                }
            }
        }
        return rows
    }

    /// Arrears in euro as partners see them.
    static func amount(_ kind: ArrearsKind, random: inout SeededRandom) -> Int {
        switch kind {
        case .rent: random.int(300...3_000)
        case .electricity, .gas, .heat: random.int(80...900)
        case .water: random.int(30...200)
        case .healthInsurance: random.int(150...1_200)
        }
    }

    /// Attempts, first contact and the close, as far as the case's age allows;
    /// returns the rows written and the day help was accepted, if it was.
    private func outreach(_ caseID: UUID, first: CivilDay, worker: UUID, random: inout SeededRandom) async throws -> (rows: Int, helped: CivilDay?) {
        let reached = random.chance(0.8)
        // Most within the five working days, some later.
        let contact = reached ? WorkingDays.add(random.chance(0.7) ? random.int(1...5) : random.int(6...15), to: first.iso).flatMap(CivilDay.init) : nil
        var attempts: [(CivilDay, Bool)] = []
        if let contact, contact <= today {
            if random.chance(0.4) { attempts.append((first.adding(days: 1), false)) }
            attempts.append((contact, true))
        } else if !reached {
            for offset in [2, 6, 12].prefix(random.int(1...3)) where first.adding(days: offset) <= today { attempts.append((first.adding(days: offset), false)) }
        }
        let madeContact = attempts.contains { $0.1 }
        var (status, outcome, closed): (SignalCaseStatus, SignalOutcome?, CivilDay?) = (madeContact ? .inContact : .received, nil, nil)
        let last = attempts.last?.0 ?? first
        if today.dayNumber - first.dayNumber > 45 {
            outcome = madeContact
                ? random.weighted([(SignalOutcome.acceptedHelp, 45), (.declined, 30), (.helpedElsewhere, 15), (.movedAway, 10)])
                : random.weighted([(SignalOutcome.notReached, 8), (.movedAway, 2)])
            closed = min(last.adding(days: random.int(1...20)), today)
            status = .closed
        }
        let rows = attempts.map { attempt in
            let row = OutreachAttempt()
            (row.id, row.tenantID, row.caseID, row.channel, row.attemptedOn, row.reached) = (UUID(), tenantID, caseID, OutreachChannel.allCases[attempt.0.dayNumber % 3].rawValue, attempt.0.iso, attempt.1)
            (row.userID, row.createdAt) = (worker, Date())
            return row
        }
        let (finalStatus, contactOn, finalOutcome, closedOn) = (status.rawValue, attempts.first { $0.1 }?.0.iso, outcome?.rawValue, closed?.iso)
        try await db.transaction { tx in
            if !rows.isEmpty { try await rows.create(on: tx) }
            try await tx.sql.update(SignalCase.schema).set("updated_at", to: Date()).set("status", to: finalStatus)
                .set("first_contact_on", to: contactOn).set("outcome", to: finalOutcome).set("closed_on", to: closedOn)
                .where("tenant_id", .equal, tenantID).where("id", .equal, caseID).run()
        }
        return (rows.count, outcome == .acceptedHelp ? closed : nil)
    }
}
