import Domain
import Fluent
import Foundation
import SQLKit

/// Takes in checked signals: the same report twice (the partner's own
/// reference) is one signal, answered as it was; a new one joins the open
/// case of the same person or address within the window, or starts a case;
/// a match that is only likely is recorded on the signal for a person to
/// confirm, never merged. Who it is about is sealed; matching reads keyed hashes.
struct SignalIntake {
    let db: any Database
    let keys: Keys
    var windowDays = CaseCombining.defaultWindowDays

    struct Received { let signal: Signal; let created: Bool }

    func matchKey(_ facts: SignalFacts) -> SignalMatch.Key {
        let hasher = KeyedHash(key: keys.session)
        return SignalMatch.Key(bsnLookup: facts.bsn.map { hasher.hex($0, purpose: "bsn") }, familyName: facts.person.familyName,
                               birthDate: facts.person.birthDate?.iso, postcode: facts.person.postcode, street: facts.person.street,
                               hash: { hasher.hex($0, purpose: "signal-match") })
    }

    func receive(_ facts: SignalFacts, from partner: UUID, tenantID: UUID, now: Date = Date()) async throws -> Received {
        if let existing = try await Signal.select(in: tenantID, where: "partner_organization_id = \(bind: partner) AND reference = \(bind: facts.reference)",
                                                  limit: 1, on: db).first {
            return Received(signal: existing, created: false)
        }
        let key = matchKey(facts)
        let cipher = FieldCipher(key: keys.field)
        return try await db.transaction { tx in
            let (join, uncertain) = CaseCombining.place(key, on: facts.signalledOn, among: try await openCases(near: key, tenantID: tenantID, on: tx),
                                                        windowDays: windowDays)
            let signal = Signal()
            (signal.id, signal.tenantID, signal.partnerOrganizationID, signal.reference) = (UUID(), tenantID, partner, facts.reference)
            (signal.kind, signal.amountCents, signal.months, signal.signalledOn) = (facts.kind.rawValue, facts.amountCents, facts.months, facts.signalledOn.iso)
            signal.personEncrypted = try cipher.seal(String(decoding: try JSONEncoder().encode(PersonRecord(facts.person)), as: UTF8.self))
            signal.bsnEncrypted = try facts.bsn.map { try cipher.seal($0) }
            (signal.bsnLookup, signal.addressKey, signal.nameBirthKey, signal.namePostcodeKey) = (key.bsnLookup, key.address, key.nameAndBirth, key.nameAndPostcode)
            signal.uncertainCases = uncertain.isEmpty ? nil : uncertain.map(\.uuidString).joined(separator: ",")
            signal.createdAt = now
            var caseID = join
            if caseID == nil {
                let neighbourhood = try await ResidentAccess.neighbourhood(ofPostcode: facts.person.postcode, tenantID: tenantID, on: tx)
                caseID = try await newCase(tenantID: tenantID, on: facts.signalledOn, neighbourhood: neighbourhood, now: now, tx)
            }
            guard let caseID else { throw AppError.notFound }
            signal.caseID = caseID
            try await signal.create(on: tx)
            try await Self.reweigh(caseID, tenantID: tenantID, on: tx)
            return Received(signal: signal, created: true)
        }
    }

    /// Open cases with a signal whose address, BSN or name tokens are the new signal's.
    private func openCases(near key: SignalMatch.Key, tenantID: UUID, on db: any Database) async throws -> [CaseCombining.OpenCase] {
        // One indexed look-up per token, UNION ALL: an OR of them let SQLite, with
        // the statistics of a young table, read every signal for every row.
        var tokens: [SQLQueryString] = ["s.address_key = \(bind: key.address)", "s.name_postcode_key = \(bind: key.nameAndPostcode)"]
        if let bsn = key.bsnLookup { tokens.append("s.bsn_lookup = \(bind: bsn)") }
        if let nameAndBirth = key.nameAndBirth { tokens.append("s.name_birth_key = \(bind: nameAndBirth)") }
        var query: SQLQueryString = ""
        for (index, token) in tokens.enumerated() {
            query = """
                \(query)\(unsafeRaw: index == 0 ? "" : " UNION ALL ")SELECT c.id, c.last_signalled_on, s.bsn_lookup, s.address_key, s.name_birth_key, s.name_postcode_key
                FROM signals s JOIN signal_cases c ON c.tenant_id = s.tenant_id AND c.id = s.case_id
                WHERE s.tenant_id = \(bind: tenantID) AND c.status <> \(bind: SignalCaseStatus.closed.rawValue) AND \(token)
                """
        }
        let rows = try await db.sql.raw(query).all()
        var cases: [UUID: (CivilDay, [SignalMatch.Key])] = [:]
        for row in rows {
            let id = try row.decode(column: "id", as: UUID.self)
            let key = SignalMatch.Key(bsnLookup: try row.decode(column: "bsn_lookup", as: String?.self), address: try row.decode(column: "address_key", as: String.self),
                                      nameAndBirth: try row.decode(column: "name_birth_key", as: String?.self),
                                      nameAndPostcode: try row.decode(column: "name_postcode_key", as: String.self))
            let day = CivilDay(try row.decode(column: "last_signalled_on", as: String.self)) ?? CivilDay.today()
            cases[id, default: (day, [])].1.append(key)
        }
        return cases.map { CaseCombining.OpenCase(id: $0.key, keys: $0.value.1, lastSignalled: $0.value.0) }.sorted { $0.id.uuidString < $1.id.uuidString }
    }

    private func newCase(tenantID: UUID, on day: CivilDay, neighbourhood: String?, now: Date, _ db: any Database) async throws -> UUID {
        let signalCase = SignalCase()
        (signalCase.id, signalCase.tenantID, signalCase.status) = (UUID(), tenantID, SignalCaseStatus.received.rawValue)
        (signalCase.firstSignalledOn, signalCase.lastSignalledOn, signalCase.totalArrearsCents) = (day.iso, day.iso, 0)
        (signalCase.partners, signalCase.longestMonths, signalCase.createdAt, signalCase.version) = (0, 0, now, 1)
        (signalCase.updatedAt, signalCase.neighbourhoodCode) = (now, neighbourhood)
        signalCase.queueKey = SignalCase.queueKey(signalCase.weight, id: signalCase.id!)
        try await signalCase.create(on: db)
        return try signalCase.requireID()
    }

    /// The case's weight from its signals: distinct partners, longest months,
    /// the latest amount of each partner's kind summed, first and last day.
    static func reweigh(_ caseID: UUID, tenantID: UUID, on db: any Database) async throws {
        let signals = try await Signal.select(in: tenantID, where: "case_id = \(bind: caseID)", orderBy: "signalled_on, id", on: db)
        guard let first = signals.first, let last = signals.last else { return }
        var latest: [String: Int] = [:]
        for signal in signals { latest["\(signal.partnerOrganizationID)|\(signal.kind)"] = signal.amountCents }
        let firstDay = signals.map(\.signalledOn).min() ?? first.signalledOn
        let weight = CaseWeight(totalArrearsCents: latest.values.reduce(0, +), partners: Set(signals.map(\.partnerOrganizationID)).count,
                                longestMonths: signals.map(\.months).max() ?? 0, firstSignalled: CivilDay(firstDay) ?? .today())
        try await db.sql.update(SignalCase.schema).set("updated_at", to: Date())
            .set("total_arrears_cents", to: weight.totalArrearsCents).set("partners", to: weight.partners)
            .set("longest_months", to: weight.longestMonths).set("queue_key", to: SignalCase.queueKey(weight, id: caseID))
            .set("first_signalled_on", to: firstDay).set("last_signalled_on", to: max(last.signalledOn, signals.map(\.signalledOn).max() ?? last.signalledOn))
            .where("tenant_id", .equal, tenantID).where("id", .equal, caseID).run()
    }
}

/// Who a signal is about, as stored (sealed).
struct PersonRecord: Codable, Equatable {
    var givenName: String, familyName: String, birthDate: String?, street: String, postcode: String, city: String, phone: String?, email: String?

    init(_ person: SignalPerson) {
        (givenName, familyName, birthDate, street, postcode, city) = (person.givenName, person.familyName, person.birthDate?.iso, person.street, person.postcode, person.city)
        (phone, email) = (person.phone, person.email)
    }

    var name: String { givenName + " " + familyName }
    var address: String { street + ", " + postcode.prefix(4) + " " + postcode.suffix(2) + " " + city }
}
