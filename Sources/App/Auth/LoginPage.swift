import Domain
import Fluent
import Vapor

struct LoginPage: Encodable {
    var username = ""
    var next = ""
    var errorKey: String?
    var noticeKey: String?
    /// The account is locked: the form asks for password and code at once.
    var asksForCode = false
}
