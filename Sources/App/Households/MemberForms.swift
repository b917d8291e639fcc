import Domain
import Fluent
import Vapor

struct MemberForm: Content {
    var given_name: String?
    var family_name: String?
    var birth_date: String?
    var relation: String?
}

struct RepresentativeForm: Content {
    var resident_id: String?
    var kind: String?
    var display_name: String?
    var username: String?
}
