import Foundation
import Leaf
import Vapor

/// The two languages of Samenspel: Dutch first, English second.
public enum AppLocale: String, CaseIterable, Codable, Sendable {
    case nl, en

    /// Picks the first supported language from an Accept-Language header, by q-value.
    static func preferred(acceptLanguage header: String?) -> AppLocale? {
        guard let header else { return nil }
        let ranked = header.split(separator: ",").compactMap { part -> (AppLocale, Double)? in
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = pieces.first?.lowercased(),
                  let locale = AppLocale(rawValue: String(tag.prefix(2))) else { return nil }
            let q = pieces.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            return (locale, q)
        }
        return ranked.filter { $0.1 > 0 }.max { $0.1 < $1.1 }?.0
    }
}

/// Every user-facing string, from Resources/Localization/{nl,en}.json.
public struct Localizer: Sendable {
    let tables: [AppLocale: [String: String]]
    /// In tests a missing key shows as `⟦key⟧`, which the test client reports;
    /// in use it falls back quietly (see `text`).
    var marksMissingKeys = false

    public static func load(from directory: String) throws -> Localizer {
        var tables: [AppLocale: [String: String]] = [:]
        for locale in AppLocale.allCases {
            let path = "\(directory)/\(locale.rawValue).json"
            guard let data = FileManager.default.contents(atPath: path) else {
                throw LocalizationError(file: path, problem: "missing")
            }
            do {
                tables[locale] = try JSONDecoder().decode([String: String].self, from: data)
            } catch {
                throw LocalizationError(file: path, problem: "not a flat JSON object of strings")
            }
        }
        return Localizer(tables: tables)
    }

    /// The text for `key`, with `{0}`, `{1}`… replaced by `arguments`. A key
    /// missing from a table falls back to Dutch, then to the key itself.
    public func text(_ key: String, _ locale: AppLocale, _ arguments: [String] = []) -> String {
        let text = tables[locale]?[key] ?? tables[.nl]?[key] ?? (marksMissingKeys ? "⟦\(key)⟧" : key)
        return arguments.isEmpty ? text : Self.fill(text, arguments)
    }

    public func has(_ key: String) -> Bool { tables[.nl]?[key] != nil }

    /// `{0}`, `{1}`… replaced in one pass, so an argument that itself
    /// contains `{1}` stays as typed; a placeholder without an argument stays.
    static func fill(_ template: String, _ arguments: [String]) -> String {
        var out = "", rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            let digits = rest[rest.index(after: open)...].prefix { $0.isASCII && $0.isNumber }
            if !digits.isEmpty, digits.endIndex < rest.endIndex, rest[digits.endIndex] == "}", let index = Int(digits), arguments.indices.contains(index) {
                out += arguments[index]
                rest = rest[rest.index(after: digits.endIndex)...]
            } else {
                out.append("{")
                rest = rest[rest.index(after: open)...]
            }
        }
        return out + rest
    }

    public struct LocalizationError: Error, CustomStringConvertible {
        let file: String
        let problem: String
        public var description: String { "\(file): \(problem)" }
    }
}

extension Application {
    private struct LocalizerKey: StorageKey { typealias Value = Localizer }
    var localizer: Localizer {
        get { storage[LocalizerKey.self]! }
        set { storage[LocalizerKey.self] = newValue }
    }
}

extension Request {
    private struct LocaleKey: StorageKey { typealias Value = AppLocale }

    /// The language of this request; see `LocaleMiddleware`.
    var locale: AppLocale {
        get { storage[LocaleKey.self] ?? AppLocale.preferred(acceptLanguage: headers.first(name: .acceptLanguage)) ?? .nl }
        set { storage[LocaleKey.self] = newValue }
    }

    var localizer: Localizer { application.localizer }
}

/// Anything that speaks to a person in their language: a request, a `Context`.
protocol Speaking {
    var locale: AppLocale { get }
    var localizer: Localizer { get }
}

extension Speaking {
    func t(_ key: String, _ arguments: String...) -> String {
        localizer.text(key, locale, arguments)
    }
}

extension Request: Speaking {}

/// `#t("key")` or `#t("key", arg0, …)` in templates; output is escaped like any other.
struct TranslateTag: LeafTag {
    let localizer: Localizer

    func render(_ ctx: LeafContext) throws -> LeafData {
        guard let key = ctx.parameters.first?.string else { return .string("") }
        let locale = ctx.request?.locale ?? .nl
        let arguments = ctx.parameters.dropFirst().map { $0.string ?? "" }
        return .string(localizer.text(key, locale, Array(arguments)))
    }
}
