/// The arguments of `samenspel demo --residents N --seed S`, checked before
/// anything is written.
struct SyntheticOptions: Equatable, Sendable {
    static let residentRange = 1...1_000_000

    let residents: Int
    let seed: UInt64

    enum Problem: Error, Equatable, CustomStringConvertible {
        case residents(String)
        case seed(String)
        case seedWithoutResidents

        var description: String {
            switch self {
            case .residents(let value):
                "--residents must be a whole number from \(SyntheticOptions.residentRange.lowerBound) to \(SyntheticOptions.residentRange.upperBound), not \"\(value)\"."
            case .seed(let value): "--seed must be a whole number from 0 to \(UInt64.max), not \"\(value)\"."
            case .seedWithoutResidents: "--seed only makes sense with --residents N."
            }
        }
    }

    /// nil when no synthetic data is asked for.
    static func parse(residents: String?, seed: String?) -> Result<SyntheticOptions?, Problem> {
        guard let residents else { return seed == nil ? .success(nil) : .failure(.seedWithoutResidents) }
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
        return .success(SyntheticOptions(residents: count, seed: seedValue))
    }
}
