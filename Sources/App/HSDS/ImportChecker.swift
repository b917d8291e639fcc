import Domain
import Foundation

/// Collects the issues of an import row by row: ids (present, well-formed,
/// not used twice in the package) and text fields.
struct ImportChecker {
    private(set) var issues: [ImportReport.Issue] = []
    /// Every id in the package and the row that used it first.
    private(set) var seen: [UUID: String] = [:]
    /// Ids per table, with their rows, for the check against other tenants.
    private(set) var byTable: [String: [(UUID, String)]] = [:]

    mutating func issue(_ row: String, _ id: String?, _ key: String, _ argument: String = "") {
        issues.append(ImportReport.Issue(row: row, id: id, messageKey: key, argument: argument))
    }

    mutating func id(_ raw: String?, row: String, table: String) -> UUID? {
        guard let raw = raw?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else {
            issue(row, nil, "import.issue.missing_field", "id")
            return nil
        }
        guard let id = UUID(uuidString: raw) else {
            issue(row, String(raw.prefix(40)), "import.issue.invalid_id")
            return nil
        }
        if let first = seen[id] {
            issue(row, raw, "import.issue.duplicate_id", first)
            return nil
        }
        seen[id] = row
        byTable[table, default: []].append((id, row))
        return id
    }

    /// A trimmed text: required or not, at most `maxLength`, no control characters (line breaks only where allowed).
    mutating func text(_ raw: String?, row: String, id: UUID?, field: String, required: Bool = false, maxLength: Int = 200, lines: Bool = false) -> String? {
        let trimmed = (raw ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty {
            if required { issue(row, id?.uuidString.lowercased(), "import.issue.missing_field", field) }
            return nil
        }
        if trimmed.count > maxLength {
            issue(row, id?.uuidString.lowercased(), "import.issue.too_long", field)
            return nil
        }
        let allowed: Set<Unicode.Scalar> = lines ? ["\n", "\r", "\t"] : []
        if trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && !allowed.contains($0) }) {
            issue(row, id?.uuidString.lowercased(), "import.issue.invalid_value", field)
            return nil
        }
        return trimmed
    }

    /// A value checked by `valid`; an invalid one is an issue naming the field.
    mutating func checked(_ raw: String?, row: String, id: UUID?, field: String, maxLength: Int = 300, _ valid: (String) -> Bool) -> String? {
        guard let text = text(raw, row: row, id: id, field: field, maxLength: maxLength) else { return nil }
        guard valid(text) else {
            issue(row, id?.uuidString.lowercased(), "import.issue.invalid_value", field)
            return nil
        }
        return text
    }

    mutating func phones(_ phones: [HSDS.Phone]?, row: String) -> [ImportPlan.Phone] {
        (phones ?? []).enumerated().compactMap { index, phone in
            let here = "\(row).phones[\(index)]"
            guard let id = self.id(phone.id, row: here, table: MapPhone.schema) else { return nil }
            guard let number = text(phone.number, row: here, id: id, field: "number", required: true, maxLength: 30) else { return nil }
            guard ContactDetails.isPhone(number) else { issue(here, id.uuidString.lowercased(), "import.issue.invalid_value", "number"); return nil }
            return ImportPlan.Phone(id: id, number: number, description: text(phone.description, row: here, id: id, field: "description") ?? "")
        }
    }

    mutating func schedules(_ schedules: [HSDS.Schedule]?, row: String) -> [ImportPlan.Schedule] {
        var result: [ImportPlan.Schedule] = []
        for (index, schedule) in (schedules ?? []).enumerated() {
            let here = "\(row).schedules[\(index)]"
            guard let id = self.id(schedule.id, row: here, table: MapSchedule.schema) else { continue }
            let label = id.uuidString.lowercased()
            if let freq = schedule.freq, freq.uppercased() != "WEEKLY" { issue(here, label, "import.issue.invalid_value", "freq"); continue }
            let days = (schedule.byday ?? "").split(separator: ",").map { Weekday(rawValue: $0.trimmingCharacters(in: .whitespaces).uppercased()) }
            guard !days.isEmpty, days.allSatisfy({ $0 != nil }) else { issue(here, label, "import.issue.invalid_value", "byday"); continue }
            guard let opens = schedule.opens_at.flatMap(WeeklyOpening.minutes) else { issue(here, label, "import.issue.invalid_value", "opens_at"); continue }
            guard let closes = schedule.closes_at.flatMap(WeeklyOpening.minutes), closes > opens else { issue(here, label, "import.issue.invalid_value", "closes_at"); continue }
            let description = text(schedule.description, row: here, id: id, field: "description") ?? ""
            // One row per day; the first day keeps the schedule's id.
            for (position, day) in days.compactMap({ $0 }).enumerated() {
                let rowID = position == 0 ? id : StableID.make("schedule", id.uuidString, day.rawValue)
                result.append(ImportPlan.Schedule(id: rowID, opening: WeeklyOpening(weekday: day, opensAt: opens, closesAt: closes), description: description))
            }
        }
        return result
    }
}
