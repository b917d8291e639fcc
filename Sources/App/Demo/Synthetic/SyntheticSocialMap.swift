import Domain
import Foundation

/// The synthetic municipality's social map grows with it: about one provider
/// per thousand residents (district offices, neighbourhood initiatives,
/// volunteer groups), each with a few services across the life domains,
/// beside the demo's own providers. It is written by the HSDS import's
/// writer, as a tenant admin's import would be.
enum SyntheticSocialMap {
    struct Kind { let name: String; let informal: Bool }
    struct Offer { let name: String; let description: String; let domains: [LifeDomain]; let groups: [TargetGroup] }

    static let residentsPerProvider = 1_000

    static let kinds = [
        Kind(name: "Wijkcentrum", informal: false), Kind(name: "Buurtteam", informal: false), Kind(name: "Stichting Buurtwerk", informal: false),
        Kind(name: "Buurtinitiatief", informal: true), Kind(name: "Vrijwilligersgroep", informal: true), Kind(name: "Kerkelijke diaconie", informal: true),
    ]

    static let offers = [
        Offer(name: "Spreekuur geldzaken", description: "Vragen over rekeningen, toeslagen en schulden: zonder afspraak binnenlopen.", domains: [.finances], groups: [.adults, .peopleWithDebts]),
        Offer(name: "Budgetcursus", description: "In vier avonden leren rondkomen: overzicht, sparen en slim besparen.", domains: [.finances, .instrumentalADL], groups: [.adults, .families]),
        Offer(name: "Formulierenhulp", description: "Vrijwilligers helpen met formulieren, post en digitale zaken.", domains: [.instrumentalADL, .finances], groups: [.elderly, .newcomers]),
        Offer(name: "Taalmaatje", description: "Een vrijwilliger oefent wekelijks Nederlands met u, thuis of in de bibliotheek.", domains: [.workAndEducation, .socialParticipation], groups: [.newcomers]),
        Offer(name: "Koffie-inloop", description: "Een plek in de wijk voor koffie, een praatje en nieuwe contacten.", domains: [.socialNetwork, .socialParticipation], groups: [.adults, .elderly]),
        Offer(name: "Opvoedspreekuur", description: "Vragen over opvoeden en opgroeien, met een pedagoog uit de wijk.", domains: [.domesticRelations], groups: [.families, .children]),
        Offer(name: "Klussendienst", description: "Kleine klussen in en om huis door handige vrijwilligers.", domains: [.housing, .instrumentalADL], groups: [.elderly, .disabilities]),
        Offer(name: "Wandelgroep", description: "Samen wandelen door de wijk, elke week, in een rustig tempo.", domains: [.physicalHealth, .socialNetwork], groups: [.adults, .elderly]),
        Offer(name: "Werkcafé", description: "Samen zoeken naar werk, vrijwilligerswerk of een opleiding.", domains: [.workAndEducation, .timeUse], groups: [.jobseekers, .youth]),
        Offer(name: "Lotgenotengroep", description: "Praten met mensen die hetzelfde meemaken, onder begeleiding.", domains: [.mentalHealth, .substanceUse], groups: [.adults]),
        Offer(name: "Mantelzorgcafé", description: "Even op adem komen en ervaringen delen als mantelzorger.", domains: [.socialNetwork, .timeUse], groups: [.informalCarers]),
        Offer(name: "Huiswerkbegeleiding", description: "Hulp bij huiswerk en plannen, na schooltijd in het buurthuis.", domains: [.workAndEducation], groups: [.children, .youth]),
    ]

    /// The map for a municipality of `residents`: ids and choices come from `random`, so a seed gives the same map.
    static func plan(residents: Int, random: inout SeededRandom) -> ImportPlan {
        var plan = ImportPlan()
        for number in 0..<max(1, residents / residentsPerProvider) {
            let place = DutchPlace.neighbourhoods[number % DutchPlace.neighbourhoods.count]
            let kind = random.pick(kinds)
            let name = "\(kind.name) \(place.name)" + (number < DutchPlace.neighbourhoods.count ? "" : " \(number / DutchPlace.neighbourhoods.count + 1)")
            let providerID = random.uuid(), locationID = random.uuid()
            plan.providers.append(.init(id: providerID, name: name, description: "\(kind.name) in \(place.name).", email: nil, website: nil,
                                        informal: kind.informal, phones: [.init(id: random.uuid(), number: "0123-\(100_000 + number)", description: "")]))
            plan.locations.append(.init(id: locationID, providerID: providerID, name: name, description: "",
                                        address1: "\(random.pick(DutchPlace.streets)) \(random.int(1...120))", postalCode: "\(place.postcode) \(random.pick(["AA", "AB", "BC", "CD"]))",
                                        city: "Voorbeeld", phones: [], schedules: []))
            var chosen = Set<Int>()
            for _ in 0..<random.int(1...4) { chosen.insert(random.int(0...(offers.count - 1))) }
            for index in chosen.sorted() {
                let offer = offers[index], serviceID = random.uuid()
                let open = WeeklyOpening(weekday: random.pick(Weekday.allCases), opensAt: random.int(9...13) * 60, closesAt: random.int(15...20) * 60)
                plan.services.append(.init(
                    id: serviceID, providerID: providerID, name: "\(offer.name) \(place.name)", description: offer.description, url: nil, email: nil,
                    status: .active, eligibility: "", fees: "Gratis", languages: ["nl"], capacity: random.chance(0.2) ? .waitingList : .available,
                    expectedWaitWeeks: nil, acceptsReferrals: !kind.informal || random.chance(0.5), responseDays: random.int(3...10),
                    termIDs: offer.domains.map { MapTaxonomy.term(for: $0).id } + offer.groups.map { MapTaxonomy.term(for: $0).id },
                    areas: AreaCode(String(place.postcode)).map { [.init(id: random.uuid(), code: $0, name: place.name)] } ?? [],
                    schedules: [.init(id: random.uuid(), opening: open, description: "")],
                    phones: [], contacts: [], links: [.init(id: random.uuid(), locationID: locationID)]
                ))
            }
        }
        return plan
    }

    /// The rows `plan` writes: providers, locations and services with their phones, terms, areas, opening hours and locations.
    static func rowCount(_ plan: ImportPlan) -> Int {
        plan.providers.reduce(0) { $0 + 1 + $1.phones.count } + plan.locations.count
            + plan.services.reduce(0) { $0 + 1 + $1.termIDs.count + $1.areas.count + $1.schedules.count + $1.links.count }
    }
}
