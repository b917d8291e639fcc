import Domain
import Fluent
import Vapor

struct PlanReviewForm: Content { var review_on: String? }

struct PaperSignatureForm: Content { var resident_id: String? }
