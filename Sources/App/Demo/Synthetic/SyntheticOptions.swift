/// The arguments of `samenspel demo --residents N --seed S --history-months M`,
/// checked before anything is written.
struct SyntheticOptions: Equatable, Sendable {
    static let residentRange = 1...1_000_000
    /// Intakes reach back 40 months by default, so the monitor's 24 months
    /// begin with as many plans running as later; 12 gives a young municipality.
    static let historyRange = 1...40

    let residents: Int
    let seed: UInt64
    var historyMonths = 40

    init(residents: Int, seed: UInt64, historyMonths: Int = 40) {
        (self.residents, self.seed, self.historyMonths) = (residents, seed, historyMonths)
    }

    enum Problem: Error, Equatable, CustomStringConvertible {
        case residents(String)
        case seed(String)
        case history(String)
        case seedWithoutResidents

        var description: String {
            switch self {
            case .residents(let value):
                "--residents must be a whole number from \(SyntheticOptions.residentRange.lowerBound) to \(SyntheticOptions.residentRange.upperBound), not \"\(value)\"."
            case .seed(let value): "--seed must be a whole number from 0 to \(UInt64.max), not \"\(value)\"."
            case .history(let value):
                "--history-months must be a whole number from \(SyntheticOptions.historyRange.lowerBound) to \(SyntheticOptions.historyRange.upperBound), not \"\(value)\"."
            case .seedWithoutResidents: "--seed and --history-months only make sense with --residents N."
            }
        }
    }

    /// nil when no synthetic data is asked for.
    static func parse(residents: String?, seed: String?, historyMonths: String? = nil) -> Result<SyntheticOptions?, Problem> {
        guard let residents else { return seed == nil && historyMonths == nil ? .success(nil) : .failure(.seedWithoutResidents) }
        guard let count = Int(residents.trimmingCharacters(in: .whitespaces)), residentRange.contains(count) else {
            return .failure(.residents(residents))
        }
        let seedValue: UInt64
        if let seed {
            guard let parsed = UInt64(seed.trimmingCharacters(in: .whitespaces)) else { return .failure(.seed(seed)) }
            seedValue = parsed
        } else {
            seedValue = 1
        }
        var months = 40
        if let historyMonths {
            guard let parsed = Int(historyMonths.trimmingCharacters(in: .whitespaces)), historyRange.contains(parsed) else {
                return .failure(.history(historyMonths))
            }
            months = parsed
        }
        return .success(SyntheticOptions(residents: count, seed: seedValue, historyMonths: months))
    }
}
