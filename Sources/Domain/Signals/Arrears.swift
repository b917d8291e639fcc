import Foundation

/// The six arrears the decree on municipal debt help lets a fixed-costs
/// partner report (Besluit gemeentelijke schuldhulpverlening, Stb. 2020, 240,
/// art. 2–5): rent, electricity, gas, heat, drinking water and the
/// health-insurance premium.
public enum ArrearsKind: String, CaseIterable, Codable, Sendable {
    case rent, electricity, gas, heat, water
    case healthInsurance = "health_insurance"
}

/// When a partner may send a signal of one kind of arrears: at least so many
/// months or so much money behind, and only after a written reminder went
/// unanswered. The tenant admin sets them per partner; `defaults` are the
/// sector covenants' (VNG and NVVK with Aedes, Energie-Nederland, Vewin and
/// Zorgverzekeraars Nederland): a signal after at least one month's arrears
/// and at least one reminder, whatever the amount.
public struct SignalConditions: Equatable, Codable, Sendable {
    public var minimumMonths: Int
    /// In euro cents; zero for no minimum amount.
    public var minimumAmountCents: Int
    public var reminderRequired: Bool

    public init(minimumMonths: Int, minimumAmountCents: Int, reminderRequired: Bool) {
        (self.minimumMonths, self.minimumAmountCents, self.reminderRequired) = (minimumMonths, minimumAmountCents, reminderRequired)
    }

    public static let defaults = SignalConditions(minimumMonths: 1, minimumAmountCents: 0, reminderRequired: true)

    /// Why a signal does not meet these conditions, if it does not.
    public func refusal(months: Int, amountCents: Int, reminderSent: Bool) -> SignalProblem? {
        if months < minimumMonths { return .belowMinimumMonths }
        if amountCents < minimumAmountCents { return .belowMinimumAmount }
        if reminderRequired, !reminderSent { return .noReminder }
        return nil
    }
}
