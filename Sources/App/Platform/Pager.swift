import Foundation

/// Previous and next links of a list shown a page at a time (see
/// `partials/pager.leaf`); the links keep the list's filters.
struct Pager: Encodable {
    let previousHref: String?
    let nextHref: String?
    let paged: Bool

    init(path: String, filters: [(String, String?)], page: Int, hasMore: Bool) {
        let href = { (page: Int) -> String in
            var components = URLComponents()
            components.path = path
            components.queryItems = filters.compactMap { name, value in value.map { URLQueryItem(name: name, value: $0) } }
                + [URLQueryItem(name: "page", value: String(page))]
            return components.string ?? path
        }
        previousHref = page > 1 ? href(page - 1) : nil
        nextHref = hasMore ? href(page + 1) : nil
        paged = page > 1 || hasMore
    }
}
