import Foundation
import Testing
@testable import Domain

/// Who reads which monitor, as a matrix: every role × manager flag × own
/// organisation or not × scope.
@Suite("Monitor access")
struct MonitorAccessTests {
    static let own = UUID()
    static let other = UUID()
    static let scopes: [MonitorScope] = [.tenant, .organization(own), .organization(other)]

    static var everyReader: [MonitorReaderFacts] {
        Role.allCases.flatMap { role in
            [nil, own].flatMap { organization in
                [false, true].map { MonitorReaderFacts(role: role, organizationID: organization, isManager: $0) }
            }
        }
    }

    /// The rule written out plainly, to hold the function to.
    static func expected(_ reader: MonitorReaderFacts, _ scope: MonitorScope) -> Bool {
        if reader.role == .analyst || reader.role == .tenantAdmin { return true }
        let manager = reader.role == .professional && reader.isManager && reader.organizationID != nil
        return manager && scope == .organization(own)
    }

    @Test func theMatrix() {
        for reader in Self.everyReader {
            for scope in Self.scopes {
                #expect(MonitorAccess.mayRead(reader, scope) == Self.expected(reader, scope), "\(reader) \(scope)")
            }
        }
    }

    @Test func everyReaderLandsOnAMonitorTheyMayRead() {
        for reader in Self.everyReader {
            if let home = MonitorAccess.home(reader) {
                #expect(MonitorAccess.mayRead(reader, home))
            } else {
                #expect(Self.scopes.allSatisfy { !MonitorAccess.mayRead(reader, $0) }, "\(reader) reads a monitor but has no home")
            }
        }
    }

    @Test func theConcreteCases() {
        let manager = MonitorReaderFacts(role: .professional, organizationID: Self.own, isManager: true)
        #expect(MonitorAccess.home(manager) == .organization(Self.own))
        #expect(!MonitorAccess.mayRead(manager, .tenant))
        #expect(!MonitorAccess.mayRead(manager, .organization(Self.other)))
        let professional = MonitorReaderFacts(role: .professional, organizationID: Self.own)
        #expect(MonitorAccess.home(professional) == nil)
        // The flag means nothing on a role that does not belong to an organisation as staff.
        #expect(MonitorAccess.home(MonitorReaderFacts(role: .volunteer, organizationID: Self.own, isManager: true)) == nil)
        #expect(MonitorAccess.home(MonitorReaderFacts(role: .resident, organizationID: Self.own, isManager: true)) == nil)
        #expect(MonitorAccess.home(MonitorReaderFacts(role: .analyst)) == .tenant)
        #expect(MonitorAccess.home(MonitorReaderFacts(role: .privacyOfficer)) == nil)
    }

    @Test func onlyTheOrganisationsOwnManagersSeeItsProfessionals() {
        let manager = MonitorReaderFacts(role: .professional, organizationID: Self.own, isManager: true)
        #expect(MonitorAccess.seesProfessionals(manager, .organization(Self.own)))
        #expect(!MonitorAccess.seesProfessionals(manager, .organization(Self.other)))
        #expect(!MonitorAccess.seesProfessionals(manager, .tenant))
        for role in [Role.analyst, .tenantAdmin] {
            #expect(!MonitorAccess.seesProfessionals(MonitorReaderFacts(role: role), .organization(Self.own)))
        }
    }
}
