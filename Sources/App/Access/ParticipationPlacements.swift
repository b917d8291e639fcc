import Domain
import Fluent
import Foundation
import SQLKit

/// Placements (issue 24): the host starts one for a candidate it accepted,
/// as an action on the household's plan under the goal it serves, owned by
/// the host organisation; resident and host answer its check-ins; either
/// ends it with a reason. Everything the host does rests on the resident's
/// consent to be put forward, and is logged as such.
enum ParticipationPlacements {
    enum Refusal: Error, Equatable { case notAccepted, noPlaceFree, alreadyStarted, ended, notStarted, badDay }

    /// The life domain a placement's goal lies in: work for work places and jobs, taking part for the rest.
    static func domain(of kind: OfferKind) -> LifeDomain {
        switch kind {
        case .workExperience, .supportedJob, .job, .course: .workAndEducation
        case .volunteering, .dayActivity: .socialParticipation
        }
    }

    struct Start { let schedule: CheckInSchedule; let seenVersion: Int }

    /// The host starts the placement of a candidate it accepted: one place
    /// fewer free, the action on the plan (under the household's open goal in
    /// the offer's domain, or a new one), and, when the offer's rung is not
    /// the resident's, an action proposing a new participation ladder.
    @discardableResult
    static func start(_ proposalID: UUID, of offer: ParticipationOffer, service: Service, hostOrganizationID: UUID, _ start: Start,
                      context: Context) async throws -> ParticipationPlacement {
        let tenantID = offer.tenantID, offerID = try offer.requireID()
        return try await context.db.transaction { tx in
            guard let proposal = try await ParticipationProposal.select(in: tenantID, where: "id = \(bind: proposalID) AND offer_id = \(bind: offerID)",
                                                                        limit: 1, on: tx).first else { throw AppError.notFound }
            guard proposal.proposalStatus == .accepted else { throw Refusal.notAccepted }
            guard proposal.version == start.seenVersion else { throw AppError.conflict }
            guard try await ParticipationPlacement.select(in: tenantID, where: "proposal_id = \(bind: proposalID)", limit: 1, on: tx).isEmpty
            else { throw Refusal.alreadyStarted }
            guard let current = try await ParticipationOffer.select(in: tenantID, where: "id = \(bind: offerID)", limit: 1, on: tx).first,
                  current.placesFree > 0 else { throw Refusal.noPlaceFree }
            guard try await tx.sql.updateVersioned(ParticipationOffer.schema, id: offerID, in: tenantID, expectedVersion: current.version, {
                $0.set("places_free", to: current.placesFree - 1)
            }) else { throw AppError.conflict }
            try await OfferPlaces.record(offerID, tenantID: tenantID, on: tx)

            let domain = domain(of: current.terms.kind)
            let goal = try await goal(of: proposal.householdID, in: domain, tenantID: tenantID, context: context, on: tx)
            let goalID = try goal.requireID()
            let action = PlanAction(tenantID: tenantID, householdID: proposal.householdID, goalID: goalID,
                                    description: context.t("participation.placement_action", service.name), owner: .organization(hostOrganizationID), dueOn: nil)
            action.status = ActionStatus.inProgress.rawValue
            try await action.create(on: tx)
            let rung = try await latestRung(of: proposal.residentID, tenantID: tenantID, on: tx)
            if rung != current.rung {
                let text = rung.map { context.t("participation.ladder_action", String($0), String(current.rung)) }
                    ?? context.t("participation.ladder_action_first", String(current.rung))
                try await PlanAction(tenantID: tenantID, householdID: proposal.householdID, goalID: goalID, description: text,
                                     owner: .resident(name: nil), dueOn: start.schedule.startedOn.adding(days: 14).iso).create(on: tx)
            }

            let placement = ParticipationPlacement()
            (placement.id, placement.tenantID, placement.proposalID, placement.offerID) = (UUID(), tenantID, proposalID, offerID)
            (placement.householdID, placement.residentID, placement.hostOrganizationID) = (proposal.householdID, proposal.residentID, hostOrganizationID)
            (placement.goalID, placement.actionID, placement.rungBefore, placement.offerRung) = (goalID, try action.requireID(), rung, current.rung)
            (placement.startedOn, placement.checkInWeeks, placement.version) = (start.schedule.startedOn.iso, start.schedule.weeks, 1)
            (placement.createdAt, placement.updatedAt) = (Date(), Date())
            try await placement.create(on: tx)
            try await context.audit("placement.started", outcome: .success, basis: .consent, subjectID: proposal.householdID, purpose: "detail:\(domain.rawValue)",
                                    objectType: "action", objectID: action.id?.uuidString, on: tx)
            return placement
        }
    }

    /// The household's open goal in `domain` the placement serves (the
    /// oldest), or a new one when it has none.
    private static func goal(of householdID: UUID, in domain: LifeDomain, tenantID: UUID, context: Context, on db: any Database) async throws -> Goal {
        if let open = try await Goal.select(in: tenantID, where: "household_id = \(bind: householdID) AND domain = \(bind: domain.rawValue) AND status = \(bind: GoalStatus.open.rawValue)",
                                            orderBy: "created_at, id", limit: 1, on: db).first { return open }
        let goal = Goal(tenantID: tenantID, householdID: householdID, domain: domain, title: context.t("participation.placement_goal"), target: nil)
        try await goal.create(on: db)
        return goal
    }

    /// The rung of the resident's latest participation ladder, whoever made it: stored with the placement for the monitor, never shown to the host.
    static func latestRung(of residentID: UUID, tenantID: UUID, on db: any Database) async throws -> Int? {
        try await db.sql.raw("""
            SELECT s.score FROM assessments a JOIN assessment_scores s ON s.assessment_id = a.id AND s.tenant_id = a.tenant_id
            WHERE a.tenant_id = \(bind: tenantID) AND a.resident_id = \(bind: residentID) AND a.instrument_id = \(bind: "participation-ladder")
            ORDER BY a.assessed_on DESC, a.created_at DESC LIMIT 1
            """).first()?.decode(column: "score", as: Int.self)
    }
}

extension ParticipationPlacements {
    struct Answer { let answer: CheckInAnswer; let words: String?; let seenVersion: Int }

    /// One party's answer to the check-in of today's stretch, on the version
    /// of that check-in they saw (0: none yet). Never after the end.
    static func checkIn(_ placement: ParticipationPlacement, by party: ParticipationCheckIn.Party, _ answer: Answer, today: CivilDay,
                        audit basis: AccessBasis, context: Context) async throws {
        let tenantID = placement.tenantID, placementID = try placement.requireID()
        try await context.db.transaction { tx in
            guard let current = try await ParticipationPlacement.select(in: tenantID, where: "id = \(bind: placementID)", limit: 1, on: tx).first,
                  let schedule = current.schedule else { throw AppError.notFound }
            let number: Int
            switch schedule.checkIn(on: today, ended: current.hasEnded) {
            case .success(let found): number = found
            case .failure(.ended): throw Refusal.ended
            case .failure(.notStarted): throw Refusal.notStarted
            }
            let sealed = try answer.words.map { try context.cipher.seal($0) }
            let prefix = party.rawValue
            if let existing = try await ParticipationCheckIn.select(in: tenantID, where: "placement_id = \(bind: placementID) AND number = \(bind: number)", limit: 1, on: tx).first {
                guard try await tx.sql.updateVersioned(ParticipationCheckIn.schema, id: try existing.requireID(), in: tenantID, expectedVersion: answer.seenVersion, {
                    $0.set(SQLIdentifier("\(prefix)_answer"), to: answer.answer.rawValue)
                        .set(SQLIdentifier("\(prefix)_words_encrypted"), to: sealed.map { SQLBind($0) as any SQLExpression } ?? SQLLiteral.null)
                        .set(SQLIdentifier("\(prefix)_answered_at"), to: Date())
                }) else { throw AppError.conflict }
            } else {
                guard answer.seenVersion == 0 else { throw AppError.conflict }
                let checkIn = ParticipationCheckIn()
                (checkIn.id, checkIn.tenantID, checkIn.placementID, checkIn.householdID) = (UUID(), tenantID, placementID, current.householdID)
                (checkIn.number, checkIn.dueOn, checkIn.version, checkIn.updatedAt) = (number, schedule.dueOn(number).iso, 1, Date())
                switch party {
                case .resident: (checkIn.residentAnswer, checkIn.residentWordsEncrypted, checkIn.residentAnsweredAt) = (answer.answer.rawValue, sealed, Date())
                case .host: (checkIn.hostAnswer, checkIn.hostWordsEncrypted, checkIn.hostAnsweredAt) = (answer.answer.rawValue, sealed, Date())
                }
                try await checkIn.create(on: tx)
            }
            try await context.audit("placement.check_in", outcome: .success, basis: basis, subjectID: current.householdID, purpose: "participation_offer",
                                    objectType: "participation_placement", objectID: placementID.uuidString, on: tx)
        }
    }

    struct End { let reason: PlacementEndReason; let endedOn: CivilDay; let seenVersion: Int }

    /// Resident or host ends the placement with a reason: its action done
    /// (completed, or on to a next step) or cancelled, and its place free again.
    static func end(_ placement: ParticipationPlacement, _ end: End, today: CivilDay, audit basis: AccessBasis, context: Context) async throws {
        let tenantID = placement.tenantID, placementID = try placement.requireID()
        guard let started = CivilDay(placement.startedOn), started <= end.endedOn, end.endedOn <= today else { throw Refusal.badDay }
        try await context.db.transaction { tx in
            guard let current = try await ParticipationPlacement.select(in: tenantID, where: "id = \(bind: placementID)", limit: 1, on: tx).first
            else { throw AppError.notFound }
            guard !current.hasEnded else { throw Refusal.ended }
            guard try await tx.sql.updateVersioned(ParticipationPlacement.schema, id: placementID, in: tenantID, expectedVersion: end.seenVersion, {
                $0.set("ended_on", to: end.endedOn.iso).set("end_reason", to: end.reason.rawValue)
            }) else { throw AppError.conflict }
            let done = end.reason == .completed || end.reason == .nextStep
            try await tx.sql.update(PlanAction.schema)
                .set("status", to: (done ? ActionStatus.done : .cancelled).rawValue).set("updated_at", to: Date())
                .set(SQLIdentifier("version"), to: SQLBinaryExpression(SQLIdentifier("version"), .add, SQLBind(1)))
                .where("tenant_id", .equal, tenantID).where("id", .equal, current.actionID).run()
            try await tx.sql.update(ParticipationOffer.schema)
                .set(SQLIdentifier("places_free"), to: SQLBinaryExpression(SQLIdentifier("places_free"), .add, SQLBind(1)))
                .set(SQLIdentifier("version"), to: SQLBinaryExpression(SQLIdentifier("version"), .add, SQLBind(1))).set("updated_at", to: Date())
                .where("tenant_id", .equal, tenantID).where("id", .equal, current.offerID)
                .where(SQLIdentifier("places_free"), .lessThan, SQLIdentifier("places")).run()
            try await OfferPlaces.record(current.offerID, tenantID: tenantID, on: tx)
            let domain = try await Goal.select(in: tenantID, where: "id = \(bind: current.goalID)", limit: 1, on: tx).first?.domain
            try await context.audit("placement.ended", outcome: .success, basis: basis, subjectID: current.householdID, purpose: domain.map { "detail:\($0)" },
                                    objectType: "action", objectID: current.actionID.uuidString, on: tx)
        }
    }
}

extension ParticipationPlacements {
    /// A placement with its check-ins, oldest first.
    struct Record { let placement: ParticipationPlacement; let checkIns: [ParticipationCheckIn] }

    /// The host's placements for one offer, newest first, each with the resident's name.
    static func forOffer(_ offerID: UUID, tenantID: UUID, context: Context) async throws -> [(Record, String)] {
        let placements = try await ParticipationPlacement.select(in: tenantID, where: "offer_id = \(bind: offerID)", orderBy: "started_on DESC, id", on: context.db)
        guard !placements.isEmpty else { return [] }
        let residents = try await Resident.select(in: tenantID, where: "id IN (\(binds: placements.map(\.residentID)))", on: context.db)
        let names = Dictionary(residents.compactMap { resident in resident.id.map { ($0, resident.fullName) } }, uniquingKeysWith: { a, _ in a })
        var shown: [(Record, String)] = []
        for record in try await records(placements, on: context.db) {
            shown.append((record, names[record.placement.residentID] ?? ""))
            try await context.audit("participation_placement.view", outcome: .allowed, basis: .consent, subjectID: record.placement.householdID,
                                    purpose: "participation_offer", objectType: "participation_placement", objectID: record.placement.id?.uuidString)
        }
        return shown
    }

    static func records(_ placements: [ParticipationPlacement], on db: any Database) async throws -> [Record] {
        guard let tenantID = placements.first?.tenantID else { return [] }
        let checkIns = try await ParticipationCheckIn.select(in: tenantID, where: "placement_id IN (\(binds: placements.compactMap(\.id)))", orderBy: "number", on: db)
        let byPlacement = Dictionary(grouping: checkIns, by: \.placementID)
        return placements.map { Record(placement: $0, checkIns: $0.id.flatMap { byPlacement[$0] } ?? []) }
    }
}

extension ResidentAccess.Opened {
    /// The resident's placements, newest first, with their check-ins.
    func participationPlacements(of residentID: UUID, on db: any Database) async throws -> [ParticipationPlacements.Record] {
        guard readsParticipation else { return [] }
        let placements = try await ParticipationPlacement.select(
            in: household.tenantID, where: "household_id = \(bind: try household.requireID()) AND resident_id = \(bind: residentID)",
            orderBy: "started_on DESC, id", on: db)
        return try await ParticipationPlacements.records(placements, on: db)
    }
}

extension ParticipationPlacements {
    /// One placement of the host's offer.
    static func hosted(_ placementID: UUID, of offer: ParticipationOffer, on db: any Database) async throws -> Record {
        guard let placement = try await ParticipationPlacement.select(in: offer.tenantID, where: "id = \(bind: placementID) AND offer_id = \(bind: try offer.requireID())",
                                                                      limit: 1, on: db).first else { throw AppError.notFound }
        return try await records([placement], on: db)[0]
    }
}
