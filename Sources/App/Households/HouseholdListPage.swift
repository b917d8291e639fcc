import Domain
import Fluent
import Vapor

struct HouseholdListPage: Encodable {
    struct Row: Encodable { let name: String; let address: String; let href: String }
    let rows: [Row]
    let newHref: String?
    let query: String
    /// Only households where no one of the organisation is the contact yet.
    let unassigned: Bool
    /// A BSN search found someone in a household this organisation is not involved with.
    let knownElsewhere: Bool
    let pager: Pager
}
