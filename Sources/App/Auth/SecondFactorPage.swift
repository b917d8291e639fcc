import Domain
import Fluent
import Vapor

struct SecondFactorPage: Encodable {
    var next = ""
    var errorKey: String?
}
