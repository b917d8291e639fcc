/// Who may move a referral from which status to which (the FHIR Task
/// referral workflow). One table, so the pages, the API and the tests all
/// read the same rule.
public enum ReferralWorkflow {
    public enum Refusal: Equatable, Sendable {
        /// No such step exists from this status.
        case notAllowed(from: ReferralStatus, to: ReferralStatus)
        /// The step exists, but the other side takes it.
        case wrongParty(ReferralParty)
        /// Ending a referral needs an outcome reason.
        case outcomeRequired
    }

    private static let steps: [ReferralStatus: [ReferralStatus: Set<ReferralParty>]] = [
        .draft: [.requested: [.requester], .cancelled: [.requester], .enteredInError: [.requester]],
        .requested: [.accepted: [.receiver], .rejected: [.receiver], .cancelled: [.requester], .enteredInError: [.requester]],
        .accepted: [.inProgress: [.receiver], .onHold: [.receiver], .completed: [.receiver], .failed: [.receiver],
                    .cancelled: [.requester, .receiver], .enteredInError: [.requester]],
        .inProgress: [.onHold: [.receiver], .completed: [.receiver], .failed: [.receiver],
                      .cancelled: [.requester, .receiver], .enteredInError: [.requester]],
        .onHold: [.inProgress: [.receiver], .cancelled: [.requester, .receiver], .enteredInError: [.requester]],
        .rejected: [.enteredInError: [.requester]],
        .cancelled: [.enteredInError: [.requester]],
        .completed: [.enteredInError: [.requester]],
        .failed: [.enteredInError: [.requester]],
    ]

    /// Statuses that close the loop and must say how it ended.
    public static let needsOutcome: Set<ReferralStatus> = [.rejected, .completed, .failed]
    /// Steps that end the referral for good, or say it should not exist: asked to confirm first.
    public static let needsConfirmation: Set<ReferralStatus> = [.cancelled, .rejected, .enteredInError]

    public static func check(from: ReferralStatus, to: ReferralStatus, by party: ReferralParty, outcome: ReferralOutcome?) -> Refusal? {
        guard let parties = steps[from]?[to] else { return .notAllowed(from: from, to: to) }
        guard parties.contains(party) else { return .wrongParty(party) }
        if needsOutcome.contains(to), outcome == nil { return .outcomeRequired }
        return nil
    }

    /// The steps `party` may take now, for the buttons on the page.
    public static func next(from: ReferralStatus, for party: ReferralParty) -> [ReferralStatus] {
        ReferralStatus.allCases.filter { steps[from]?[$0]?.contains(party) == true }
    }
}
