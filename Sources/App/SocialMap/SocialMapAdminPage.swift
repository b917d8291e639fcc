import Domain
import Fluent
import Vapor

struct SocialMapAdminPage: Encodable {
    struct Issue: Encodable { let row: String; let id: String; let problem: String }
    let isPublic: Bool
    let publicHref: String
    let hsdsHref: String
    let publishAction: String
    let importAction: String
    let exportHref: String
    let exportCSVHref: String
    let tables: [String]
    let providers: Int
    let services: Int
    let imported: String?
    let failure: String?
    let issues: [Issue]
}
