import Foundation
import Vapor

/// The routes that take more than a form's body (uploads), with their
/// limits, as they register: the CSRF check reads a request's body before
/// routing, so it must read it within the route's own limit — not refuse a
/// 2 MB document with 413 because forms are small.
final class LargeBodies: @unchecked Sendable {
    static let shared = LargeBodies()

    private let lock = NSLock()
    private var limits: [String: Int] = [:]

    func register(_ pattern: String, max: Int) {
        lock.withLock { limits[pattern] = Swift.max(limits[pattern] ?? 0, max) }
    }

    /// The limit of the route `path` matches, if it registered one.
    func limit(for path: String) -> Int? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        return lock.withLock {
            limits.first { pattern, _ in Self.matches(pattern.split(separator: "/", omittingEmptySubsequences: true), parts) }?.value
        }
    }

    static func matches(_ pattern: [Substring], _ parts: [Substring]) -> Bool {
        pattern.count == parts.count && zip(pattern, parts).allSatisfy { $0.first == ":" || $0 == $1 }
    }
}
