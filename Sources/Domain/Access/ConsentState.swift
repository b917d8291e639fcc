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
    /// Days are yyyy-MM-dd strings, which order like the dates they name.
    /// Valid through `validTo` inclusive; expired consent behaves as withdrawn.
    public static func effective(status: ConsentStatus, validFrom: String, validTo: String?, today: String) -> EffectiveConsent {
        switch status {
        case .refused: return .refused
        case .withdrawn: return .withdrawn
        case .given:
            if today < validFrom { return .notYetValid }
            if let validTo, today > validTo { return .expired }
            return .active
        }
    }

    public static func canWithdraw(_ status: ConsentStatus) -> Bool { status == .given }
}
