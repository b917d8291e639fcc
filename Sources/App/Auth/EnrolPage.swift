import Domain
import Fluent
import Vapor

struct EnrolPage: Encodable {
    let secret: String
    let uri: String
    var errorKey: String?
}
