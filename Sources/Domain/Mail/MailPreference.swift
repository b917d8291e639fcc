/// How a person wants to hear by e-mail that something waits in Samenspel.
public enum MailPreference: String, CaseIterable, Codable, Sendable {
    case immediately, daily, never

    /// Nobody chose yet: a mail when something arrives.
    public static let standard = MailPreference.immediately
}

/// What an e-mail says. It says *that* something waits and where, never
/// whose or what: no resident's name, no life domain, no text anyone wrote.
public enum MailKind: String, CaseIterable, Codable, Sendable {
    case referralReceived = "referral-received"
    case referralAnswered = "referral-answered"
    case referralOverdue = "referral-overdue"
    case planReviewDue = "plan-review-due"
    case reassessmentDue = "reassessment-due"
    case messageWaiting = "message-waiting"
    case appointmentTomorrow = "appointment-tomorrow"
    case outreachOverdue = "outreach-overdue"
    case waiting
    case digest

    /// The mail for an in-app notification with `key`.
    public static func forNotification(_ key: String) -> MailKind {
        switch key {
        case "notification.referral.overdue": .referralOverdue
        case "notification.plan_review_due": .planReviewDue
        case "notification.reassessment_due": .reassessmentDue
        case "notification.message_waiting": .messageWaiting
        case "notification.appointment_tomorrow": .appointmentTomorrow
        case let key where key.hasPrefix("notification.referral."): .referralAnswered
        default: .waiting
        }
    }
}
