import Domain
import Fluent
import Vapor

struct InvolvementForm: Content {
    var organization_id: String?
    var domains: [String]?
    var coordinator: String?
}

/// The contact person the household page showed when the form was sent.
struct InvolvementContactForm: Content { var shown: String? }
