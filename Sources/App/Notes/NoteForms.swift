import Domain
import Fluent
import Vapor

struct NoteForm: Content {
    var domain: String?
    var kind: String?
    var occurred_on: String?
    var text: String?
}
