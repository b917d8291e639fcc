import Domain
import Foundation

/// One synthetic household: members with valid BSNs, and its plans over
/// time (`SyntheticTimeline`), each with what happens in it (`SyntheticEpisode`).
enum SyntheticHousehold {
    struct Context {
        let tenantID: UUID
        let staff: SyntheticStaff
        let cipher: FieldCipher
        let lookupKey: KeyedHash
        let catalog: InstrumentCatalog
        let today: String
        var nextBSN: Int
        var historyDays = SyntheticTimeline.horizonDays
        var clock = SyntheticClock(now: Date())
        var day: CivilDay { CivilDay(today) ?? CivilDay.today() }
    }

    enum Composition: CaseIterable { case single, couple, singleParent, family, elderlyCouple }

    /// Which partner helps in which domains.
    static let partnerDomains: [(OrganizationKind, [LifeDomain])] = [
        (.debtHelp, [.finances]), (.care, [.mentalHealth, .physicalHealth, .basicADL]),
        (.housing, [.housing]), (.welfare, [.socialNetwork, .socialParticipation, .timeUse]),
    ]

    static let goalTitles: [LifeDomain: [String]] = [
        .finances: ["Ik wil mijn rekeningen op tijd betalen", "Overzicht in mijn schulden", "Een budgetplan dat werkt"],
        .workAndEducation: ["Ik wil een baan vinden", "Mijn diploma halen", "Een stage bij een werkgever in de buurt"],
        .timeUse: ["Een vaste dagbesteding", "Iets doen wat ik leuk vind"],
        .housing: ["Huurachterstand oplossen", "Een woning die bij ons past"],
        .domesticRelations: ["Rust in huis", "Goede afspraken met de vader van de kinderen"],
        .mentalHealth: ["Minder piekeren", "Hulp bij somberheid"],
        .physicalHealth: ["Weer fit worden", "Mijn medicijnen goed gebruiken"],
        .substanceUse: ["Minder drinken", "Stoppen met blowen"],
        .basicADL: ["Zelf kunnen douchen en aankleden"],
        .instrumentalADL: ["Zelf boodschappen doen", "Mijn post bijhouden"],
        .socialNetwork: ["Mensen in de buurt leren kennen", "Weer contact met mijn familie"],
        .socialParticipation: ["Vrijwilligerswerk doen", "Meedoen met de buurtkamer"],
        .justice: ["Mijn boete afbetalen", "Afspraken met de reclassering nakomen"],
    ]

    /// Adds the household with `id`; returns how many residents it has (at most `limit`).
    static func add(id: UUID, to batch: inout SyntheticBatch, context: inout Context, random: inout SeededRandom, limit: Int) -> Int {
        let tenantID = context.tenantID
        let place = random.pick(DutchPlace.neighbourhoods)
        let family = random.pick(DutchPlace.familyNames)
        let household = Household(tenantID: tenantID, name: "Huishouden \(family)", street: "\(random.pick(DutchPlace.streets)) \(random.int(1...180))",
                                   postcode: "\(place.postcode) \(random.pick(DutchPlace.letters))\(random.pick(DutchPlace.letters))", city: "Voorbeeld",
                                   neighbourhoodCode: place.code)
        household.id = id
        household.reviewOn = day(context.today, plus: random.int(-60...120))
        batch.households.append(household)

        let members = self.members(random.weighted([(Composition.single, 35), (.couple, 15), (.singleParent, 20), (.family, 25), (.elderlyCouple, 5)]), family: family, random: &random)
        let residents = members.prefix(max(1, limit)).map { member -> Resident in
            let resident = Resident(tenantID: tenantID, householdID: id, givenName: member.given, familyName: family, birthDate: member.birthDate, relation: member.relation)
            resident.id = random.uuid()
            if member.relation != .child, let bsn = nextBSN(&context) {
                resident.bsnEncrypted = try? context.cipher.seal(bsn.value)
                resident.bsnLookup = context.lookupKey.hex(bsn.value, purpose: "bsn")
            }
            return resident
        }
        batch.residents += residents

        let timeline = SyntheticTimeline.make(today: context.day, horizonDays: context.historyDays, random: &random)
        // Known since the first intake; `updated_at` stays now, so the monitor's next refresh notices the household.
        let known = context.clock.at(timeline.episodes[0].start, random: &random)
        household.createdAt = known
        for resident in residents { resident.createdAt = known }
        let team = context.staff.teams[DutchPlace.district(of: place)]!
        var plan = SyntheticEpisode.Plan(household: id, head: residents[0], team: team.organization, professional: random.pick(team.professionals),
                                         domains: Set(random.sample(LifeDomain.allCases, count: random.int(2...5))))
        for episode in timeline.episodes {
            SyntheticEpisode.add(episode, plan: &plan, context: context, batch: &batch, random: &random)
            // Who comes back often comes back with something else too.
            plan.domains.formUnion(random.sample(LifeDomain.allCases, count: 1))
        }
        return residents.count
    }

    struct Member { let given: String; let birthDate: String; let relation: HouseholdRelation }

    static func members(_ composition: Composition, family: String, random: inout SeededRandom) -> [Member] {
        func person(_ relation: HouseholdRelation, age: ClosedRange<Int>) -> Member {
            let year = 2026 - random.int(age)
            return Member(given: random.pick(DutchPlace.givenNames), birthDate: String(format: "%04d-%02d-%02d", year, random.int(1...12), random.int(1...28)), relation: relation)
        }
        let children = { (random: inout SeededRandom) -> Int in random.int(1...3) }
        switch composition {
        case .single: return [person(.head, age: 19...80)]
        case .couple: return [person(.head, age: 22...65), person(.partner, age: 22...65)]
        case .singleParent: let n = children(&random); return [person(.head, age: 22...50)] + (0..<n).map { _ in person(.child, age: 0...17) }
        case .family: let n = children(&random); return [person(.head, age: 25...55), person(.partner, age: 25...55)] + (0..<n).map { _ in person(.child, age: 0...17) }
        case .elderlyCouple: return [person(.head, age: 67...92), person(.partner, age: 67...92)]
        }
    }

    static func involvement(_ organization: UUID, _ household: UUID, _ domains: Set<LifeDomain>, coordinator: Bool, from start: CivilDay, until end: CivilDay?,
                            context: Context, random: inout SeededRandom) -> Involvement {
        let involvement = Involvement(tenantID: context.tenantID, householdID: household, organizationID: organization, domains: domains,
                                      isCoordinator: coordinator, startsOn: start.iso)
        involvement.id = random.uuid()
        involvement.endsOn = end?.iso
        involvement.createdAt = context.clock.at(start, random: &random)
        involvement.updatedAt = end.map { context.clock.at($0, random: &random) } ?? involvement.createdAt
        return involvement
    }

    static func consent(_ household: UUID, _ resident: UUID, _ organization: UUID, _ domains: Set<LifeDomain>, status: ConsentStatus, from start: CivilDay,
                        until end: CivilDay?, withdrawnOn: CivilDay? = nil, recordedBy: UUID, context: Context, random: inout SeededRandom) -> Consent {
        let consent = Consent(tenantID: context.tenantID, householdID: household, residentID: resident, recipientOrganizationID: organization, domains: domains,
                              purpose: "Samenwerken aan het plan", validFrom: start.iso, validTo: end?.iso, method: .signedOnPaper, status: status, recordedBy: recordedBy)
        consent.id = random.uuid()
        consent.createdAt = context.clock.at(start, random: &random)
        consent.updatedAt = consent.createdAt
        if status == .withdrawn, let withdrawnOn {
            consent.withdrawnAt = context.clock.at(withdrawnOn, random: &random)
            consent.updatedAt = consent.withdrawnAt
        }
        return consent
    }

    /// The next valid BSN after the counter (numbers failing the 11-check are skipped).
    static func nextBSN(_ context: inout Context) -> BSN? {
        while context.nextBSN < 999_999_999 {
            context.nextBSN += 1
            if let bsn = BSN(String(context.nextBSN)) { return bsn }
        }
        return nil
    }

    static func day(_ base: String, plus days: Int) -> String {
        CivilDay(base).map { $0.adding(days: days).iso } ?? base
    }
}
