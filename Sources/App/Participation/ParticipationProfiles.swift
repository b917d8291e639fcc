import Domain
import Fluent
import Foundation
import SQLKit

/// Writing and withdrawing a participation profile, through an opening of
/// the household that allows it (`Opened.writesParticipation`). A save on a
/// version someone else has already changed is refused (409), never merged.
enum ParticipationProfiles {
    /// A version as it was, sealed in its revision.
    struct Snapshot: Codable, Equatable {
        var talents: String, availability: Int, travelMode: String, maxKilometres: Int, needs: String, notWanted: String, texts: ProfileTexts
    }

    /// Saves the checked form as the resident's profile, on the version the
    /// writer saw (0 for a first profile).
    @discardableResult
    static func save(_ checked: CheckedProfile, for residentID: UUID, seenVersion: Int, in opened: ResidentAccess.Opened, context: Context) async throws -> ParticipationProfile {
        guard opened.writesParticipation else { throw AppError.notFound }
        let cipher = context.cipher, now = Date()
        let sealed = try cipher.seal(String(decoding: try JSONEncoder().encode(checked.texts), as: UTF8.self))
        return try await context.db.transaction { tx in
            let profile: ParticipationProfile
            if let existing = try await opened.participationProfile(of: residentID, on: tx) {
                guard existing.version == seenVersion else { throw AppError.conflict }
                try await keepRevision(of: existing, cipher: cipher, on: tx)
                existing.fill(checked, sealedTexts: sealed, writer: context.actor.userID, byResident: context.actor.role == .resident, at: now)
                let saved = try await tx.sql.updateVersioned(ParticipationProfile.schema, id: try existing.requireID(), in: existing.tenantID,
                                                             expectedVersion: seenVersion) { update in
                    update.set("talents", to: existing.talents).set("availability", to: existing.availability).set("travel_mode", to: existing.travelMode)
                        .set("max_kilometres", to: existing.maxKilometres).set("needs", to: existing.needs).set("not_wanted", to: existing.notWanted)
                        .set("texts_encrypted", to: existing.textsEncrypted).set("written_by", to: existing.writtenBy)
                        .set("written_by_resident", to: existing.writtenByResident)
                }
                guard saved else { throw AppError.conflict }
                try await TalentIndex.profiles.replace(try existing.requireID(), talents: Array(checked.wish.talents), tenantID: existing.tenantID, on: tx)
                existing.version = seenVersion + 1
                profile = existing
            } else {
                guard seenVersion == 0 else { throw AppError.conflict }
                profile = ParticipationProfile()
                (profile.id, profile.tenantID, profile.householdID, profile.residentID) = (UUID(), opened.household.tenantID, try opened.household.requireID(), residentID)
                (profile.version, profile.createdAt) = (1, now)
                profile.fill(checked, sealedTexts: sealed, writer: context.actor.userID, byResident: context.actor.role == .resident, at: now)
                try await insert(profile, on: tx)
            }
            try await context.auditChange("participation_profile.saved", in: opened, objectType: "participation_profile", objectID: profile.id?.uuidString, on: tx)
            return profile
        }
    }

    /// A new profile, with its talents in the index (`TalentIndex`), on the caller's transaction.
    static func insert(_ profile: ParticipationProfile, on db: any Database) async throws {
        try await profile.create(on: db)
        try await TalentIndex.profiles.replace(try profile.requireID(), talents: ParticipationProfile.codes(profile.talents), tenantID: profile.tenantID, on: db)
    }

    /// The resident takes their profile back: it and every earlier version are erased, and their sign-ups withdrawn.
    static func withdraw(of residentID: UUID, seenVersion: Int, in opened: ResidentAccess.Opened, context: Context) async throws {
        guard opened.writesParticipation else { throw AppError.notFound }
        try await context.db.transaction { tx in
            guard let profile = try await opened.participationProfile(of: residentID, on: tx) else { throw AppError.notFound }
            guard profile.version == seenVersion else { throw AppError.conflict }
            let id = try profile.requireID()
            // Their sign-ups rest on the profile: taken back with it, so no organisation sees them any longer.
            try await tx.sql.update(ParticipationProposal.schema)
                .set("status", to: ParticipationProposal.Status.withdrawn.rawValue).set("decided_at", to: Date()).set("updated_at", to: Date())
                .set(SQLIdentifier("version"), to: SQLBinaryExpression(SQLIdentifier("version"), .add, SQLBind(1)))
                .where("tenant_id", .equal, profile.tenantID).where("household_id", .equal, profile.householdID).where("resident_id", .equal, residentID)
                .where("status", .in, [ParticipationProposal.Status.proposed.rawValue, ParticipationProposal.Status.accepted.rawValue]).run()
            try await tx.sql.delete(from: ParticipationProfileRevision.schema).where("tenant_id", .equal, profile.tenantID).where("profile_id", .equal, id).run()
            try await tx.sql.delete(from: ParticipationProfile.schema).where("tenant_id", .equal, profile.tenantID).where("id", .equal, id).run()
            try await context.auditChange("participation_profile.withdrawn", in: opened, objectType: "participation_profile", objectID: id.uuidString, on: tx)
        }
    }

    static func texts(of profile: ParticipationProfile, cipher: FieldCipher) -> ProfileTexts {
        cipher.openOrNil(profile.textsEncrypted).flatMap { try? JSONDecoder().decode(ProfileTexts.self, from: Data($0.utf8)) } ?? ProfileTexts()
    }

    private static func keepRevision(of profile: ParticipationProfile, cipher: FieldCipher, on db: any Database) async throws {
        let snapshot = Snapshot(talents: profile.talents, availability: profile.availability, travelMode: profile.travelMode, maxKilometres: profile.maxKilometres,
                                needs: profile.needs, notWanted: profile.notWanted, texts: texts(of: profile, cipher: cipher))
        let revision = ParticipationProfileRevision()
        (revision.id, revision.tenantID, revision.householdID, revision.profileID) = (UUID(), profile.tenantID, profile.householdID, try profile.requireID())
        (revision.version, revision.writtenByResident, revision.writtenAt) = (profile.version, profile.writtenByResident, profile.updatedAt)
        revision.snapshotEncrypted = try cipher.seal(String(decoding: try JSONEncoder().encode(snapshot), as: UTF8.self))
        try await revision.create(on: db)
    }
}
