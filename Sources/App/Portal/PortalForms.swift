import Domain
import Fluent
import Vapor

struct PortalActionForm: Content { var goal_id: String?; var description: String? }

struct PortalCommentForm: Content { var goal_id: String?; var text: String? }

struct PortalConsentForm: Content { var organization_id: String?; var domains: [String]?; var purpose: String? }
