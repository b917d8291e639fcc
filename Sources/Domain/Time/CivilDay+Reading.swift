/// A day as a person typed it: from the date picker (`2026-12-03`) or the
/// Dutch way (`3-12-2026`, `03/12/2026`, `3.12.2026`). A well-formed date that
/// does not exist (`1980-02-31`) is told apart from one that is not a date.
public enum DayReading: Equatable, Sendable {
    case day(CivilDay)
    case malformed
    case nonexistent

    public init(_ typed: String) {
        let text = typed.trimmingCharacters(in: .whitespaces)
        let parts = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." })
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let separator = text.first(where: { !$0.isNumber }), text.filter({ $0 == separator }).count == 2 else { self = .malformed; return }
        let numbers = parts.compactMap { Int($0) }
        let (year, month, day): (Int, Int, Int)
        if parts[0].count == 4, separator == "-", parts[1].count == 2, parts[2].count == 2 {
            (year, month, day) = (numbers[0], numbers[1], numbers[2])
        } else if parts[2].count == 4, parts[0].count <= 2, parts[1].count <= 2 {
            (year, month, day) = (numbers[2], numbers[1], numbers[0])
        } else {
            self = .malformed; return
        }
        self = CivilDay(year: year, month: month, day: day).map(DayReading.day) ?? .nonexistent
    }

    public var day: CivilDay? { if case .day(let day) = self { day } else { nil } }
}

extension FormValidator {
    /// The day typed in `field` (nil when empty and not required, or wrong),
    /// with "not a date" and "that date does not exist" told apart.
    public mutating func day(_ field: String, _ typed: String?, required: Bool = true) -> CivilDay? {
        let text = (typed ?? "").trimmingCharacters(in: .whitespaces)
        if text.isEmpty {
            if required { add(field, "validation.required") }
            return nil
        }
        switch DayReading(text) {
        case .day(let day): return day
        case .malformed: add(field, "validation.date_invalid")
        case .nonexistent: add(field, "validation.date_nonexistent")
        }
        return nil
    }
}
