import Domain
import Fluent
import Vapor

/// The search form and its results: one view model for the signed-in page
/// and the tenant's public page.
struct SocialMapSearchPage: Encodable {
    struct Result: Encodable {
        let name: String
        let href: String
        let organization: String
        let summary: String
        let capacity: String
        let capacityClass: String
        let acceptsReferrals: Bool
        let openNow: Bool
        let domains: String
    }

    struct Query: Content {
        var q: String?
        var domain: String?
        var group: String?
        var area: String?
        var open_now: String?
        var offer: String?
        var page: String?
    }

    /// The search words stand alone; the filters sit in a row under them.
    struct Form: Encodable {
        let q: FormField
        let domain: FormField
        let group: FormField
        let area: FormField
        let offer: FormField
        let openNow: FormField
    }

    static let pageSize = 25

    let action: String
    let heading: String
    let form: Form
    let searched: Bool
    let countText: String
    let results: [Result]
    let isPublic: Bool
    /// On a published map: its HSDS base URL, for whoever builds on its data.
    let apiHref: String?
    let newHref: String?
    let manageHref: String?
    let pager: Pager

    /// Reads the query string; nonsense in a filter is ignored, a bad area is said.
    static func query(from raw: Query) -> (SocialMapQuery, areaInvalid: Bool) {
        var query = SocialMapQuery()
        query.text = String((raw.q ?? "").prefix(200))
        query.lifeDomain = raw.domain.flatMap(LifeDomain.init(rawValue:))
        query.targetGroup = raw.group.flatMap(TargetGroup.init(rawValue:))
        var invalid = false
        if let area = raw.area?.trimmingCharacters(in: .whitespaces), !area.isEmpty {
            query.area = AreaCode(area)
            invalid = query.area == nil
        }
        query.openNow = raw.open_now == "on"
        query.offers = raw.offer.flatMap(SocialMapFilter.OfferChoice.init(code:))
        return (query, invalid)
    }

    /// The page for the filters in `raw`, in the words of `language` (a
    /// request on the public map, where nobody is signed in).
    static func build(
        _ raw: Query, tenantID: UUID, action: String, heading: String, isPublic: Bool,
        link: @escaping (UUID) -> String, apiHref: String? = nil, newHref: String? = nil, manageHref: String? = nil,
        language: some Speaking, on db: any Database
    ) async throws -> SocialMapSearchPage {
        var (query, areaInvalid) = Self.query(from: raw)
        let number = min(max(1, raw.page.flatMap { Int($0) } ?? 1), 10_000)
        query.limit = pageSize
        query.offset = (number - 1) * pageSize
        let (summaries, total) = try await SocialMapSearch.page(query, tenantID: tenantID, on: db)
        let results = summaries.map { summary in
            Result(
                name: summary.name, href: link(summary.id), organization: summary.organizationName,
                summary: summary.description.count > 240 ? String(summary.description.prefix(240)) + "…" : summary.description,
                capacity: language.capacityText(summary.capacity, wait: summary.expectedWaitWeeks),
                capacityClass: summary.capacity.rawValue.replacingOccurrences(of: "_", with: "-"),
                acceptsReferrals: summary.acceptsReferrals, openNow: summary.openNow,
                domains: summary.lifeDomains.map(language.domainName).joined(separator: ", ")
            )
        }
        let searched = raw.q != nil || raw.domain != nil || raw.group != nil || raw.area != nil || raw.open_now != nil || raw.offer != nil
        return SocialMapSearchPage(
            action: action, heading: heading,
            form: Self.form(raw, openNow: query.openNow, areaInvalid: areaInvalid, in: language), searched: searched,
            countText: language.t(total == 1 ? "socialmap.found_one" : "socialmap.found_many", String(total)),
            results: results, isPublic: isPublic, apiHref: apiHref, newHref: newHref, manageHref: manageHref,
            pager: Pager(path: action, filters: [("q", raw.q), ("domain", raw.domain), ("group", raw.group), ("area", raw.area), ("offer", raw.offer), ("open_now", raw.open_now)],
                         page: number, hasMore: query.offset + pageSize < total)
        )
    }

    /// The search form as it was filled in; a bad area is said beside it.
    static func form(_ raw: Query, openNow: Bool, areaInvalid: Bool, in language: some Speaking) -> Form {
        let refused = areaInvalid ? [ValidationIssue(field: "area", messageKey: "validation.area_invalid")] : []
        var fields = FieldBuilder(language, errors: FormErrors(refused, localizer: language))
        let any = Option(value: "", label: language.t("socialmap.any"), selected: false)
        return Form(
            q: fields.field("q", .search, label: "socialmap.search_text", hint: "socialmap.search_text_hint", value: raw.q, maxLength: 200),
            domain: fields.field("domain", .select, label: "socialmap.life_domain",
                                 options: [any] + language.domainOptions(selected: Set([raw.domain].compactMap { $0 }))),
            group: fields.field("group", .select, label: "socialmap.target_group",
                                options: [any] + language.groupOptions(selected: Set([raw.group].compactMap { $0 }))),
            area: fields.field("area", label: "socialmap.area_label", hint: "socialmap.area_hint", value: raw.area, maxLength: 20),
            offer: fields.field("offer", .select, label: "socialmap.offer", options: [
                Option(value: "", label: language.t("socialmap.offer_all"), selected: false),
                Option(value: "any", label: language.t("socialmap.offer_any"), selected: raw.offer == "any"),
            ] + OfferKind.allCases.map { Option(value: $0.rawValue, label: language.t("participation.kind.\($0.rawValue)"), selected: raw.offer == $0.rawValue) }),
            openNow: fields.field("open_now", .checkbox, label: "socialmap.open_now", checked: openNow)
        )
    }
}
