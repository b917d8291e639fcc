import Foundation

/// Where a person may be sent back to after signing in: a path on this site
/// and nothing else. Whatever reaches a `Location` header passes here, so a
/// crafted `next` can neither add a header (CR, LF) nor leave the site
/// (`//host`, `/\host`, `/<TAB>/host`, which browsers read as `//host`).
public enum LocalRedirect {
    public static let maximumLength = 512

    /// `candidate` when it is a site-relative path, otherwise nil.
    public static func validated(_ candidate: String?) -> String? {
        guard let candidate, candidate.utf8.count <= maximumLength,
              candidate.unicodeScalars.allSatisfy(isVisible), startsLocally(candidate) else { return nil }
        // Once decoded (as a careless reader might), it must still stay here and add no line.
        if let decoded = candidate.removingPercentEncoding {
            let path = decoded.prefix { $0 != "?" && $0 != "#" }
            guard startsLocally(String(path)), path.unicodeScalars.allSatisfy(isVisible),
                  decoded.unicodeScalars.allSatisfy({ $0 == " " || isVisible($0) }) else { return nil }
        }
        guard let components = URLComponents(string: candidate), components.scheme == nil, components.host == nil,
              components.path.hasPrefix("/") else { return nil }
        return candidate
    }

    private static func startsLocally(_ path: String) -> Bool {
        path.hasPrefix("/") && !path.hasPrefix("//") && !path.contains("\\")
    }

    /// Neither a control, format nor whitespace character: nothing a header or a URL parser would bend.
    private static func isVisible(_ scalar: Unicode.Scalar) -> Bool {
        let category = scalar.properties.generalCategory
        return !scalar.properties.isWhitespace && category != .control && category != .format
            && category != .lineSeparator && category != .paragraphSeparator
    }
}
