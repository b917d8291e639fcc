import Domain
import Foundation

/// A checked package, ready to write: every value typed and valid.
struct ImportPlan: Sendable {
    struct Phone: Sendable { let id: UUID; let number: String; let description: String }
    struct Schedule: Sendable { let id: UUID; let opening: WeeklyOpening; let description: String }
    struct Contact: Sendable { let id: UUID; let name: String; let title: String; let email: String?; let phone: String? }
    struct Area: Sendable { let id: UUID; let code: AreaCode; let name: String }
    struct Link: Sendable { let id: UUID; let locationID: UUID }

    struct Provider: Sendable {
        let id: UUID; let name: String; let description: String; let email: String?; let website: String?
        let informal: Bool; let phones: [Phone]
    }

    struct Location: Sendable {
        let id: UUID; let providerID: UUID; let name: String; let description: String
        let address1: String; let postalCode: String; let city: String
        let phones: [Phone]; let schedules: [Schedule]
    }

    struct Service: Sendable {
        let id: UUID; let providerID: UUID; let name: String; let description: String
        let url: String?; let email: String?; let status: ServiceStatus
        let eligibility: String; let fees: String; let languages: [String]
        let capacity: ServiceCapacity; let expectedWaitWeeks: Int?; let acceptsReferrals: Bool; let responseDays: Int
        let termIDs: [UUID]; let areas: [Area]; let schedules: [Schedule]; let phones: [Phone]
        let contacts: [Contact]; let links: [Link]
    }

    var providers: [Provider] = []
    var locations: [Location] = []
    var services: [Service] = []
    var issues: [ImportReport.Issue] = []
}
