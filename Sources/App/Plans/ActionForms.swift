import Domain
import Fluent
import Vapor

struct ActionForm: Content {
    var description: String?
    var owner_kind: String?
    var owner_volunteer_id: String?
    var owner_organization_id: String?
    var owner_name: String?
    var due_on: String?
}

struct ActionStatusForm: Content { var status: String?; var version: Int? }
