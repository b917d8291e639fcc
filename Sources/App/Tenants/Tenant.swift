import Fluent
import SQLKit
import Foundation

/// A municipality or region: the hard data boundary.
final class Tenant: Model, @unchecked Sendable {
    static let schema = "tenants"

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @Field(key: "slug") var slug: String
    /// Only a tenant created as a demo may hold demo credentials.
    @Field(key: "is_demo") var isDemo: Bool
    @Field(key: "is_active") var isActive: Bool
    /// Months after an assessment before the worklist asks for the next (nil: the default).
    @OptionalField(key: "reassessment_months") var reassessmentMonths: Int?
    /// The social map can be read without signing in (page and HSDS API).
    @Field(key: "public_social_map") var publicSocialMap: Bool
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    /// Listed by hand, not found by reflection on every query and row (see ModelPropertyListTests).
    var properties: [any AnyProperty] { [$id, $name, $slug, $isDemo, $isActive, $reassessmentMonths, $publicSocialMap, $createdAt] }

    init() {}

    init(id: UUID? = nil, name: String, slug: String, isDemo: Bool = false) {
        self.id = id
        self.name = name
        self.slug = slug
        self.isDemo = isDemo
        self.isActive = true
        self.publicSocialMap = false
    }
}

extension Tenant {
    static let defaultReassessmentMonths = 6
    static let reassessmentMonthsRange = 1...36

    var reassessmentInterval: Int { reassessmentMonths ?? Self.defaultReassessmentMonths }

    /// The tenant's interval without reading the whole row (the worklist's hot path).
    static func reassessmentInterval(of id: UUID, on db: any Database) async throws -> Int {
        let row = try await db.sql.raw("SELECT reassessment_months FROM tenants WHERE id = \(bind: id)").first()
        return try row?.decode(column: "reassessment_months", as: Int?.self) ?? defaultReassessmentMonths
    }
}
