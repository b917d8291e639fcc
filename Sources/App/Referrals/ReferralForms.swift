import Domain
import Fluent
import Vapor

struct ReferralStatusForm: Content {
    var status: String?
    var outcome: String?
    /// A short note with the step, e.g. how the referral was closed.
    var note: String?
    var version: Int?
    /// "on" when the person confirmed a step that ends the referral.
    var confirm: String?
}

struct ReferralRedirectForm: Content {
    var service_id: String?
}

struct ReferralForm: Content {
    var service_id: String?
    var organization_id: String?
    var q: String?
    var domains: [String]?
    var message: String?
    var send: String?
}
