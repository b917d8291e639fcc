import Domain
import Fluent
import Foundation

/// Taking part by talent in the synthetic municipality (issue 24): an
/// offer for about every twenty residents (5,000 in a city of 100,000) —
/// volunteer roles, day activities, courses, work places and jobs of the
/// map's providers, each a service of its own — and a participation profile
/// for about one in ten adults of working age, with the centres of the
/// neighbourhoods' postcode areas so distances are known. Rows go in as the
/// households do, in multi-row inserts, with their talents in the index.
struct SyntheticParticipation {
    static let residentsPerOffer = 20
    static let profileShare = 0.1

    /// What an offer can be: a role with the talents it suits, its kind, rung and the support usually there.
    struct Role { let name: String; let kind: OfferKind; let talents: [String]; let rungs: ClosedRange<Int>; let support: [SupportKind] }

    static let roles = [
        Role(name: "Gastvrouw of gastheer inloop", kind: .volunteering, talents: ["hosting", "serving", "cooking"], rungs: 3...4, support: [.buddy]),
        Role(name: "Tuinploeg", kind: .dayActivity, talents: ["gardening", "nature-care", "cleaning-streets"], rungs: 2...3, support: [.quietPlace, .buddy]),
        Role(name: "Statiegeld en retouren", kind: .supportedJob, talents: ["returns", "sorting", "collecting", "stock"], rungs: 5...5, support: [.jobCoach, .quietPlace]),
        Role(name: "Fietsenwerkplaats", kind: .workExperience, talents: ["bikes", "repairing"], rungs: 4...5, support: [.jobCoach, .adaptedWork]),
        Role(name: "Taalcafé begeleider", kind: .volunteering, talents: ["languages", "hosting"], rungs: 3...4, support: [.simpleLanguage]),
        Role(name: "Computerhulp", kind: .volunteering, talents: ["computers", "phones-help"], rungs: 3...4, support: [.flexibleHours]),
        Role(name: "Kookgroep", kind: .dayActivity, talents: ["cooking", "baking"], rungs: 2...3, support: [.buddy, .simpleLanguage]),
        Role(name: "Kassa en vakkenvullen", kind: .job, talents: ["cash-desk", "selling", "stock"], rungs: 6...6, support: [.flexibleHours]),
        Role(name: "Bezorgen met de bakfiets", kind: .supportedJob, talents: ["delivering", "cycling-courier", "cycling-courier"], rungs: 5...5, support: [.jobCoach]),
        Role(name: "Creatieve werkplaats", kind: .dayActivity, talents: ["drawing", "sewing", "painting-walls"], rungs: 2...3, support: [.quietPlace]),
        Role(name: "Sportmaatje", kind: .volunteering, talents: ["sports", "walking", "coaching-sport"], rungs: 3...4, support: [.buddy]),
        Role(name: "Cursus houtbewerking", kind: .course, talents: ["woodwork", "repairing"], rungs: 3...4, support: [.simpleLanguage]),
        Role(name: "Administratief medewerker", kind: .workExperience, talents: ["administration", "computers", "sorting"], rungs: 4...5, support: [.adaptedWork, .jobCoach]),
        Role(name: "Dierenverzorging kinderboerderij", kind: .volunteering, talents: ["animals", "nature-care"], rungs: 3...4, support: [.buddy]),
        Role(name: "Chauffeur buurtbus", kind: .volunteering, talents: ["driving", "elderly"], rungs: 4...4, support: [.flexibleHours]),
    ]

    let db: any Database
    let tenantID: UUID
    let cipher: FieldCipher

    /// The people a profile can be written for, chosen as households are made.
    struct Person { let householdID: UUID; let residentID: UUID }

    /// Whether a resident gets a profile: a share of those of working age.
    static func chosen(_ resident: Resident, today: CivilDay, random: inout SeededRandom) -> Bool {
        guard let born = CivilDay(resident.birthDate ?? ""), case let age = (today.dayNumber - born.dayNumber) / 365, (18...67).contains(age) else { return false }
        return random.chance(profileShare)
    }

    /// Writes the offers with their places' history, the postcode areas and the profiles; returns the rows written.
    /// `history` draws the places' past, so the rest stays as the seed made it.
    func generate(residents: Int, map: ImportPlan, people: [Person], today: CivilDay, historyDays: Int,
                  random: inout SeededRandom, history: inout SeededRandom) async throws -> Int {
        let talentCodes = Array(Set(Self.roles.flatMap(\.talents))).sorted()
        var services: [Service] = [], offers: [ParticipationOffer] = [], profiles: [ParticipationProfile] = []
        var placesHistory: [ParticipationOfferPlaces] = []
        let providers = Dictionary(map.providers.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        for _ in 0..<max(1, residents / Self.residentsPerOffer) {
            guard let provider = map.providers.isEmpty ? nil : random.pick(map.providers) else { break }
            let role = random.pick(Self.roles), place = random.pick(DutchPlace.neighbourhoods)
            let service = Service(id: random.uuid(), tenantID: tenantID, mapOrganizationID: provider.id, name: "\(role.name) \(place.name)",
                                  description: "\(role.name) bij \(provider.name), in \(place.name).")
            service.refreshSearchColumns(providerName: providers[provider.id] ?? "")
            services.append(service)
            let places = random.int(1...8)
            let offer = ParticipationOffer()
            (offer.id, offer.tenantID, offer.serviceID, offer.kind, offer.rung) = (random.uuid(), tenantID, service.id!, role.kind.rawValue, random.int(role.rungs))
            offer.talents = Set(random.sample(role.talents, count: random.int(1...role.talents.count))).sorted().joined(separator: ",")
            offer.times = Self.halfDays(random.int(2...6), random: &random).mask
            (offer.postcode, offer.postcode4) = ("\(place.postcode) \(random.pick(DutchPlace.letters))\(random.pick(DutchPlace.letters))", String(place.postcode))
            offer.support = SupportKind.allCases.filter(Set(random.sample(role.support, count: random.int(0...role.support.count))).contains).map(\.rawValue).joined(separator: ",")
            (offer.places, offer.placesFree, offer.version, offer.updatedAt) = (places, random.int(0...places), 1, Date())
            offer.neighbourhoodCode = place.code
            offers.append(offer)
            placesHistory.append(contentsOf: Self.placesHistory(of: offer, today: today, historyDays: historyDays, random: &history))
        }
        let texts = try ["Ik ben graag buiten bezig.", "Ik help graag anderen.", "Ik wil weer iets om handen hebben.", ""].map { words in
            try cipher.seal(String(decoding: try JSONEncoder().encode(ProfileTexts(ownWords: words)), as: UTF8.self))
        }
        for person in people {
            let travel = random.pick(TravelMode.allCases)
            let profile = ParticipationProfile()
            (profile.id, profile.tenantID, profile.householdID, profile.residentID) = (random.uuid(), tenantID, person.householdID, person.residentID)
            profile.talents = Set(random.sample(talentCodes, count: random.weighted([(1, 2), (2, 4), (3, 3), (4, 1)]))).sorted().joined(separator: ",")
            profile.availability = Self.halfDays(random.int(2...8), random: &random).mask
            (profile.travelMode, profile.maxKilometres) = (travel.rawValue, travel.usualKilometres)
            profile.needs = SupportKind.allCases.filter(Set(random.sample(SupportKind.allCases, count: random.weighted([(0, 5), (1, 4), (2, 1)]))).contains)
                .map(\.rawValue).joined(separator: ",")
            profile.notWanted = random.chance(0.3) ? random.pick(OfferKind.allCases).rawValue : ""
            (profile.textsEncrypted, profile.writtenBy, profile.writtenByResident) = (random.pick(texts), person.residentID, true)
            (profile.version, profile.createdAt, profile.updatedAt) = (1, Date(), Date())
            profiles.append(profile)
        }
        let areas = DutchPlace.neighbourhoods.enumerated().map { index, place in
            // A town of about ten kilometres across: neighbourhoods on a ring around the centre.
            let angle = Double(index) / Double(DutchPlace.neighbourhoods.count) * 2 * .pi, radius = index < 2 ? 0.005 : 0.03
            return PostcodeArea(tenantID: tenantID, postcode4: String(place.postcode), latitude: 52.09 + radius * sin(angle), longitude: 5.12 + radius * 1.6 * cos(angle))
        }
        let (newServices, newOffers, newProfiles, newPlaces) = (services, offers, profiles, placesHistory)
        try await db.transaction { tx in
            let known = Set(try await PostcodeArea.select(in: tenantID, on: tx).map(\.postcode4))
            try await SyntheticBatch.insert(areas.filter { !known.contains($0.postcode4) }, on: tx)
            try await SyntheticBatch.insert(newServices, on: tx)
            try await SyntheticBatch.insert(newOffers, on: tx)
            try await SyntheticBatch.insert(newPlaces, on: tx)
            try await SyntheticBatch.insert(newProfiles, on: tx)
            try await TalentIndex.offers.fill(newOffers.map { ($0.id!, ParticipationProfile.codes($0.talents)) }, tenantID: tenantID, on: tx)
            try await TalentIndex.profiles.fill(newProfiles.map { ($0.id!, ParticipationProfile.codes($0.talents)) }, tenantID: tenantID, on: tx)
        }
        return services.count + offers.count * 2 + placesHistory.count + profiles.count * 2 + areas.count
    }

    /// An offer's places over its past: put on the map some day in the
    /// history, its free places moving a few times since, ending at what
    /// the offer holds now.
    static func placesHistory(of offer: ParticipationOffer, today: CivilDay, historyDays: Int, random: inout SeededRandom) -> [ParticipationOfferPlaces] {
        let first = today.adding(days: -random.int(0...max(0, min(historyDays, 730))))
        let changes = Set((0..<random.int(0...3)).map { _ in random.int(0...max(0, first.days(until: today))) }).sorted()
        var days = [first] + changes.filter { $0 > 0 }.map { first.adding(days: $0) }
        if days.last != today, random.chance(0.5) { days.append(today) }
        return days.enumerated().map { index, day in
            let free = index == days.count - 1 ? offer.placesFree : random.int(0...offer.places)
            return ParticipationOfferPlaces(tenantID: offer.tenantID, offerID: offer.id!, day: day, places: offer.places, placesFree: free, at: Date())
        }
    }

    /// `count` different half-days, mostly in the daytime on weekdays.
    static func halfDays(_ count: Int, random: inout SeededRandom) -> HalfDays {
        let weekdays = (0..<5).flatMap { day in [day * 3, day * 3 + 1] }
        return HalfDays(mask: random.sample(weekdays, count: min(count, weekdays.count)).reduce(0) { $0 | (1 << $1) })
    }
}
