import Domain
import Fluent
import Vapor

struct OAuthTokenForm: Content {
    var grant_type: String?
    var client_id: String?
    var client_secret: String?
    var scope: String?
}
