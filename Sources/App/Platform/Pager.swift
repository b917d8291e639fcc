import Foundation

/// Previous and next links of a list shown a page at a time (see
/// `partials/pager.leaf`); the links keep the list's filters.
struct Pager: Encodable {
    let previousHref: String?
    let nextHref: String?
    let paged: Bool

    init(path: String, filters: [(String, String?)], page: Int, hasMore: Bool) {
        let href = { (page: Int) in Self.link(path, filters + [("page", String(page))]) }
        previousHref = page > 1 ? href(page - 1) : nil
        nextHref = hasMore ? href(page + 1) : nil
        paged = page > 1 || hasMore
    }

    /// Paging by key: the links carry the key of the page's first row (back)
    /// and last row (on), so a page deep in a long list costs what the first does.
    init(path: String, filters: [(String, String?)] = [], before: String?, after: String?) {
        previousHref = before.map { Self.link(path, filters + [("before", $0)]) }
        nextHref = after.map { Self.link(path, filters + [("after", $0)]) }
        paged = before != nil || after != nil
    }

    /// `path` with the filters that have a value as its query, encoded.
    static func link(_ path: String, _ filters: [(String, String?)]) -> String {
        var components = URLComponents()
        components.path = path
        components.queryItems = filters.compactMap { name, value in value.map { URLQueryItem(name: name, value: $0) } }
        return components.string ?? path
    }
}
