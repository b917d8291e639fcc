import Domain
import Fluent
import Foundation

/// The demo tenant's social map: formal and informal providers across the
/// life domains, several linked to the demo organisations so referrals can
/// reach them. Ids are derived from names, and the import's upsert writes
/// them; a map already there is left alone, so seeding twice changes nothing.
enum DemoSocialMap {
    struct Offer {
        let name: String, description: String, domains: [LifeDomain], groups: [TargetGroup]
        var capacity: ServiceCapacity = .available, wait: Int? = nil, accepts = true, responseDays = 5
        var eligibility = "", fees = "Gratis", languages = ["nl"], hours = "MO,TU,WE,TH,FR 09:00-17:00", areas: [String] = []
    }

    struct Provider {
        let name: String, description: String, linked: OrganizationKind?, informal: Bool
        let address: String, postcode: String, phone: String, offers: [Offer]
    }

    static let providers: [Provider] = [
        Provider(name: "Schuldhulp Voorbeeld", description: "Hulp bij geldzaken en schulden voor inwoners van Voorbeeld.", linked: .debtHelp, informal: false,
                 address: "Marktplein 3", postcode: "1234 AC", phone: "0123-456 100", offers: [
            Offer(name: "Schuldhulpverlening", description: "Samen overzicht maken van schulden, regelingen treffen met schuldeisers en zo nodig een minnelijk traject.",
                  domains: [.finances], groups: [.peopleWithDebts, .adults, .families], capacity: .waitingList, wait: 3,
                  eligibility: "Inwoners van Voorbeeld met problematische schulden.", languages: ["nl", "en", "ar"]),
            Offer(name: "Budgetcoaching", description: "Een coach helpt een jaar lang met het huishoudboekje, post en betalingen.",
                  domains: [.finances, .instrumentalADL], groups: [.adults, .families]),
        ]),
        Provider(name: "Welzijn Voorbeeld", description: "Welzijnswerk: maatschappelijk werk, ouderenwerk en mantelzorgondersteuning.", linked: .welfare, informal: false,
                 address: "Kerkstraat 10", postcode: "1234 AD", phone: "0123-456 200", offers: [
            Offer(name: "Maatschappelijk werk", description: "Gesprekken bij problemen thuis, in relaties, met geld of met instanties.",
                  domains: [.domesticRelations, .mentalHealth, .socialNetwork], groups: [.adults, .families], languages: ["nl", "en", "tr"]),
            Offer(name: "Mantelzorgondersteuning", description: "Advies, lotgenotencontact en respijtzorg voor wie voor een naaste zorgt.",
                  domains: [.socialNetwork, .timeUse], groups: [.informalCarers], hours: "TU,TH 10:00-16:00"),
            Offer(name: "Ouderenadvies", description: "Huisbezoek door een ouderenadviseur: wonen, hulpmiddelen, eenzaamheid en regelzaken.",
                  domains: [.basicADL, .instrumentalADL, .socialNetwork], groups: [.elderly], capacity: .waitingList, wait: 2),
        ]),
        Provider(name: "Vrijwilligerscentrale Voorbeeld", description: "Vrijwilligers die inwoners een steuntje in de rug geven.", linked: .volunteer, informal: true,
                 address: "Stationsweg 5", postcode: "1235 CD", phone: "0123-456 300", offers: [
            Offer(name: "Thuisadministratie door vrijwilligers", description: "Een vrijwilliger komt thuis helpen de post en administratie op orde te houden.",
                  domains: [.finances, .instrumentalADL], groups: [.adults, .elderly], capacity: .waitingList, wait: 6),
            Offer(name: "Maatjesproject", description: "Een vast maatje om samen dingen te ondernemen, een keer per week.",
                  domains: [.socialNetwork, .timeUse], groups: [.adults, .elderly, .newcomers], hours: ""),
        ]),
        Provider(name: "Buurtkamer De Ontmoeting", description: "Een huiskamer in de wijk, gerund door buurtbewoners.", linked: .citizenInitiative, informal: true,
                 address: "Lindelaan 40", postcode: "1234 AB", phone: "0123-456 400", offers: [
            Offer(name: "Inloop met koffie", description: "Elke ochtend open: koffie, een praatje en de krant.",
                  domains: [.socialParticipation, .socialNetwork], groups: [.adults, .elderly], accepts: false, hours: "MO,TU,WE,TH,FR,SA 09:30-12:30", areas: ["1234"]),
            Offer(name: "Taalcafé", description: "Nederlands oefenen in een ontspannen sfeer, met vrijwilligers.",
                  domains: [.workAndEducation, .socialParticipation], groups: [.newcomers], languages: ["nl", "ar", "ti", "uk"], hours: "WE 19:00-21:00", areas: ["1234", "1235"]),
        ]),
        Provider(name: "Gemeente Voorbeeld – Werk en Inkomen", description: "Bijstand, inkomensondersteuning en begeleiding naar werk.", linked: .municipalSocialServices, informal: false,
                 address: "Raadhuisplein 1", postcode: "1234 AA", phone: "14 0123", offers: [
            Offer(name: "Bijstand en inkomensondersteuning", description: "Aanvragen van bijstand, bijzondere bijstand en minimaregelingen.",
                  domains: [.finances], groups: [.adults, .families, .peopleWithDebts], responseDays: 8, eligibility: "Inwoners met een laag inkomen en weinig vermogen."),
            Offer(name: "Werkfit-traject", description: "Een traject van zes maanden naar werk of opleiding, met een vaste begeleider.",
                  domains: [.workAndEducation, .timeUse], groups: [.jobseekers, .youth]),
        ]),
        Provider(name: "Woonstichting Thuis", description: "Sociale huurwoningen in Voorbeeld.", linked: .housing, informal: false,
                 address: "Havenkade 22", postcode: "1236 EF", phone: "0123-456 500", offers: [
            Offer(name: "Vroegsignalering huurachterstand", description: "Bij een huurachterstand zoeken we snel contact en regelen samen een betalingsafspraak.",
                  domains: [.housing, .finances], groups: [.adults, .families]),
        ]),
        Provider(name: "Zorggroep De Linde", description: "Wijkverpleging en thuiszorg.", linked: .care, informal: false,
                 address: "Beukenlaan 2", postcode: "1235 AB", phone: "0123-456 600", offers: [
            Offer(name: "Wijkverpleging", description: "Verpleging en persoonlijke verzorging thuis, op indicatie van de wijkverpleegkundige.",
                  domains: [.physicalHealth, .basicADL], groups: [.elderly, .disabilities], capacity: .noCapacity, fees: "Vergoed uit de basisverzekering", hours: "MO,TU,WE,TH,FR,SA,SU 07:00-22:00"),
        ]),
        Provider(name: "Buurtsuper De Hoek", description: "Een buurtsupermarkt die als sociale onderneming mensen een plek geeft om te werken.", linked: .employer, informal: false,
                 address: "Lindelaan 2", postcode: "1234 AE", phone: "0123-456 900", offers: [
            Offer(name: "Statiegeldbalie", description: "Lege flessen en kratten innemen, sorteren en klaarzetten voor de leverancier, met een jobcoach erbij.",
                  domains: [.workAndEducation, .socialParticipation], groups: [.adults, .disabilities, .jobseekers], accepts: false,
                  hours: "TU,TH,FR 09:00-12:30"),
        ]),
        Provider(name: "Voedselbank Voorbeeld", description: "Voedselpakketten voor huishoudens die tijdelijk niet rondkomen.", linked: nil, informal: true,
                 address: "Industrieweg 8", postcode: "1236 GH", phone: "0123-456 700", offers: [
            Offer(name: "Voedselpakket", description: "Wekelijks een voedselpakket, na een intake over inkomen en uitgaven.",
                  domains: [.finances], groups: [.peopleWithDebts, .families], responseDays: 3, hours: "FR 13:00-16:00"),
        ]),
        Provider(name: "GGZ-inloop Voorbeeld", description: "Laagdrempelige geestelijke gezondheidszorg in de wijk.", linked: nil, informal: false,
                 address: "Kerkstraat 14", postcode: "1234 AD", phone: "0123-456 800", offers: [
            Offer(name: "Inloopspreekuur psychische klachten", description: "Zonder verwijzing binnenlopen voor een gesprek over somberheid, stress of angst.",
                  domains: [.mentalHealth, .substanceUse], groups: [.adults, .youth], capacity: .waitingList, wait: 8, hours: "MO,WE 13:00-16:00"),
        ]),
    ]

    static func id(_ parts: String...) -> UUID { StableID.make("demo-socialmap", parts.joined(separator: ":")) }

    /// Writes the map once; returns whether it did (the demo then publishes it).
    @discardableResult
    static func seed(tenantID: UUID, organizations: [OrganizationKind: Organization], on db: any Database) async throws -> Bool {
        guard try await MapOrganization.scoped(to: tenantID, on: db).filter(\.$id == id(providers[0].name)).first() == nil else { return false }
        try await ImportWriter(tenantID: tenantID, db: db).write(plan())
        for provider in providers {
            guard let row = try await MapOrganization.scoped(to: tenantID, on: db).filter(\.$id == id(provider.name)).first() else { continue }
            row.organizationID = provider.linked.flatMap { organizations[$0]?.id }
            row.version = 1
            try await row.save(on: db)
        }
        return true
    }
}
