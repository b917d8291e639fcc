import Domain
import Fluent
import Vapor

struct ApiClientForm: Content {
    var name: String?
    var user_id: String?
    var scope: String?
}
