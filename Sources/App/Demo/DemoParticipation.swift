import Domain
import Fluent
import Foundation

/// Taking part by talent in the demo (issue 24): several services of the
/// demo map are participation offers, the demo town's postcode areas have
/// their centres, and Fatima (`inwoner`) has a profile whose best match —
/// the supermarket's bottle returns — is explained on her matches page.
enum DemoParticipation {
    struct Terms { let provider: String, service: String, submission: OfferSubmission }

    static let offers: [Terms] = [
        Terms(provider: "Buurtsuper De Hoek", service: "Statiegeldbalie", submission: OfferSubmission(
            kind: "supported_job", talents: ["returns", "sorting", "collecting", "stock"], rung: "5", times: ["TU-am", "TH-am", "FR-am"],
            postcode: "1234 AE", support: ["job_coach", "quiet_place"], places: "2", placesFree: "1")),
        Terms(provider: "Buurtkamer De Ontmoeting", service: "Inloop met koffie", submission: OfferSubmission(
            kind: "volunteering", talents: ["hosting", "cooking", "serving"], rung: "4", times: ["MO-am", "TU-am", "WE-am", "TH-am", "FR-am"],
            postcode: "1234 AB", support: ["buddy"], places: "6", placesFree: "2")),
        Terms(provider: "Buurtkamer De Ontmoeting", service: "Taalcafé", submission: OfferSubmission(
            kind: "volunteering", talents: ["languages", "hosting"], rung: "3", times: ["WE-ev"], postcode: "1234 AB", places: "8", placesFree: "5")),
        Terms(provider: "Vrijwilligerscentrale Voorbeeld", service: "Maatjesproject", submission: OfferSubmission(
            kind: "volunteering", talents: ["care-for-others", "elderly", "walking"], rung: "4", postcode: "1235 CD", support: ["buddy", "flexible_hours"],
            places: "10", placesFree: "4")),
        Terms(provider: "Gemeente Voorbeeld – Werk en Inkomen", service: "Werkfit-traject", submission: OfferSubmission(
            kind: "course", talents: ["administration", "computers", "sorting"], rung: "5", times: ["MO-am", "WE-am"], postcode: "1234 AA",
            support: ["job_coach"], places: "12", placesFree: "3")),
    ]

    /// The demo town's postcode areas (fictional, close together).
    static let areas: [(String, Double, Double)] = [("1234", 52.000, 5.000), ("1235", 52.012, 5.018), ("1236", 51.990, 4.985)]

    static func seed(tenantID: UUID, talents: TalentTaxonomy, users: [String: User], cipher: FieldCipher, on db: any Database) async throws {
        if try await ParticipationOffer.select(in: tenantID, limit: 1, on: db).isEmpty {
            for terms in offers {
                guard let service = try await Service.select(in: tenantID, where: "id = \(bind: DemoSocialMap.id(terms.provider, terms.service))", limit: 1, on: db).first,
                      case .success(let checked) = OfferCheck.check(terms.submission, talents: talents.codes) else { continue }
                _ = try await OfferController.store(checked, for: service, seenVersion: 0, tenantID: tenantID, on: db)
            }
        }
        for (area, latitude, longitude) in areas
        where try await PostcodeArea.select(in: tenantID, where: "postcode4 = \(bind: area)", limit: 1, on: db).isEmpty {
            try await PostcodeArea(tenantID: tenantID, postcode4: area, latitude: latitude, longitude: longitude).create(on: db)
        }
        guard let user = users["inwoner"], let resident = try await Resident.query(on: db).filter(\.$userID == user.id).first(),
              try await ParticipationProfile.select(in: tenantID, where: "resident_id = \(bind: try resident.requireID())", limit: 1, on: db).isEmpty,
              case .success(let checked) = ProfileCheck.check(ProfileSubmission(
                  talents: ["collecting", "returns", "sorting"], ownWords: "Ik verzamel graag lege flessen en breng ze terug naar de winkel.",
                  wishes: "Iets doen waar ik mensen zie, een paar ochtenden in de week.", available: ["MO-am", "TU-am", "WE-am", "TH-am"],
                  travelMode: "bike", kilometres: "5", needs: ["job_coach"], notWanted: ["course"]), talents: talents.codes)
        else { return }
        let profile = ParticipationProfile()
        (profile.id, profile.tenantID, profile.householdID, profile.residentID) = (UUID(), tenantID, resident.householdID, try resident.requireID())
        (profile.version, profile.createdAt) = (1, Date())
        profile.fill(checked, sealedTexts: try cipher.seal(String(decoding: try JSONEncoder().encode(checked.texts), as: UTF8.self)),
                     writer: try user.requireID(), byResident: true, at: Date())
        try await ParticipationProfiles.insert(profile, on: db)
    }
}
