import Domain
import Fluent
import Foundation

/// One household in the demo tenant, so every role has something to see:
/// the demo resident's plan, coordinated by the social team, with debt help
/// on the team under the resident's consent.
enum DemoHousehold {
    static func seed(tenantID: UUID, organizations: [OrganizationKind: Organization], users: [String: User], cipher: FieldCipher, on db: any Database) async throws {
        guard let residentUser = users["inwoner"], let professional = users["professional"],
              let socialTeam = organizations[.socialTeam]?.id, let debtHelp = organizations[.debtHelp]?.id,
              let volunteer = users["vrijwilliger"]
        else { return }
        // Already there: running the demo again changes nothing.
        if try await Resident.query(on: db).filter(\.$userID == residentUser.id).first() != nil { return }
        let since = "2026-01-05"
        let household = Household(tenantID: tenantID, name: "Huishouden El Amrani", street: "Lindelaan 12", postcode: "1234 AB", city: "Voorbeeld", neighbourhoodCode: "WK0001")
        try await household.create(on: db)
        let householdID = try household.requireID()
        let resident = Resident(tenantID: tenantID, householdID: householdID, givenName: "Fatima", familyName: "El Amrani", birthDate: "1984-03-21", relation: .head)
        resident.userID = residentUser.id
        try await resident.create(on: db)
        try await Resident(tenantID: tenantID, householdID: householdID, givenName: "Noor", familyName: "El Amrani", birthDate: "2015-06-01", relation: .child).create(on: db)

        let coordinated: Set<LifeDomain> = [.finances, .workAndEducation, .timeUse, .socialNetwork, .socialParticipation]
        for (organization, domains, coordinator) in [(socialTeam, coordinated, true), (debtHelp, Set([LifeDomain.finances]), false)] {
            try await Consent(
                tenantID: tenantID, householdID: householdID, residentID: try resident.requireID(), recipientOrganizationID: organization,
                domains: domains, purpose: coordinator ? "Regie op het plan" : "Schulden regelen", validFrom: since, validTo: nil,
                method: .signedOnPaper, status: .given, recordedBy: try professional.requireID()
            ).create(on: db)
            // The professional coordinates and is the social team's contact; debt help
            // has no contact yet, so its professional sees one to take on.
            try await Involvement(tenantID: tenantID, householdID: householdID, organizationID: organization, domains: domains, isCoordinator: coordinator, startsOn: since,
                                  contactUserID: coordinator ? try professional.requireID() : nil).create(on: db)
        }
        let money = Goal(tenantID: tenantID, householdID: householdID, domain: .finances, title: "Ik wil mijn rekeningen op tijd betalen", target: "Drie maanden zonder achterstand")
        try await money.create(on: db)
        let network = Goal(tenantID: tenantID, householdID: householdID, domain: .socialNetwork, title: "Ik wil mensen in de buurt leren kennen", target: nil)
        try await network.create(on: db)
        try await PlanAction(tenantID: tenantID, householdID: householdID, goalID: try money.requireID(), description: "Samen de post openen", owner: .volunteer(try volunteer.requireID()), dueOn: Day.today()).create(on: db)
        try await PlanAction(tenantID: tenantID, householdID: householdID, goalID: try money.requireID(), description: "Budgetplan maken", owner: .professional(try professional.requireID()), dueOn: nil).create(on: db)
        try await PlanAction(tenantID: tenantID, householdID: householdID, goalID: try network.requireID(), description: "Naar de buurtkamer op woensdag", owner: .resident(name: nil), dueOn: nil).create(on: db)
        try await conversation(householdID: householdID, tenantID: tenantID, professional: professional, resident: residentUser, cipher: cipher, on: db)
        try await appointment(householdID: householdID, tenantID: tenantID, professional: professional, cipher: cipher, on: db)
    }

    /// A home visit in three days, which the resident has yet to confirm.
    private static func appointment(householdID: UUID, tenantID: UUID, professional: User, cipher: FieldCipher, on db: any Database) async throws {
        let day = CivilDay.today().adding(days: 3).iso
        guard let slot = AppointmentSlot.read(day: day, start: "10:00", end: "11:00", now: Date()).slot else { return }
        let appointment = Appointment()
        (appointment.id, appointment.tenantID, appointment.householdID, appointment.domain) = (UUID(), tenantID, householdID, LifeDomain.finances.rawValue)
        (appointment.startsAt, appointment.endsAt, appointment.mode, appointment.placeEncrypted) = (slot.start, slot.end, AppointmentMode.homeVisit.rawValue, nil)
        appointment.purposeEncrypted = try cipher.seal("Samen de post en het budgetplan doornemen")
        (appointment.withResident, appointment.status, appointment.version) = (true, AppointmentStatus.proposed.rawValue, 1)
        (appointment.createdBy, appointment.organizationID, appointment.createdAt, appointment.updatedAt) = (try professional.requireID(), professional.organizationID, Date(), Date())
        try await appointment.create(on: db)
        try await AppointmentAttendee(appointment, userID: try professional.requireID()).create(on: db)
    }

    /// The coordinator asked the resident something in the portal and she
    /// answered: the coordinator has it to read.
    private static func conversation(householdID: UUID, tenantID: UUID, professional: User, resident: User, cipher: FieldCipher, on db: any Database) async throws {
        let start = Date().addingTimeInterval(-2 * 86_400)
        let coordinator = try Actor(professional, organizationIsMunicipal: true)
        let conversation = Conversation(householdID: householdID, tenantID: tenantID, domain: .finances, subjectEncrypted: try cipher.seal("Post van de energieleverancier"),
                                        withResident: true, by: coordinator, at: start)
        try await conversation.create(on: db)
        let lines: [(Actor, String, TimeInterval)] = [
            (coordinator, "Hallo Fatima, u vertelde over een brief van de energieleverancier. Wilt u die meenemen naar onze afspraak?", 0),
            (try Actor(resident, organizationIsMunicipal: false), "Ja, dat doe ik. Er staat een bedrag in dat ik niet begrijp.", 86_400),
        ]
        for (author, text, after) in lines {
            try await Message(in: conversation, textEncrypted: try cipher.seal(text), by: author, at: start.addingTimeInterval(after)).create(on: db)
        }
        conversation.lastMessageAt = start.addingTimeInterval(86_400)
        try await conversation.save(on: db)
        for (user, unread) in [(professional, true), (resident, false)] {
            let participant = ConversationParticipant()
            (participant.id, participant.tenantID, participant.conversationID, participant.userID) = (UUID(), tenantID, try conversation.requireID(), try user.requireID())
            participant.unreadSince = unread ? conversation.lastMessageAt : nil
            try await participant.create(on: db)
        }
    }
}
