import Domain
import Fluent
import Vapor

/// `/api/v1/signals`: a signal partner's system reports arrears, one at a
/// time or in a batch, and asks how each stands — "received", "in contact"
/// or "closed", never what help followed. Only a registered signal partner
/// may send; each sees only its own signals.
struct SignalAPIController {
    struct SignalDTO: Content {
        var reference: String?
        var kind: String?
        var amount: Decimal?
        var monthsInArrears: Int?
        var signalledOn: String?
        var reminderSent: Bool?
        var givenName: String?
        var familyName: String?
        var birthDate: String?
        var street: String?
        var postcode: String?
        var city: String?
        var phone: String?
        var email: String?
        var bsn: String?

        var submission: SignalSubmission {
            SignalSubmission(reference: reference, kind: kind, amount: amount.map { "\($0)" }, months: monthsInArrears.map(String.init), signalledOn: signalledOn,
                             reminderSent: reminderSent, givenName: givenName, familyName: familyName, birthDate: birthDate, street: street,
                             postcode: postcode, city: city, phone: phone, email: email, bsn: bsn)
        }
    }

    struct BatchDTO: Content { var signals: [SignalDTO]? }

    struct ReceiptDTO: Content {
        let id: UUID
        let reference: String
        /// received, in_contact or closed.
        let status: String
    }

    struct BatchReceiptDTO: Content { let signals: [ReceiptDTO] }

    static let batchLimit = 1000

    func register(_ routes: any RoutesBuilder) {
        routes.post(SiteRoute.apiSignals, maxBody: "2mb", use: one)
        routes.post(SiteRoute.apiSignalBatch, maxBody: "8mb", use: batch)
        routes.get(SiteRoute.apiSignal, use: status)
    }

    func one(req: Request) async throws -> Response {
        let (partner, context) = try await Self.partner(req)
        let body = try req.content.decode(SignalDTO.self)
        let (facts, problems) = SignalCheck.check(body.submission, allowed: partner.allowed, today: CivilDay.today())
        guard let facts else { return APIProblem.invalid(problems.map { .init(field: $0.field, messageKey: "signal.problem.\($0.problem.rawValue)") }, req: req) }
        let received = try await intake(req, tenantID: partner.tenantID).receive(facts, from: partner.organizationID, tenantID: partner.tenantID)
        try await context.audit(received.created ? "signal.received" : "signal.repeated", outcome: .success, basis: .administration,
                                objectType: "signal", objectID: received.signal.id?.uuidString)
        return try await receipt(received.signal, on: req.db).encodeResponse(status: received.created ? .created : .ok, for: req)
    }

    func batch(req: Request) async throws -> Response {
        let (partner, context) = try await Self.partner(req)
        let signals = try req.content.decode(BatchDTO.self).signals ?? []
        guard !signals.isEmpty, signals.count <= Self.batchLimit else {
            return APIProblem.invalid([.init(field: "signals", messageKey: "signal.problem.batch_size")], req: req)
        }
        let today = CivilDay.today()
        var checked: [SignalFacts] = [], issues: [ValidationIssue] = []
        for (index, signal) in signals.enumerated() {
            let (facts, problems) = SignalCheck.check(signal.submission, allowed: partner.allowed, today: today)
            if let facts { checked.append(facts) }
            issues += problems.map { .init(field: "signals[\(index)].\($0.field)", messageKey: "signal.problem.\($0.problem.rawValue)") }
        }
        // Nothing is taken in while any signal is refused: the partner sends the batch again, corrected.
        guard issues.isEmpty else { return APIProblem.invalid(issues, req: req) }
        var receipts: [ReceiptDTO] = []
        let intake = try await intake(req, tenantID: partner.tenantID)
        for facts in checked {
            let received = try await intake.receive(facts, from: partner.organizationID, tenantID: partner.tenantID)
            receipts.append(try await receipt(received.signal, on: req.db))
        }
        try await context.audit("signal.batch", outcome: .success, basis: .administration, objectType: "signal_batch", objectID: String(receipts.count))
        return try await BatchReceiptDTO(signals: receipts).encodeResponse(status: .ok, for: req)
    }

    func status(req: Request) async throws -> ReceiptDTO {
        // Another organisation's signal does not exist for the caller: 404, partner or not.
        guard let (partner, _) = try? await Self.partner(req) else { throw AppError.notFound }
        guard let id = req.id(.signalID),
              let signal = try await Signal.select(in: partner.tenantID, where: "id = \(bind: id) AND partner_organization_id = \(bind: partner.organizationID)",
                                                   limit: 1, on: req.db).first else { throw AppError.notFound }
        return try await receipt(signal, on: req.db)
    }

    /// The caller's organisation as a registered signal partner, or 403.
    static func partner(_ req: Request) async throws -> (SignalPartner, Context) {
        let context = try req.context()
        guard let organizationID = context.actor.organizationID,
              let partner = try await SignalPartner.select(in: context.actor.tenantID, where: "organization_id = \(bind: organizationID)", limit: 1, on: req.db).first
        else { throw AppError.forbidden }
        return (partner, context)
    }

    private func intake(_ req: Request, tenantID: UUID) async throws -> SignalIntake {
        SignalIntake(db: req.db, keys: req.application.config.keys, windowDays: try await SignalSettings.rules(of: tenantID, on: req.db).combineDays)
    }

    private func receipt(_ signal: Signal, on db: any Database) async throws -> ReceiptDTO {
        let signalCase = try await SignalCase.select(in: signal.tenantID, where: "id = \(bind: signal.caseID)", limit: 1, on: db).first
        return ReceiptDTO(id: try signal.requireID(), reference: signal.reference, status: (signalCase?.caseStatus ?? .received).rawValue)
    }
}
