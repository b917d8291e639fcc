import Domain
import Fluent
import Foundation
import SQLKit

/// Erases a household's file, in one transaction. What identifies anyone
/// or was written about them goes: names, BSN, contact details, street,
/// the last two characters of the postcode, every free text (notes, plan
/// texts, goal and action words, referral messages, reasons), signed plan
/// snapshots, portal codes, representatives. A birth date keeps only its
/// year (as 1 July). What remains — domains, statuses, dates, scores,
/// neighbourhood — is what the monitor counts, anonymous, so its figures
/// stay whole and a rebuild still equals them (the household is marked
/// changed, and counted again). The access log keeps its entries, which
/// hold ids and never data, and the chain verifies as before.
struct HouseholdErasure {
    let db: any Database
    let cipher: FieldCipher
    /// Where the household's documents lie; their files go after their rows.
    let documents: DocumentStore

    /// How many records of each kind were erased or emptied: the receipt.
    typealias Receipt = [String: Int]

    func erase(_ householdID: UUID, tenantID: UUID, now: Date = Date()) async throws -> Receipt {
        let (receipt, files) = try await db.transaction { tx in
            let files = try await tx.sql.delete(from: Document.schema).where("tenant_id", .equal, tenantID).where("household_id", .equal, householdID)
                .returning("id").all().map { try $0.decode(column: "id", as: UUID.self) }
            var receipt = try await Self.erase(householdID, tenantID: tenantID, cipher: cipher, now: now, on: tx.sql)
            if !files.isEmpty { receipt["documents"] = files.count }
            return (receipt, files)
        }
        // A document whose row is gone opens for nobody; its sealed file goes too.
        for id in files { documents.remove(id: id, tenantID: tenantID) }
        return receipt
    }

    private static func erase(_ householdID: UUID, tenantID: UUID, cipher: FieldCipher, now: Date, on sql: any SQLDatabase) async throws -> Receipt {
        var receipt: Receipt = [:]
        let residents = try await sql.select().columns("id", "birth_date", "user_id").from(Resident.schema)
            .where("tenant_id", .equal, tenantID).where("household_id", .equal, householdID).all()
        for row in residents {
            let id = try row.decode(column: "id", as: UUID.self)
            let birth = try row.decode(column: "birth_date", as: String.self)
            try await sql.update(Resident.schema)
                .set("given_name", to: "").set("family_name", to: "").set("birth_date", to: "\(birth.prefix(4))-07-01")
                .set("bsn_encrypted", to: SQLLiteral.null).set("bsn_lookup", to: SQLLiteral.null)
                .set("phone_encrypted", to: SQLLiteral.null).set("email_encrypted", to: SQLLiteral.null)
                .set("contact_for_volunteers", to: false).set("user_id", to: SQLLiteral.null).set("updated_at", to: now)
                .where("tenant_id", .equal, tenantID).where("id", .equal, id).run()
            if let userID = try row.decode(column: "user_id", as: UUID?.self) {
                try await closeAccount(userID, tenantID: tenantID, on: sql)
                receipt["accounts", default: 0] += 1
            }
            receipt["portal_activations", default: 0] += try await deleted(from: PortalActivation.schema, tenantID: tenantID, on: sql) { $0.where("resident_id", .equal, id) }
        }
        receipt["residents"] = residents.count
        let postcode = try await sql.select().column("postcode").from(Household.schema)
            .where("tenant_id", .equal, tenantID).where("id", .equal, householdID).first()?.decode(column: "postcode", as: String.self) ?? ""
        try await sql.update(Household.schema)
            .set("name", to: "").set("street", to: "").set("postcode", to: String(postcode.filter { !$0.isWhitespace }.prefix(4)))
            .set("review_on", to: SQLLiteral.null).set("anonymised_at", to: now).set("updated_at", to: now)
            .set("version", to: SQLRaw("version + 1"))
            .where("tenant_id", .equal, tenantID).where("id", .equal, householdID).run()
        receipt["goals"] = try await emptied(Goal.schema, tenantID, householdID, on: sql) {
            $0.set("title", to: "").set("target", to: SQLLiteral.null).set("updated_at", to: now)
        }
        receipt["actions"] = try await emptied(PlanAction.schema, tenantID, householdID, on: sql) {
            $0.set("description", to: "").set("owner_name", to: SQLLiteral.null).set("updated_at", to: now)
        }
        receipt["plan_versions"] = try await emptied(PlanVersion.schema, tenantID, householdID, on: sql) { $0.set("snapshot", to: "") }
        receipt["consents"] = try await emptied(Consent.schema, tenantID, householdID, on: sql) { $0.set("purpose", to: "") }
        receipt["assessments"] = try await emptied(Assessment.schema, tenantID, householdID, on: sql) { $0.set("reason_encrypted", to: SQLLiteral.null) }
        receipt["emergency_openings"] = try await emptied(BreakTheGlassOpening.schema, tenantID, householdID, on: sql) {
            $0.set("reason", to: "").set("review_comment", to: SQLLiteral.null)
        }
        let emptyMessage = try cipher.seal("")
        receipt["referrals"] = try await emptied(Referral.schema, tenantID, householdID, on: sql) { $0.set("message_encrypted", to: emptyMessage) }
        try await sql.raw("""
            UPDATE referral_events SET note_encrypted = NULL WHERE tenant_id = \(bind: tenantID)
            AND referral_id IN (SELECT id FROM referrals WHERE tenant_id = \(bind: tenantID) AND household_id = \(bind: householdID))
            """).run()
        receipt["notes"] = try await deleted(from: Note.schema, tenantID: tenantID, on: sql) { $0.where("household_id", .equal, householdID) }
        // Messages go with their conversation, with their earlier versions and who read them.
        try await sql.raw("""
            DELETE FROM message_revisions WHERE tenant_id = \(bind: tenantID)
            AND message_id IN (SELECT id FROM messages WHERE tenant_id = \(bind: tenantID) AND household_id = \(bind: householdID))
            """).run()
        try await sql.raw("""
            DELETE FROM conversation_participants WHERE tenant_id = \(bind: tenantID)
            AND conversation_id IN (SELECT id FROM conversations WHERE tenant_id = \(bind: tenantID) AND household_id = \(bind: householdID))
            """).run()
        receipt["messages"] = try await deleted(from: Message.schema, tenantID: tenantID, on: sql) { $0.where("household_id", .equal, householdID) }
        try await sql.raw("""
            DELETE FROM appointment_attendees WHERE tenant_id = \(bind: tenantID)
            AND appointment_id IN (SELECT id FROM appointments WHERE tenant_id = \(bind: tenantID) AND household_id = \(bind: householdID))
            """).run()
        receipt["appointments"] = try await deleted(from: Appointment.schema, tenantID: tenantID, on: sql) { $0.where("household_id", .equal, householdID) }
        let cases = try await sql.select().column("id").from(SignalCase.schema).where("tenant_id", .equal, tenantID).where("household_id", .equal, householdID)
            .all().map { try $0.decode(column: "id", as: UUID.self) }
        try await SignalPurge.delete(cases: cases, tenantID: tenantID, on: sql)
        receipt["signal_cases"] = cases.count
        try await sql.delete(from: ParticipationCheckIn.schema).where("tenant_id", .equal, tenantID).where("household_id", .equal, householdID).run()
        receipt["participation_placements"] = try await deleted(from: ParticipationPlacement.schema, tenantID: tenantID, on: sql) { $0.where("household_id", .equal, householdID) }
        receipt["participation_proposals"] = try await deleted(from: ParticipationProposal.schema, tenantID: tenantID, on: sql) { $0.where("household_id", .equal, householdID) }
        try await sql.delete(from: ParticipationProfileRevision.schema).where("tenant_id", .equal, tenantID).where("household_id", .equal, householdID).run()
        receipt["participation_profiles"] = try await deleted(from: ParticipationProfile.schema, tenantID: tenantID, on: sql) { $0.where("household_id", .equal, householdID) }
        receipt["conversations"] = try await deleted(from: Conversation.schema, tenantID: tenantID, on: sql) { $0.where("household_id", .equal, householdID) }
        receipt["representations"] = try await deleted(from: Representation.schema, tenantID: tenantID, on: sql) { $0.where("household_id", .equal, householdID) }
        // A notification names the household; its link is the household's page.
        receipt["notifications"] = try await sql.update(UserNotification.schema).set("subject", to: "")
            .where("tenant_id", .equal, tenantID).where("link", .like, SiteRoute.household.path(householdID) + "%")
            .where("subject", .notEqual, "").returning("id").all().count
        return receipt.filter { $0.value > 0 }
    }

    /// A resident's portal account can no longer sign in, and names nobody.
    private static func closeAccount(_ userID: UUID, tenantID: UUID, on sql: any SQLDatabase) async throws {
        try await sql.update(User.schema)
            .set("username", to: "erased-\(userID.uuidString.lowercased())").set("display_name", to: "")
            .set("password_hash", to: SQLLiteral.null).set("totp_secret", to: SQLLiteral.null).set("is_active", to: false)
            .set("work_email", to: SQLLiteral.null).set("work_phone", to: SQLLiteral.null)
            .where("tenant_id", .equal, tenantID).where("id", .equal, userID).run()
        try await sql.delete(from: UserSession.schema).where("user_id", .equal, userID).run()
    }

    private static func emptied(_ table: String, _ tenantID: UUID, _ householdID: UUID, on sql: any SQLDatabase,
                                _ set: (SQLUpdateBuilder) -> SQLUpdateBuilder) async throws -> Int {
        try await set(sql.update(table)).where("tenant_id", .equal, tenantID).where("household_id", .equal, householdID)
            .returning("id").all().count
    }

    private static func deleted(from table: String, tenantID: UUID, on sql: any SQLDatabase,
                                _ filter: (SQLDeleteBuilder) -> SQLDeleteBuilder) async throws -> Int {
        try await filter(sql.delete(from: table).where("tenant_id", .equal, tenantID)).returning("id").all().count
    }
}
