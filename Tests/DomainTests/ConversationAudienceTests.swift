import Foundation
import Testing
@testable import Domain

/// Who hears of a message follows the access rule, seat by seat.
@Suite("Who hears of a message")
struct ConversationAudienceTests {
    let municipal = UUID(), partner = UUID(), volunteerOrg = UUID(), resident = UUID(), representative = UUID(), author = UUID()

    func seat(_ user: UUID?, domains: Set<LifeDomain>, municipal: Bool, consent: Set<LifeDomain> = [], coordinator: Bool = false) -> TeamSeat {
        TeamSeat(contactUserID: user, context: AccessContext(role: .professional, involvementDomains: domains, organizationIsMunicipal: municipal,
                                                             consentDomains: consent, isCoordinator: coordinator))
    }

    @Test func theTeamHearsWhereTheAccessRuleLetsItRead() {
        let seats = [
            seat(municipal, domains: [.finances], municipal: true, coordinator: true),
            seat(partner, domains: [.finances], municipal: false),
            seat(nil, domains: [.finances], municipal: true),
        ]
        let withoutConsent = ConversationAudience.recipients(seats: seats, domain: .finances, includesResident: false, author: author)
        #expect(withoutConsent.team == [municipal])
        var consented = seats
        consented[1] = seat(partner, domains: [.finances], municipal: false, consent: [.finances])
        #expect(ConversationAudience.recipients(seats: consented, domain: .finances, includesResident: false, author: author).team == [municipal, partner])
        // Another domain: the municipal seat does not cover housing.
        #expect(ConversationAudience.recipients(seats: consented, domain: .housing, includesResident: false, author: author).team.isEmpty)
        // A coordinator with consent for a domain outside its involvement reads it too.
        let coordinator = [seat(municipal, domains: [.finances], municipal: true, consent: [.housing], coordinator: true)]
        #expect(ConversationAudience.recipients(seats: coordinator, domain: .housing, includesResident: false, author: author).team == [municipal])
    }

    @Test func theResidentHearsOnlyWhenIncludedAndTheAuthorNever() {
        let seats = [seat(municipal, domains: [.finances], municipal: true)]
        let without = ConversationAudience.recipients(seats: seats, domain: .finances, residentAccounts: [resident, representative], includesResident: false, author: author)
        #expect(without.residents.isEmpty)
        let with = ConversationAudience.recipients(seats: seats, domain: .finances, residentAccounts: [resident, representative], includesResident: true, author: resident)
        #expect(with.residents == [representative] && with.team == [municipal])
        #expect(ConversationAudience.recipients(seats: seats, domain: .finances, includesResident: false, author: municipal).all.isEmpty)
    }

    @Test func anEarlierWriterHearsWhileTheyMayStillRead() {
        let reads = AccessContext(role: .professional, involvementDomains: [.finances], organizationIsMunicipal: true)
        let lostConsent = AccessContext(role: .professional, involvementDomains: [.finances], organizationIsMunicipal: false)
        let other = UUID()
        let result = ConversationAudience.recipients(seats: [], domain: .finances, earlierWriters: [partner: lostConsent, other: reads],
                                                     includesResident: false, author: author)
        #expect(result.team == [other])
        // A volunteer's context never reads a domain.
        let volunteer = AccessContext(role: .volunteer, volunteerAssigned: true)
        #expect(ConversationAudience.recipients(seats: [], domain: .finances, earlierWriters: [volunteerOrg: volunteer], includesResident: false, author: author).all.isEmpty)
    }
}
