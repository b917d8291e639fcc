import Domain
import Fluent
import Foundation
import Vapor

/// Fills the demo tenant with a synthetic municipality of N residents: a
/// district social team per part of town with its professionals, and
/// households with plans, consents, notes and referrals in every status.
/// Rows go in with multi-row inserts, a batch of households per transaction.
struct SyntheticMunicipality {
    struct Report: Sendable {
        let households: Int
        let residents: Int
        let rows: Int
        let seconds: Double
        var rowsPerSecond: Int { ProgressBar.rate(rows: rows, seconds: seconds) }
    }

    enum Refusal: Error, CustomStringConvertible {
        case alreadyGenerated(UInt64)
        var description: String {
            switch self {
            case .alreadyGenerated(let seed): "This database already holds the synthetic municipality of seed \(seed); use another seed or a fresh database."
            }
        }
    }

    static let householdsPerBatch = 500
    /// A professional of a district team carries about this many households.
    static let caseload = 40

    let app: Application
    let options: SyntheticOptions
    let tenantID: UUID

    func generate(progress: ProgressBar?) async throws -> Report {
        let started = Date()
        var random = SeededRandom(seed: options.seed)
        let marker = random.uuid()
        if try await Household.chosen(marker.uuidString, in: tenantID, on: app.db) != nil { throw Refusal.alreadyGenerated(options.seed) }
        let staff = try await SyntheticStaff.prepare(app: app, tenantID: tenantID, options: options, random: &random)
        var context = SyntheticHousehold.Context(
            tenantID: tenantID, staff: staff, cipher: FieldCipher(key: app.config.keys.field),
            lookupKey: KeyedHash(key: app.config.keys.session), catalog: app.instruments, today: Day.today(), nextBSN: 100_000_000 + Int(options.seed % 1000) * 100_000
        )
        context.historyDays = min(SyntheticTimeline.horizonDays, options.historyMonths * 30)
        let map = SyntheticSocialMap.plan(residents: options.residents, random: &random)
        try await app.db.transaction { tx in try await ImportWriter(tenantID: tenantID, db: tx).write(map) }
        var residents = 0, households = 0, rows = staff.rowCount + SyntheticSocialMap.rowCount(map)
        var first = true
        // Its own sequence, so choosing who writes a profile leaves the rest of the municipality as the seed made it.
        var choosing = SeededRandom(seed: options.seed &+ 24), people: [SyntheticParticipation.Person] = []
        while residents < options.residents {
            var batch = SyntheticBatch()
            while batch.households.count < Self.householdsPerBatch, residents < options.residents {
                let id = first ? marker : random.uuid()
                first = false
                residents += SyntheticHousehold.add(id: id, to: &batch, context: &context, random: &random, limit: options.residents - residents)
            }
            try await batch.write(on: app.db)
            people += batch.residents.filter { SyntheticParticipation.chosen($0, today: context.day, random: &choosing) }
                .compactMap { resident in resident.id.map { SyntheticParticipation.Person(householdID: resident.householdID, residentID: $0) } }
            households += batch.households.count
            rows += batch.rowCount
            progress?.update(done: residents, rows: rows)
        }
        rows += try await SyntheticSignals(db: app.db, keys: app.config.keys, tenantID: tenantID, today: context.day)
            .generate(households: households, historyDays: context.historyDays, seed: options.seed, random: &random)
        var placesPast = SeededRandom(seed: options.seed &+ 2424)
        rows += try await SyntheticParticipation(db: app.db, tenantID: tenantID, cipher: context.cipher)
            .generate(residents: options.residents, map: map, people: people, today: context.day, historyDays: context.historyDays,
                      random: &choosing, history: &placesPast)
        try await QueryPlannerStatistics.refresh(on: app.db)
        progress?.update(done: residents, rows: rows, force: true)
        progress?.finish()
        return Report(households: households, residents: residents, rows: rows, seconds: Date().timeIntervalSince(started))
    }
}

/// The district teams, the partners and their professionals.
struct SyntheticStaff {
    struct Team { let organization: UUID; let professionals: [UUID] }

    let teams: [String: Team]
    let partners: [OrganizationKind: UUID]
    let partnerStaff: [OrganizationKind: UUID]
    let rowCount: Int

    static func prepare(app: Application, tenantID: UUID, options: SyntheticOptions, random: inout SeededRandom) async throws -> SyntheticStaff {
        let passwordHash = try await app.password.async.hash(RandomToken.urlSafe())
        let households = max(1, options.residents * 10 / 22)
        let perTeam = max(1, households / DutchPlace.districts.count / SyntheticMunicipality.caseload)
        var teams: [String: Team] = [:], partners: [OrganizationKind: UUID] = [:], partnerStaff: [OrganizationKind: UUID] = [:]
        var organizations: [Organization] = [], users: [User] = []
        let existing = try await Organization.scoped(to: tenantID, on: app.db).all()
        // The demo's own social team works in the centre, so the demo professional has a real caseload.
        let demoTeam = existing.first { $0.kind == OrganizationKind.socialTeam.rawValue }
        let demoProfessional = try await User.scoped(to: tenantID, on: app.db).filter(\.$username == "professional").first()
        for district in DutchPlace.districts {
            if district == DutchPlace.districts[0], let demoTeam, let demoProfessional, demoProfessional.organizationID == demoTeam.id {
                let colleagues = (1..<max(perTeam, 1)).map { n in
                    User(id: random.uuid(), tenantID: tenantID, organizationID: demoTeam.id, username: "s\(options.seed)-\(district.lowercased())-\(n)",
                         displayName: "\(random.pick(DutchPlace.givenNames)) \(random.pick(DutchPlace.familyNames))", role: .professional)
                }
                users += colleagues
                teams[district] = Team(organization: demoTeam.id!, professionals: [demoProfessional.id!] + colleagues.map { $0.id! })
                continue
            }
            let organization = Organization(id: random.uuid(), tenantID: tenantID, name: "Sociaal Team \(district) (s\(options.seed))", kind: .socialTeam)
            organization.partOfMunicipality = true
            organizations.append(organization)
            let professionals = (1...perTeam).map { n in
                User(id: random.uuid(), tenantID: tenantID, organizationID: organization.id, username: "s\(options.seed)-\(district.lowercased())-\(n)",
                     displayName: "\(random.pick(DutchPlace.givenNames)) \(random.pick(DutchPlace.familyNames))", role: .professional)
            }
            users += professionals
            teams[district] = Team(organization: organization.id!, professionals: professionals.map { $0.id! })
        }
        for kind in [OrganizationKind.debtHelp, .care, .housing, .welfare] {
            let organization = existing.first { $0.kind == kind.rawValue } ?? {
                let made = Organization(id: random.uuid(), tenantID: tenantID, name: "\(kind.rawValue) (s\(options.seed))", kind: kind)
                organizations.append(made)
                return made
            }()
            partners[kind] = organization.id!
            let worker = User(id: random.uuid(), tenantID: tenantID, organizationID: organization.id, username: "s\(options.seed)-\(kind.rawValue)",
                              displayName: "\(random.pick(DutchPlace.givenNames)) \(random.pick(DutchPlace.familyNames))", role: .professional)
            users.append(worker)
            partnerStaff[kind] = worker.id!
        }
        for user in users { user.passwordHash = passwordHash }
        let (newOrganizations, newUsers) = (organizations, users)
        try await app.db.transaction { tx in
            try await newOrganizations.create(on: tx)
            // A thousand a statement: a city of 1,000,000 has some 10,600
            // professionals, more binds than PostgreSQL takes in one (65,535).
            for start in stride(from: 0, to: newUsers.count, by: 1000) {
                try await Array(newUsers[start..<min(start + 1000, newUsers.count)]).create(on: tx)
            }
        }
        return SyntheticStaff(teams: teams, partners: partners, partnerStaff: partnerStaff, rowCount: organizations.count + users.count)
    }
}
