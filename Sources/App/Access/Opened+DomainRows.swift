import Domain
import Fluent
import Foundation
import SQLKit

/// A row of a household's file that belongs to one life domain — a
/// conversation, a document, an appointment. The access rule reads it as a
/// note: with that domain's details; a resident only when it is theirs to see.
protocol DomainRow: HouseholdOwned {
    /// What the access log calls it.
    static var loggedType: String { get }
    var lifeDomain: LifeDomain? { get }
    /// Whether the household's resident sees it: included in it, shared with them, or their own.
    var forResident: Bool { get }
}

extension Conversation: DomainRow {
    static let loggedType = "conversation"
    var forResident: Bool { withResident }
}

extension Document: DomainRow {
    static let loggedType = "document"
    var forResident: Bool { sharedWithResident || fromResident }
}

extension Appointment: DomainRow {
    static let loggedType = "appointment"
    var forResident: Bool { withResident }
}

extension ResidentAccess.Opened {
    func mayRead(_ row: some DomainRow) -> Bool {
        guard row.householdID == householdID, let domain = row.lifeDomain, allows(.detail(domain)) else { return false }
        return context.role != .resident || row.forResident
    }

    /// The household's rows of a kind in the domains the viewer may read, as far as they may see each, in `order`.
    func rows<Row: DomainRow>(_ type: Row.Type, where condition: SQLQueryString? = nil, orderBy order: SQLQueryString, limit: Int,
                              on db: any Database) async throws -> [Row] {
        let domains = LifeDomain.allCases.filter { allows(.detail($0)) }
        guard !domains.isEmpty else { return [] }
        let extra: SQLQueryString = condition.map { " AND \($0)" } ?? ""
        return try await Row.select(in: tenantID, where: "household_id = \(bind: householdID) AND domain IN (\(binds: domains.map(\.rawValue)))\(extra)",
                                    orderBy: order, limit: limit, on: db).filter(mayRead)
    }

    /// One row of a kind by id, when the viewer may read it.
    func row<Row: DomainRow>(_ type: Row.Type, _ id: UUID?, on db: any Database) async throws -> Row? {
        guard let id, let row = try await Row.select(in: tenantID, where: "id = \(bind: id)", limit: 1, on: db).first, mayRead(row) else { return nil }
        return row
    }
}

extension ResidentAccess {
    /// The row `id` of a kind in the actor's tenant, its household opened for
    /// reading its domain or (`writing`) for changing it — as the team
    /// (`.write`) or as the resident in the portal (`.participate`). Every
    /// decision is logged naming the row; one not meant for the resident is
    /// 404 to them, one the access rule refuses 403.
    func openRow<Row: DomainRow>(_ type: Row.Type, _ id: UUID?, writing: Bool, event: String) async throws -> (Opened, Row) {
        guard let id, let row = try await Row.select(in: actor.tenantID, where: "id = \(bind: id)", limit: 1, on: context.db).first,
              let domain = row.lifeDomain else {
            _ = try await open(nil, .identity, event: event)
            throw AppError.notFound
        }
        let object = LoggedObject(type: Row.loggedType, id: id)
        if actor.role == .resident, !row.forResident {
            try await log(event, .denied(.notInvolved), householdID: row.householdID, scope: .detail(domain), object: object)
            throw AppError.notFound
        }
        let action: AccessAction = !writing ? .read(.detail(domain)) : actor.role == .resident ? .participate : .write(domain)
        let opened = try await open(row.householdID, action, event: event, object: object)
        guard opened.mayRead(row) else { throw AppError.forbidden }
        return (opened, row)
    }
}
