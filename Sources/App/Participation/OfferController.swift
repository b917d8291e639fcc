import Domain
import Fluent
import SQLKit
import Vapor

/// A service's participation offer (issue 24), kept by whoever may edit the
/// service: the tenant admin, or the provider's own editors. Saved on the
/// version the editor saw; a newer one is never overwritten silently.
struct OfferController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.socialMapServiceOffer, use: edit)
        routes.post(SiteRoute.socialMapServiceOffer, use: save)
    }

    func edit(req: Request) async throws -> Response {
        let (actor, service) = try await ServiceEditController.editable(req)
        let offer = try await Self.offer(of: service, tenantID: actor.tenantID, on: req.db)
        return try await render(req, service, typed: offer.map(OfferForm.init) ?? OfferForm())
    }

    func save(req: Request) async throws -> Response {
        let (actor, service) = try await ServiceEditController.editable(req)
        let form = try req.content.decode(OfferForm.self)
        let checked: CheckedOffer
        switch OfferCheck.check(form.submission, talents: req.talents.codes) {
        case .failure(let invalid): return try await render(req, service, typed: form, errors: FormErrors(invalid.issues, req: req), status: .unprocessableEntity)
        case .success(let valid): checked = valid
        }
        let seen = Int(form.version ?? "") ?? -1
        let saved = try await req.db.transaction { tx in
            try await Self.store(checked, for: service, seenVersion: seen, tenantID: actor.tenantID, on: tx)
        }
        guard saved else {
            var typed = form
            typed.version = String(try await Self.offer(of: service, tenantID: actor.tenantID, on: req.db)?.version ?? 0)
            return try await render(req, service, typed: typed, errors: FormErrors([.init(field: "offer_kind", messageKey: "error.conflict")], req: req), status: .conflict)
        }
        return req.redirect(to: SiteRoute.socialMapService.path(try service.requireID()), notice: .offerSaved)
    }

    static func offer(of service: Service, tenantID: UUID, on db: any Database) async throws -> ParticipationOffer? {
        try await ParticipationOffer.select(in: tenantID, where: "service_id = \(bind: try service.requireID())", limit: 1, on: db).first
    }

    /// False when someone else saved the offer since `seenVersion` (0: there was none).
    static func store(_ checked: CheckedOffer, for service: Service, seenVersion: Int, tenantID: UUID, on db: any Database) async throws -> Bool {
        guard let existing = try await offer(of: service, tenantID: tenantID, on: db) else {
            guard seenVersion == 0 else { return false }
            let offer = ParticipationOffer()
            (offer.id, offer.tenantID, offer.serviceID, offer.version, offer.updatedAt) = (UUID(), tenantID, try service.requireID(), 1, Date())
            offer.fill(checked)
            offer.neighbourhoodCode = try await ResidentAccess.neighbourhood(ofOfferAt: checked.postcode, postcode4: checked.postcode4, tenantID: tenantID, on: db)
            try await db.transaction { tx in
                try await offer.create(on: tx)
                try await TalentIndex.offers.replace(try offer.requireID(), talents: Array(checked.terms.talents), tenantID: tenantID, on: tx)
                try await OfferPlaces.record(try offer.requireID(), tenantID: tenantID, on: tx)
            }
            return true
        }
        existing.fill(checked)
        let id = try existing.requireID()
        let neighbourhood = try await ResidentAccess.neighbourhood(ofOfferAt: checked.postcode, postcode4: checked.postcode4, tenantID: tenantID, on: db)
        return try await db.transaction { tx in
            let saved = try await tx.sql.updateVersioned(ParticipationOffer.schema, id: id, in: tenantID, expectedVersion: seenVersion) {
                $0.set("kind", to: existing.kind).set("talents", to: existing.talents).set("rung", to: existing.rung).set("times", to: existing.times)
                    .set("postcode", to: existing.postcode).set("postcode4", to: existing.postcode4).set("support", to: existing.support)
                    .set("places", to: existing.places).set("places_free", to: existing.placesFree)
                    .set("neighbourhood_code", to: neighbourhood.map { SQLBind($0) as any SQLExpression } ?? SQLLiteral.null)
            }
            if saved {
                try await TalentIndex.offers.replace(id, talents: Array(checked.terms.talents), tenantID: tenantID, on: tx)
                // Every save, not only a change of places: it also tells the monitor the offer changed.
                try await OfferPlaces.record(id, tenantID: tenantID, on: tx)
            }
            return saved
        }
    }

    private func render(_ req: Request, _ service: Service, typed: OfferForm, errors: FormErrors = .none, status: HTTPStatus = .ok) async throws -> Response {
        let page = OfferPage.build(service: service, typed: typed, errors: errors, talents: req.talents, in: try req.context())
        return try await req.page("socialmap/offer-form", title: req.t("participation.offer_title", service.name), page, status: status)
    }
}
