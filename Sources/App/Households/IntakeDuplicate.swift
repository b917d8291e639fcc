import Domain
import Fluent
import Vapor

/// Who the person is, with a link, only for someone who may open their
/// household; anyone else learns only whom to contact.
struct IntakeDuplicate: Encodable {
    let name: String?
    let birthDate: String?
    let href: String?
    let sameBSN: Bool
    let contact: String?
}
