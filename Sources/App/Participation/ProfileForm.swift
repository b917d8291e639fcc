import Domain
import Vapor

/// The participation profile as its form sends it.
struct ProfileForm: Content {
    var talents: [String]?
    var own_words: String?
    var skills: String?
    var wishes: String?
    var available: [String]?
    var travel_mode: String?
    var max_km: String?
    var needs: [String]?
    var not_wanted: [String]?
    var avoid: String?
    var version: String?

    var submission: ProfileSubmission {
        ProfileSubmission(talents: talents ?? [], ownWords: own_words, skills: skills, wishes: wishes, available: available ?? [],
                          travelMode: travel_mode, kilometres: max_km, needs: needs ?? [], notWanted: not_wanted ?? [], avoid: avoid)
    }

    /// The saved profile as the form shows it to be changed.
    init(_ profile: ParticipationProfile, texts: ProfileTexts) {
        talents = ParticipationProfile.codes(profile.talents)
        (own_words, skills, wishes, avoid) = (texts.ownWords, texts.skills, texts.wishes, texts.avoid)
        available = HalfDays(mask: profile.availability).days.map(\.code)
        (travel_mode, max_km) = (profile.travelMode, String(profile.maxKilometres))
        (needs, not_wanted, version) = (ParticipationProfile.codes(profile.needs), ParticipationProfile.codes(profile.notWanted), String(profile.version))
    }

    /// A first profile: cycling, as far as a bike usually goes.
    init() {
        (travel_mode, max_km, version) = (TravelMode.bike.rawValue, String(TravelMode.bike.usualKilometres), "0")
    }
}

extension ProfileForm {
    /// The resident's profile as saved, as its form shows it; a first profile's form when there is none.
    static func saved(of residentID: UUID, in opened: ResidentAccess.Opened, context: Context) async throws -> ProfileForm {
        try await opened.participationProfile(of: residentID, on: context.db)
            .map { ProfileForm($0, texts: ParticipationProfiles.texts(of: $0, cipher: context.cipher)) } ?? ProfileForm()
    }

    /// The form checked and saved for `residentID` on the version it was
    /// typed on: nil when saved, else what to show again with it and why.
    func submit(for residentID: UUID, in opened: ResidentAccess.Opened, req: Request) async throws -> (FormErrors, HTTPStatus)? {
        switch ProfileCheck.check(submission, talents: req.talents.codes) {
        case .failure(let invalid):
            return (FormErrors(invalid.issues, req: req), .unprocessableEntity)
        case .success(let checked):
            do {
                try await ParticipationProfiles.save(checked, for: residentID, seenVersion: Int(version ?? "") ?? -1, in: opened, context: req.context())
                return nil
            } catch AppError.conflict {
                return (FormErrors([.init(field: "talents", messageKey: "participation.conflict")], req: req), .conflict)
            }
        }
    }
}
