import Domain
import Fluent
import Foundation
import Vapor

/// The privacy officer's side of erasure: a resident's request (GDPR
/// art. 17) decided by `ErasurePolicy` and, when allowed, carried out at
/// once with a receipt; legal holds placed and lifted. Each step writes the
/// access log, which says *that* a file was erased, never what it held.
enum Erasures {
    /// The household of the resident with this BSN in the tenant, or nil.
    static func household(of bsn: BSN, req: Request, tenantID: UUID) async throws -> UUID? {
        try await Resident.scoped(to: tenantID, on: req.db).filter(\.$bsnLookup == req.bsnLookup(bsn)).first()?.householdID
    }

    /// Decides the request and, if the file may go, erases it in the same transaction as the request's record.
    static func register(householdID: UUID, receivedOn: String, req: Request) async throws -> ErasureRequest {
        let actor = try req.requireActor()
        let today = CivilDay.today()
        let file = try await HouseholdFiles.file(householdID, tenantID: actor.tenantID, today: today, on: req.db)
        let setting = try await req.application.retentionRules.settings(tenantID: actor.tenantID, on: req.db)[file.kind]!
        let request = ErasureRequest(tenantID: actor.tenantID, householdID: householdID, receivedOn: receivedOn, registeredBy: actor.userID, at: Date())
        let decision = ErasurePolicy.decideRequest(file, setting: setting, today: today)
        try await req.db.transaction { tx in
            switch decision {
            case .erase:
                let receipt = try await HouseholdErasure(db: tx, cipher: FieldCipher(key: req.application.config.keys.field), documents: Documents.store(req.application)).erase(householdID, tenantID: actor.tenantID)
                request.outcome = "erased"
                request.receipt = String(decoding: try JSONEncoder.sorted.encode(receipt), as: UTF8.self)
            case .refused(let refusal):
                (request.refusal, request.refusedUntil) = Self.stored(refusal)
            }
            try await request.create(on: tx)
            try await req.audit(decision == .erase ? "erasure.erased" : "erasure.refused", outcome: decision == .erase ? .success : .denied,
                                basis: .administration, subjectID: householdID, purpose: request.refusal ?? file.kind.rawValue,
                                objectType: "erasure_request", objectID: request.id?.uuidString, on: tx)
        }
        return request
    }

    static func stored(_ refusal: ErasurePolicy.Refusal) -> (String, String?) {
        switch refusal {
        case .fileOpen: ("file-open", nil)
        case .legalHold: ("legal-hold", nil)
        case .retentionPeriod(let until): ("retention-period", until.iso)
        }
    }

    static func placeHold(householdID: UUID, reason: String, req: Request) async throws {
        let actor = try req.requireActor()
        let hold = LegalHold(tenantID: actor.tenantID, householdID: householdID, reason: reason, placedBy: actor.userID, at: Date())
        try await req.db.transaction { tx in
            try await hold.create(on: tx)
            try await req.audit("legal_hold.placed", outcome: .success, basis: .administration, subjectID: householdID,
                                objectType: "legal_hold", objectID: hold.id?.uuidString, on: tx)
        }
    }

    static func liftHold(_ hold: LegalHold, req: Request) async throws {
        let actor = try req.requireActor()
        (hold.liftedAt, hold.liftedBy) = (Date(), actor.userID)
        try await req.db.transaction { tx in
            try await hold.save(on: tx)
            try await req.audit("legal_hold.lifted", outcome: .success, basis: .administration, subjectID: hold.householdID,
                                objectType: "legal_hold", objectID: hold.id?.uuidString, on: tx)
        }
    }
}

extension JSONEncoder {
    static var sorted: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return encoder
    }
}
