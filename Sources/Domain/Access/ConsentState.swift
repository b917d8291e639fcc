/// A consent as recorded, and whether it counts today. Terms once given are
/// immutable: a change is a new record, so only the status moves, and only
/// from given to withdrawn.
public enum ConsentStatus: String, CaseIterable, Codable, Sendable {
    case given, refused, withdrawn
}

public enum ConsentMethod: String, CaseIterable, Codable, Sendable {
    case signedOnPaper = "signed_on_paper"
    case verbal
    case portal
}

public enum EffectiveConsent: String, Equatable, Sendable {
    case active, notYetValid = "not_yet_valid", expired, withdrawn, refused
}

public enum ConsentRule {
    /// Valid from `validFrom` through `validTo`, both included (`DayRange`);
    /// expired consent behaves as withdrawn. Days come as `yyyy-MM-dd`, as stored.
    public static func effective(status: ConsentStatus, validFrom: String, validTo: String?, today: String) -> EffectiveConsent {
        switch status {
        case .refused: return .refused
        case .withdrawn: return .withdrawn
        case .given:
            guard let first = CivilDay(validFrom), let day = CivilDay(today) else { return .expired }
            if day < first { return .notYetValid }
            guard let range = DayRange(first: first, last: validTo.flatMap(CivilDay.init)), range.contains(day) else { return .expired }
            return .active
        }
    }

    public static func canWithdraw(_ status: ConsentStatus) -> Bool { status == .given }
}
