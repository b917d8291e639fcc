import Foundation

/// What a column of a partner's file may hold: the fields of a signal, with
/// the house number apart, as most administrations keep it.
public enum SignalField: String, CaseIterable, Codable, Sendable {
    case reference, kind, amount, months
    case signalledOn = "signalled_on", reminderSent = "reminder_sent"
    case givenName = "given_name", familyName = "family_name", birthDate = "birth_date"
    case street
    case houseNumber = "house_number"
    case postcode, city, phone, email, bsn

    /// A file cannot be read without these; the kind and the reminder may
    /// instead be said once for the whole file.
    public var isRequired: Bool {
        switch self {
        case .reference, .amount, .months, .signalledOn, .givenName, .familyName, .street, .postcode, .city: true
        default: false
        }
    }

    /// Header names partners use for it, normalised (lower case, letters and digits only).
    var headerNames: [String] {
        switch self {
        case .reference: ["reference", "referentie", "kenmerk", "dossiernummer", "klantnummer", "id"]
        case .kind: ["kind", "soort", "soortachterstand", "type", "achterstand", "product"]
        case .amount: ["amount", "bedrag", "achterstandbedrag", "openstaandbedrag", "bedragachterstand", "saldo"]
        case .months: ["months", "maanden", "aantalmaanden", "maandenachterstand", "achterstandmaanden"]
        case .signalledOn: ["signalledon", "datum", "signaaldatum", "datumsignaal", "date"]
        case .reminderSent: ["remindersent", "aanmaning", "aanmaningverstuurd", "herinnering", "herinneringverstuurd"]
        case .givenName: ["givenname", "voornaam", "voornamen", "voorletters", "firstname"]
        case .familyName: ["familyname", "achternaam", "geslachtsnaam", "naam", "lastname", "surname"]
        case .birthDate: ["birthdate", "geboortedatum", "dateofbirth"]
        case .street: ["street", "straat", "straatnaam", "adres"]
        case .houseNumber: ["housenumber", "huisnummer", "nummer", "huisnr"]
        case .postcode: ["postcode", "postalcode", "zipcode"]
        case .city: ["city", "plaats", "woonplaats", "gemeente"]
        case .phone: ["phone", "telefoon", "telefoonnummer", "telnr"]
        case .email: ["email", "emailadres", "mail"]
        case .bsn: ["bsn", "burgerservicenummer"]
        }
    }
}

/// Which column holds which field, saved per partner so the next file of
/// the same system needs no choices. The kind and the reminder can be said
/// once for a file that does not carry them per row.
public struct ColumnMapping: Codable, Equatable, Sendable {
    /// Field (raw value) → header of the column.
    public var columns: [String: String]
    public var kindForAll: ArrearsKind?
    public var reminderForAll: Bool

    public init(columns: [SignalField: String] = [:], kindForAll: ArrearsKind? = nil, reminderForAll: Bool = false) {
        self.columns = Dictionary(uniqueKeysWithValues: columns.map { ($0.key.rawValue, $0.value) })
        (self.kindForAll, self.reminderForAll) = (kindForAll, reminderForAll)
    }

    public subscript(field: SignalField) -> String? {
        get { columns[field.rawValue] }
        set { columns[field.rawValue] = newValue }
    }

    /// A first mapping from the headers' names alone.
    public static func guess(headers: [String]) -> ColumnMapping {
        var mapping = ColumnMapping()
        let normalised = headers.map { (header: $0, name: SignalMatch.Key.normalise($0)) }
        for field in SignalField.allCases {
            mapping[field] = normalised.first { field.headerNames.contains($0.name) }?.header
        }
        return mapping
    }

    /// The same mapping, keeping only headers this file has.
    public func restricted(to headers: [String]) -> ColumnMapping {
        var kept = self
        kept.columns = columns.filter { headers.contains($0.value) }
        return kept
    }

    /// What must still be chosen before the file can be checked.
    public func missing() -> [SignalField] {
        SignalField.allCases.filter { field in
            switch field {
            case .kind: self[.kind] == nil && kindForAll == nil
            default: field.isRequired && self[field] == nil
            }
        }
    }
}

/// A problem of one row of a file: its row number as a spreadsheet shows it
/// (the header is row 1), the column's header, and for a repeated row the
/// row it repeats. Values are never repeated in a report: it names nobody.
public struct FileProblem: Equatable, Sendable, Codable {
    public let row: Int
    public let column: String?
    public let problem: SignalProblem
    public let otherRow: Int?

    public init(row: Int, column: String?, problem: SignalProblem, otherRow: Int? = nil) {
        (self.row, self.column, self.problem, self.otherRow) = (row, column, problem, otherRow)
    }
}

/// Checks a file row by row, in order: each row read through the mapping
/// and `SignalCheck`, a row with the reference of an earlier one refused as
/// a repeat, and a BSN required on every row once the file has a BSN column.
public struct SignalFileCheck: Sendable {
    public let header: [String]
    public let mapping: ColumnMapping
    public let allowed: [ArrearsKind: SignalConditions]
    public let today: CivilDay
    public private(set) var problems: [FileProblem] = []
    public private(set) var validRows = 0
    public private(set) var refusedRows = 0
    private var seen: [String: Int] = [:]
    private let index: [SignalField: Int]

    public init(header: [String], mapping: ColumnMapping, allowed: [ArrearsKind: SignalConditions], today: CivilDay) {
        (self.header, self.mapping, self.allowed, self.today) = (header, mapping, allowed, today)
        var index: [SignalField: Int] = [:]
        for field in SignalField.allCases { if let name = mapping[field], let position = header.firstIndex(of: name) { index[field] = position } }
        self.index = index
    }

    /// The facts of the row numbered `row`, or nil with its problems recorded.
    public mutating func check(_ values: [String], row: Int) -> SignalFacts? {
        let index = self.index
        let value = { (field: SignalField) -> String? in
            guard let position = index[field], position < values.count else { return nil }
            let text = values[position].trimmingCharacters(in: .whitespaces)
            return text.isEmpty ? nil : text
        }
        var found: [FileProblem] = []
        let reminder: Bool? = value(.reminderSent).map { Self.yesNo($0) } ?? mapping.reminderForAll
        if index[.reminderSent] != nil, value(.reminderSent) != nil, reminder == nil {
            found.append(.init(row: row, column: mapping[.reminderSent], problem: .invalidReminder))
        }
        let street = [value(.street), value(.houseNumber)].compactMap { $0 }.joined(separator: " ")
        let submission = SignalSubmission(
            reference: value(.reference), kind: value(.kind).map(Self.kindName) ?? mapping.kindForAll?.rawValue, amount: value(.amount),
            months: value(.months), signalledOn: value(.signalledOn), reminderSent: reminder ?? false, givenName: value(.givenName),
            familyName: value(.familyName), birthDate: value(.birthDate), street: street.isEmpty ? nil : street, postcode: value(.postcode),
            city: value(.city), phone: value(.phone), email: value(.email), bsn: value(.bsn))
        let (facts, problems) = SignalCheck.check(submission, allowed: allowed, today: today)
        // An unreadable reminder is that problem, not also "no reminder sent".
        found += problems.filter { found.isEmpty || $0.problem != .noReminder }
            .map { FileProblem(row: row, column: column(for: $0.field), problem: $0.problem) }
        if index[.bsn] != nil, value(.bsn) == nil { found.append(.init(row: row, column: mapping[.bsn], problem: .missingBSN)) }
        if let reference = submission.reference {
            if let earlier = seen[reference] {
                found.append(.init(row: row, column: mapping[.reference], problem: .repeatsRow, otherRow: earlier))
            } else {
                seen[reference] = row
            }
        }
        guard found.isEmpty, let facts else {
            refuse(found)
            return nil
        }
        validRows += 1
        return facts
    }

    private mutating func refuse(_ found: [FileProblem]) {
        refusedRows += 1
        problems += found
    }

    /// The header of the column `SignalCheck`'s field came from.
    private func column(for checkField: String) -> String? {
        switch checkField {
        case "signalledOn": mapping[.signalledOn]
        case "birthDate": mapping[.birthDate]
        case "familyName": mapping[.familyName] ?? mapping[.givenName]
        case "street": mapping[.street] ?? mapping[.city]
        case "kind": mapping[.kind]
        default: SignalField(rawValue: checkField).flatMap { mapping[$0] }
        }
    }

    /// "ja", "nee", "yes", "1", "x" … as a yes or no; nil when it is neither.
    static func yesNo(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "ja", "j", "yes", "y", "true", "waar", "1", "x": true
        case "nee", "n", "no", "false", "onwaar", "0", "-": false
        default: nil
        }
    }

    /// The kind as partners' files name it ("huur", "Zorgpremie") as the API's value.
    static func kindName(_ text: String) -> String {
        switch SignalMatch.Key.normalise(text) {
        case "huur", "huurachterstand": ArrearsKind.rent.rawValue
        case "elektriciteit", "stroom", "energie": ArrearsKind.electricity.rawValue
        case "warmte", "stadsverwarming": ArrearsKind.heat.rawValue
        case "drinkwater": ArrearsKind.water.rawValue
        case "zorgverzekering", "zorgpremie", "premie", "healthinsurance": ArrearsKind.healthInsurance.rawValue
        default: text
        }
    }
}
