import Domain
import Fluent
import Vapor

struct LoginForm: Content {
    var username: String?
    var password: String?
    /// Asked for only while the account is locked (see `submit`).
    var code: String?
    var next: String?
}
