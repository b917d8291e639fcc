import Domain
import Fluent
import Vapor

struct ProviderListPage: Encodable {
    struct Row: Encodable { let name: String; let href: String; let informal: Bool; let linked: String; let services: Int }
    let rows: [Row]
    let newHref: String?
}
