import Domain
import Fluent
import Foundation
import SQLKit

/// Accepted help turns a case into a household's plan through the existing
/// intake: the form comes filled in from the signal (the person, the
/// address, the BSN when the partner had it, finances to work on), the
/// intake asks for consent as always, and once the household stands the case
/// points to it and the plan has a first goal in finances.
enum SignalHelp {
    /// The case the designated team closed with "accepted help" and not yet linked, or nil.
    static func acceptedCase(_ raw: String, in context: Context) async throws -> SignalCase? {
        guard let id = UUID(uuidString: raw), (try? await SignalTriage.requireHandler(context)) != nil,
              let signalCase = try await SignalCase.select(in: context.actor.tenantID, where: "id = \(bind: id)", limit: 1, on: context.db).first,
              signalCase.outcome == SignalOutcome.acceptedHelp.rawValue, signalCase.householdID == nil else { return nil }
        return signalCase
    }

    static func intake(from raw: String, in context: Context) async throws -> IntakeForm? {
        guard let signalCase = try await acceptedCase(raw, in: context), let caseID = signalCase.id,
              let signal = try await Signal.select(in: signalCase.tenantID, where: "case_id = \(bind: caseID)", orderBy: "signalled_on, id", limit: 1, on: context.db).first
        else { return nil }
        let cipher = FieldCipher(key: context.keys.field)
        guard let person = SignalTriage.person(of: signal, cipher: cipher) else { return nil }
        try await context.audit("signal_case.intake", outcome: .allowed, basis: .administration, objectType: "signal_case", objectID: caseID.uuidString)
        var form = IntakeForm()
        (form.given_name, form.family_name, form.birth_date) = (person.givenName, person.familyName, person.birthDate)
        (form.street, form.postcode, form.city, form.phone, form.email) = (person.street, person.postcode, person.city, person.phone, person.email)
        form.bsn = signal.bsnEncrypted.flatMap(cipher.openOrNil)
        form.domains = [LifeDomain.finances.rawValue]
        form.consent_purpose = context.t("signal.consent_purpose")
        form.signal_case_id = caseID.uuidString
        return form
    }

    /// Links the case to the household the intake made, and starts its plan with a goal in finances.
    static func started(_ raw: String, household: Household, in context: Context) async throws {
        guard let signalCase = try await acceptedCase(raw, in: context), let caseID = signalCase.id else { return }
        let householdID = try household.requireID()
        let goal = Goal(tenantID: household.tenantID, householdID: householdID, domain: .finances, title: context.t("signal.first_goal"), target: nil)
        try await context.db.transaction { tx in
            try await tx.sql.update(SignalCase.schema).set("updated_at", to: Date()).set("household_id", to: householdID)
                .where("tenant_id", .equal, signalCase.tenantID).where("id", .equal, caseID).run()
            try await goal.create(on: tx)
            try await context.audit("goal.created", outcome: .success, basis: .involvement, subjectID: householdID, purpose: "detail:finances",
                                    objectType: "goal", objectID: goal.id?.uuidString, on: tx)
            try await context.audit("signal_case.household", outcome: .success, basis: .administration, subjectID: householdID,
                                    objectType: "signal_case", objectID: caseID.uuidString, on: tx)
        }
    }

    /// Help accepted by people already known: the case joins their household
    /// and whoever coordinates it is told, to bring debt help onto the team
    /// (the access rule lets nobody else add it). Returns whether it was so.
    static func joinKnownHousehold(_ caseID: UUID, in context: Context) async throws -> Bool {
        guard let householdID = try await ResidentAccess(context: context).household(ofCase: caseID) else { return false }
        let tenantID = context.actor.tenantID
        try await context.db.transaction { tx in
            try await tx.sql.update(SignalCase.schema).set("updated_at", to: Date()).set("household_id", to: householdID)
                .where("tenant_id", .equal, tenantID).where("id", .equal, caseID).run()
            try await Reminders.tellCoordinator(of: householdID, tenantID: tenantID, day: CivilDay(context.today) ?? .today(),
                                                "notification.signal_help_accepted", on: tx)
            try await context.audit("signal_case.household", outcome: .success, basis: .administration, subjectID: householdID,
                                    objectType: "signal_case", objectID: caseID.uuidString, on: tx)
        }
        return true
    }
}
