/// A referral's status: the FHIR R4 Task statuses of the referral workflow.
public enum ReferralStatus: String, CaseIterable, Codable, Sendable {
    case draft, requested, accepted, rejected, cancelled
    case inProgress = "in-progress"
    case onHold = "on-hold"
    case completed, failed
    case enteredInError = "entered-in-error"

    /// The loop is closed: nothing more will happen.
    public var isFinal: Bool {
        [.rejected, .cancelled, .completed, .failed, .enteredInError].contains(self)
    }

    /// Waiting for the receiver's answer; the response deadline applies.
    public var awaitsResponse: Bool { self == .requested }

    /// The receiver is (or will be) working with the household.
    public var isOpenAtReceiver: Bool { [.requested, .accepted, .inProgress, .onHold].contains(self) }
}

/// Which side of a referral someone acts for.
public enum ReferralParty: String, Sendable {
    case requester, receiver
}

/// Why a referral ended the way it did.
public enum ReferralOutcome: String, CaseIterable, Codable, Sendable {
    case gotHelp = "got_help"
    case noCapacity = "no_capacity"
    case notEligible = "not_eligible"
    case couldNotContact = "could_not_contact"
    case noLongerInterested = "no_longer_interested"
    case referredElsewhere = "referred_elsewhere"
}
