import Domain
import Foundation

/// One synthetic household and everything around it: members with valid
/// BSNs, a district team that coordinates, partners under consent (some
/// withdrawn, expired or refused), goals, actions, notes and a referral.
enum SyntheticHousehold {
    struct Context {
        let tenantID: UUID
        let staff: SyntheticStaff
        let cipher: FieldCipher
        let lookupKey: KeyedHash
        let catalog: InstrumentCatalog
        let today: String
        var nextBSN: Int
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

        let team = context.staff.teams[DutchPlace.district(of: place)]!
        let professional = random.pick(team.professionals)
        let since = day(context.today, plus: -random.int(30...720))
        let domains = Set(random.sample(LifeDomain.allCases, count: random.int(2...5)))
        let coordination = involvement(team.organization, id, domains, coordinator: true, since: since, tenantID: tenantID, random: &random)
        coordination.contactUserID = professional
        batch.involvements.append(coordination)
        let head = residents[0].id!
        batch.consents.append(consent(id, head, team.organization, domains, status: .given, since: since, until: nil, recordedBy: professional, tenantID: tenantID, random: &random))

        var goals: [Goal] = []
        for domain in domains.sorted(by: { $0.rawValue < $1.rawValue }) where random.chance(0.7) || goals.isEmpty {
            let goal = Goal(tenantID: tenantID, householdID: id, domain: domain, title: random.pick(goalTitles[domain] ?? ["Een stap vooruit"]), target: nil)
            goal.id = random.uuid()
            goal.status = random.weighted([(GoalStatus.open, 70), (.achieved, 15), (.partlyAchieved, 10), (.dropped, 5)]).rawValue
            goals.append(goal)
            for _ in 0..<random.int(1...2) {
                let owner: ActionOwner = random.weighted([(.professional(professional), 3), (.resident(name: nil), 2), (.network(name: "Buurvrouw"), 1)])
                let action = PlanAction(tenantID: tenantID, householdID: id, goalID: goal.id!, description: random.pick(["Afspraak maken", "Samen de post doornemen", "Formulier invullen", "Bellen met de huisarts", "Kennismaken"]),
                                        owner: owner, dueOn: day(context.today, plus: random.int(-30...60)))
                action.id = random.uuid()
                action.status = random.weighted([(ActionStatus.open, 60), (.inProgress, 15), (.done, 20), (.cancelled, 5)]).rawValue
                batch.actions.append(action)
            }
            if random.chance(0.6) {
                let note = Note(tenantID: tenantID, householdID: id, domain: domain, kind: random.pick(NoteKind.allCases.filter { $0 != .comment }),
                                occurredOn: day(context.today, plus: -random.int(0...300)),
                                textEncrypted: (try? context.cipher.seal("Gesprek over \(goal.title.lowercased()).")) ?? "", authorID: professional, organizationID: team.organization)
                note.id = random.uuid()
                batch.notes.append(note)
            }
        }
        batch.goals += goals

        // Partners on the team, under consent; some consents ended, so those partners are refused today.
        if random.chance(0.5) {
            let (kind, partnerDomains) = random.pick(partnerDomains)
            let shared = Set(partnerDomains)
            let partner = context.staff.partners[kind]!
            let state = random.weighted([("given", 80), ("withdrawn", 7), ("expired", 7), ("refused", 6)])
            let until = state == "expired" ? day(context.today, plus: -random.int(1...200)) : nil
            let status: ConsentStatus = state == "withdrawn" ? .withdrawn : (state == "refused" ? .refused : .given)
            batch.consents.append(consent(id, head, partner, shared, status: status, since: since, until: until, recordedBy: professional, tenantID: tenantID, random: &random))
            if status != .refused { batch.involvements.append(involvement(partner, id, shared, coordinator: false, since: since, tenantID: tenantID, random: &random)) }
        }
        if random.chance(0.6) {
            SyntheticAssessments.add(for: residents[0], domains: domains, by: professional, organization: team.organization, context: context, batch: &batch, random: &random)
        }
        if let goal = goals.first, random.chance(0.4) {
            SyntheticReferral.add(for: goal, household: id, from: team.organization, by: professional, context: context, batch: &batch, random: &random)
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

    static func involvement(_ organization: UUID, _ household: UUID, _ domains: Set<LifeDomain>, coordinator: Bool, since: String, tenantID: UUID, random: inout SeededRandom) -> Involvement {
        let involvement = Involvement(tenantID: tenantID, householdID: household, organizationID: organization, domains: domains, isCoordinator: coordinator, startsOn: since)
        involvement.id = random.uuid()
        return involvement
    }

    static func consent(_ household: UUID, _ resident: UUID, _ organization: UUID, _ domains: Set<LifeDomain>, status: ConsentStatus, since: String, until: String?,
                        recordedBy: UUID, tenantID: UUID, random: inout SeededRandom) -> Consent {
        let consent = Consent(tenantID: tenantID, householdID: household, residentID: resident, recipientOrganizationID: organization, domains: domains,
                              purpose: "Samenwerken aan het plan", validFrom: since, validTo: until, method: .signedOnPaper, status: status, recordedBy: recordedBy)
        consent.id = random.uuid()
        if status == .withdrawn { consent.withdrawnAt = Date() }
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
