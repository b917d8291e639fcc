import Domain
import Foundation
import Vapor

/// A refusal of the HSDS API with a localized reason, as problem+json.
struct HSDSProblem: Error, KeyedAppError {
    let status: HTTPResponseStatus
    let messageKey: String

    static func badParameter(_ name: String) -> HSDSProblem { HSDSProblem(status: .badRequest, messageKey: "hsds.error.\(name)") }
}

/// The query parameters of the HSDS 3.0 API reference, checked: anything
/// malformed is a 400 naming the parameter, never a 500 or a silent default.
struct HSDSParameters {
    var page = 1
    var perPage = 50
    var search = ""
    var taxonomyTermID: UUID?
    var taxonomyID: UUID?
    var organizationID: UUID?
    var modifiedAfter: Date?
    var postcode: AreaCode?
    var full = false

    static let maximumPerPage = 500

    init(_ req: Request) throws {
        func raw(_ name: String) -> String? {
            req.query[String.self, at: name].map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        if let value = raw("page") {
            guard let number = Int(value), number >= 1, number <= 1_000_000 else { throw HSDSProblem.badParameter("page") }
            page = number
        }
        if let value = raw("per_page") {
            guard let number = Int(value), (1...Self.maximumPerPage).contains(number) else { throw HSDSProblem.badParameter("per_page") }
            perPage = number
        }
        if let value = raw("search") {
            guard value.count <= 200 else { throw HSDSProblem.badParameter("search") }
            search = value
        }
        taxonomyTermID = try Self.uuid(raw("taxonomy_term_id"), "taxonomy_term_id")
        taxonomyID = try Self.uuid(raw("taxonomy_id"), "taxonomy_id")
        organizationID = try Self.uuid(raw("organization_id"), "organization_id")
        if let value = raw("modified_after") {
            guard let date = Self.date(value) else { throw HSDSProblem.badParameter("modified_after") }
            modifiedAfter = date
        }
        if let value = raw("postcode") {
            guard let area = AreaCode(value) else { throw HSDSProblem.badParameter("postcode") }
            postcode = area
        }
        for flag in ["full", "full_service", "minimal"] {
            if let value = raw(flag), !["true", "false", "1", "0"].contains(value.lowercased()) { throw HSDSProblem.badParameter(flag) }
        }
        full = ["true", "1"].contains(raw("full")?.lowercased() ?? "")
        if let format = raw("format"), format.lowercased() != "json" { throw HSDSProblem.badParameter("format") }
    }

    static func uuid(_ raw: String?, _ name: String) throws -> UUID? {
        guard let raw else { return nil }
        guard let id = UUID(uuidString: raw) else { throw HSDSProblem.badParameter(name) }
        return id
    }

    /// An ISO 8601 date-time ("2026-05-01T10:00:00Z") or a day ("2026-05-01", from midnight in Amsterdam).
    static func date(_ raw: String) -> Date? {
        if let date = HSDSMapping.iso.date(from: raw) { return date }
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = fractional.date(from: raw) { return date }
        return Day.parse(raw).flatMap(Day.start(of:))
    }

    /// The filter these parameters ask for; nil when they name a taxonomy or term that does not exist (no results).
    func filter() -> SocialMapFilter? {
        var filter = SocialMapFilter(words: ServiceRanking.words(search))
        filter.statuses = nil
        filter.mapOrganizationID = organizationID
        filter.modifiedAfter = modifiedAfter
        filter.area = postcode
        if let taxonomyTermID {
            guard MapTaxonomy.term(id: taxonomyTermID) != nil else { return nil }
            filter.termIDs = [taxonomyTermID]
        }
        if let taxonomyID {
            guard let taxonomy = MapTaxonomy.allCases.first(where: { $0.id == taxonomyID }) else { return nil }
            filter.taxonomy = taxonomy
        }
        return filter
    }
}
