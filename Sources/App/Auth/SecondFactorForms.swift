import Domain
import Fluent
import Vapor

struct SecondFactorForm: Content {
    var code: String?
    var next: String?
}
