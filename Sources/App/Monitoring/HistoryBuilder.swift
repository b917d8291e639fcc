import Domain
import Foundation
import SQLKit

/// Assembles `HouseholdHistory` values from the rows `MonitorSources` reads.
/// Days are civil days in Dutch time; rows that do not parse are left out
/// rather than stopping the monitor.
struct HistoryBuilder {
    let municipal: Set<UUID>
    private var parts: [UUID: Parts] = [:]

    init(municipal: Set<UUID>) { self.municipal = municipal }

    private struct Parts {
        var neighbourhood: String?
        var members: [HouseholdHistory.Member] = []
        var involvements: [HouseholdHistory.Involvement] = []
        var consents: [HouseholdHistory.Consent] = []
        var referrals: [HouseholdHistory.Referral] = []
        var assessments: [HouseholdHistory.Assessment] = []
        var goals: [HouseholdHistory.Goal] = []
        var signatures: [CivilDay] = []
        var helpAcceptedAfterSignal: [CivilDay] = []
        var participation = HouseholdHistory.Participation()
    }

    var histories: [UUID: HouseholdHistory] {
        parts.reduce(into: [:]) { result, entry in
            let p = entry.value
            var history = HouseholdHistory(
                id: entry.key.uuidString, neighbourhood: p.neighbourhood, members: p.members.sorted { $0.id < $1.id },
                involvements: p.involvements.sorted { $0.id < $1.id }, consents: p.consents, referrals: p.referrals.sorted { $0.id < $1.id },
                assessments: p.assessments, goals: p.goals.sorted { $0.id < $1.id }, signatures: p.signatures,
                helpAcceptedAfterSignal: p.helpAcceptedAfterSignal)
            history.participation = .init(profiles: p.participation.profiles.sorted { $0.resident < $1.resident },
                                          proposals: p.participation.proposals.sorted { $0.id < $1.id }, placements: p.participation.placements.sorted { $0.id < $1.id })
            result[entry.key] = history
        }
    }

    mutating func household(_ id: UUID, neighbourhood: String?) { parts[id] = Parts(neighbourhood: neighbourhood) }

    /// A signal case of these people closed with help accepted.
    mutating func signalHelp(_ row: any SQLRow) throws {
        guard let day = CivilDay(try row.decode(column: "closed_on", as: String?.self) ?? "") else { return }
        parts[try household(row)]?.helpAcceptedAfterSignal.append(day)
    }

    private func household(_ row: any SQLRow) throws -> UUID { try row.decode(column: "household_id", as: UUID.self) }

    // Taking part by talent (issue 24).

    mutating func participationProfile(_ row: any SQLRow) throws {
        guard let since = CivilDay(Day.string(try row.decode(column: "created_at", as: Date.self))) else { return }
        parts[try household(row)]?.participation.profiles.append(.init(resident: try row.decode(column: "resident_id", as: UUID.self).uuidString, since: since))
    }

    /// A proposal or placement's host: the organisation behind the offer's provider (or the provider), and whether that is informal.
    private static func host(_ row: any SQLRow, organization column: String) throws -> HouseholdHistory.Participation.Host {
        let organization = try row.decode(column: column, as: UUID?.self) ?? row.decode(column: "map_organization_id", as: UUID.self)
        return .init(organization: organization.uuidString, informal: try row.decode(column: "informal", as: Bool.self))
    }

    mutating func participationProposal(_ row: any SQLRow) throws {
        guard let day = CivilDay(Day.string(try row.decode(column: "created_at", as: Date.self))) else { return }
        parts[try household(row)]?.participation.proposals.append(.init(
            id: try row.decode(column: "id", as: UUID.self).uuidString, resident: try row.decode(column: "resident_id", as: UUID.self).uuidString,
            day: day, host: try Self.host(row, organization: "organization_id")))
    }

    mutating func placement(_ row: any SQLRow) throws {
        guard let started = CivilDay(try row.decode(column: "started_on", as: String.self)) else { return }
        parts[try household(row)]?.participation.placements.append(.init(
            id: try row.decode(column: "id", as: UUID.self).uuidString, resident: try row.decode(column: "resident_id", as: UUID.self).uuidString,
            host: try Self.host(row, organization: "host_organization_id"), started: started,
            ended: try row.decode(column: "ended_on", as: String?.self).flatMap(CivilDay.init), rungBefore: try row.decode(column: "rung_before", as: Int?.self)))
    }

    mutating func member(_ row: any SQLRow) throws {
        parts[try household(row)]?.members.append(HouseholdHistory.Member(
            id: try row.decode(column: "id", as: UUID.self).uuidString,
            birth: CivilDay(try row.decode(column: "birth_date", as: String.self)),
            relation: try row.decode(column: "relation", as: String.self)))
    }

    mutating func involvement(_ row: any SQLRow) throws {
        let organization = try row.decode(column: "organization_id", as: UUID.self)
        guard let first = CivilDay(try row.decode(column: "starts_on", as: String.self)) else { return }
        let ends = try row.decode(column: "ends_on", as: String?.self).flatMap(CivilDay.init)
        parts[try household(row)]?.involvements.append(HouseholdHistory.Involvement(
            id: try row.decode(column: "id", as: UUID.self).uuidString, organization: organization.uuidString,
            isMunicipality: municipal.contains(organization), isCoordinator: try row.decode(column: "is_coordinator", as: Bool.self),
            domains: Self.domains(try row.decode(column: "domains", as: String.self)),
            days: DayRange(first: first, endingBefore: ends),
            contactUser: try row.decode(column: "contact_user_id", as: UUID?.self)?.uuidString))
    }

    mutating func consent(_ row: any SQLRow) throws {
        guard let first = CivilDay(try row.decode(column: "valid_from", as: String.self)) else { return }
        var last = try row.decode(column: "valid_to", as: String?.self).flatMap(CivilDay.init)
        if let withdrawn = try row.decode(column: "withdrawn_at", as: Date?.self) {
            let day = CivilDay.of(withdrawn).adding(days: -1)
            last = min(last ?? day, day)
        }
        guard let days = DayRange(first: first, last: last) else { return }
        parts[try household(row)]?.consents.append(HouseholdHistory.Consent(
            organization: try row.decode(column: "recipient_organization_id", as: UUID.self).uuidString,
            domains: Self.domains(try row.decode(column: "domains", as: String.self)), days: days))
    }

    mutating func goal(_ row: any SQLRow) throws {
        guard let domain = LifeDomain(rawValue: try row.decode(column: "domain", as: String.self)) else { return }
        let status = try row.decode(column: "status", as: String.self)
        let changed = try row.decode(column: "updated_at", as: Date?.self)
        parts[try household(row)]?.goals.append(HouseholdHistory.Goal(
            id: try row.decode(column: "id", as: UUID.self).uuidString, domain: domain, status: status,
            closed: status == "open" ? nil : changed.map { CivilDay.of($0) }))
    }

    mutating func signature(_ row: any SQLRow) throws {
        parts[try household(row)]?.signatures.append(CivilDay.of(try row.decode(column: "signed_at", as: Date.self)))
    }

    mutating func referrals(_ rows: [any SQLRow], events: [any SQLRow]) throws {
        var steps: [UUID: [HouseholdHistory.Referral.Step]] = [:]
        for event in events {
            guard let status = ReferralStatus(rawValue: try event.decode(column: "to_status", as: String.self)) else { continue }
            steps[try event.decode(column: "referral_id", as: UUID.self), default: []].append(HouseholdHistory.Referral.Step(
                status, on: CivilDay.of(try event.decode(column: "occurred_at", as: Date.self)),
                outcome: try event.decode(column: "outcome", as: String?.self)))
        }
        for row in rows {
            let id = try row.decode(column: "id", as: UUID.self)
            parts[try household(row)]?.referrals.append(HouseholdHistory.Referral(
                id: id.uuidString, domains: Self.domains(try row.decode(column: "domains", as: String.self)),
                requester: try row.decode(column: "requester_organization_id", as: UUID.self).uuidString,
                receiver: try row.decode(column: "receiver_organization_id", as: UUID.self).uuidString,
                sent: try row.decode(column: "sent_on", as: String?.self).flatMap(CivilDay.init),
                due: try row.decode(column: "due_on", as: String?.self).flatMap(CivilDay.init), steps: steps[id] ?? []))
        }
    }

    mutating func assessments(_ rows: [any SQLRow], scores: [any SQLRow]) throws {
        var scored: [UUID: [LifeDomain: Int]] = [:]
        for score in scores {
            guard let domain = LifeDomain(rawValue: try score.decode(column: "domain", as: String.self)) else { continue }
            scored[try score.decode(column: "assessment_id", as: UUID.self), default: [:]][domain] = try score.decode(column: "score", as: Int.self)
        }
        for row in rows {
            let id = try row.decode(column: "id", as: UUID.self)
            guard let day = CivilDay(try row.decode(column: "assessed_on", as: String.self)) else { continue }
            parts[try household(row)]?.assessments.append(HouseholdHistory.Assessment(
                id: id.uuidString, resident: try row.decode(column: "resident_id", as: UUID.self).uuidString,
                instrument: try row.decode(column: "instrument_id", as: String.self), day: day,
                source: try row.decode(column: "source", as: String.self),
                organization: try row.decode(column: "organization_id", as: UUID?.self)?.uuidString, scores: scored[id] ?? [:]))
        }
    }

    static func domains(_ text: String) -> [LifeDomain] {
        text.split(separator: ",").compactMap { LifeDomain(rawValue: String($0)) }
    }
}
