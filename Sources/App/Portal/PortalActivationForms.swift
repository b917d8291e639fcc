import Domain
import Fluent
import SQLKit
import Vapor

struct PortalActivateForm: Content {
    var code: String?
    var username: String?
    var password: String?
    var password_confirmation: String?
}
