import Domain
import Fluent
import Vapor

struct ConsentRecordForm: Content {
    var resident_id: String?
    var organization_id: String?
    var domains: [String]?
    var purpose: String?
    var valid_from: String?
    var valid_to: String?
    var method: String?
    var status: String?
}
