import Domain
import Foundation

extension DemoSocialMap {
    /// The demo map as an import plan, with stable ids.
    static func plan() -> ImportPlan {
        var plan = ImportPlan()
        for provider in providers {
            let providerID = id(provider.name), locationID = id(provider.name, "location")
            plan.providers.append(.init(id: providerID, name: provider.name, description: provider.description, email: nil, website: nil,
                                        informal: provider.informal, phones: [.init(id: id(provider.name, "phone"), number: provider.phone, description: "")]))
            plan.locations.append(.init(id: locationID, providerID: providerID, name: provider.name, description: "", address1: provider.address,
                                        postalCode: provider.postcode, city: "Voorbeeld", phones: [], schedules: []))
            for offer in provider.offers {
                let serviceID = id(provider.name, offer.name)
                plan.services.append(.init(
                    id: serviceID, providerID: providerID, name: offer.name, description: offer.description, url: nil, email: nil, status: .active,
                    eligibility: offer.eligibility, fees: offer.fees, languages: offer.languages, capacity: offer.capacity, expectedWaitWeeks: offer.wait,
                    acceptsReferrals: offer.accepts, responseDays: offer.responseDays,
                    termIDs: offer.domains.map { MapTaxonomy.term(for: $0).id } + offer.groups.map { MapTaxonomy.term(for: $0).id },
                    areas: offer.areas.compactMap(AreaCode.init).map { .init(id: id(provider.name, offer.name, "area", $0.code), code: $0, name: "") },
                    schedules: schedules(offer.hours, serviceID: serviceID),
                    phones: [], contacts: [], links: [.init(id: id(provider.name, offer.name, "at"), locationID: locationID)]
                ))
            }
        }
        return plan
    }

    /// "MO,TU 09:00-17:00" → one opening per day.
    static func schedules(_ text: String, serviceID: UUID) -> [ImportPlan.Schedule] {
        let parts = text.split(separator: " ")
        guard parts.count == 2, let hours = MapFieldRules.hours(String(parts[1]), day: .monday)?.first else { return [] }
        return parts[0].split(separator: ",").compactMap { Weekday(rawValue: String($0)) }.map { day in
            ImportPlan.Schedule(id: StableID.make("demo-socialmap", serviceID.uuidString, day.rawValue),
                                opening: WeeklyOpening(weekday: day, opensAt: hours.opensAt, closesAt: hours.closesAt), description: "")
        }
    }
}
