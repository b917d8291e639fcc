import Foundation

/// A one-line progress bar on standard error (standard output stays clean
/// for what commands print), redrawn at most a few times a second.
final class ProgressBar: @unchecked Sendable {
    private let total: Int
    private let label: String
    private let started = Date()
    private var lastDraw = Date.distantPast
    private let enabled: Bool

    init(total: Int, label: String, enabled: Bool = true) {
        self.total = max(total, 1)
        self.label = label
        self.enabled = enabled
    }

    func update(done: Int, rows: Int, force: Bool = false) {
        guard enabled else { return }
        let now = Date()
        guard force || now.timeIntervalSince(lastDraw) > 0.25 else { return }
        lastDraw = now
        let fraction = min(Double(done) / Double(total), 1)
        let width = 30
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        let rate = Self.rate(rows: rows, seconds: now.timeIntervalSince(started))
        FileHandle.standardError.write(Data("\r[\(bar)] \(Int(fraction * 100))% \(done)/\(total) \(label), \(rate) rows/s ".utf8))
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\n".utf8))
    }

    static func rate(rows: Int, seconds: Double) -> Int { seconds > 0 ? Int(Double(rows) / seconds) : 0 }
}
