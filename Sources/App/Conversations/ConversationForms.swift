import Domain
import Vapor

struct ConversationForm: Content {
    var domain: String?
    var subject: String?
    var with_resident: String?
    var text: String?
}

struct ReplyForm: Content {
    var text: String?
}

struct MessageEditForm: Content {
    var text: String?
    var version: Int?
}

extension Conversations {
    /// A new conversation's fields checked, against the domains the writer
    /// may start one in; every problem named by its field.
    static func opening(_ form: ConversationForm, domains: [LifeDomain], withResident: Bool) -> (Opening?, [ValidationIssue]) {
        var validator = FormValidator()
        let domain = form.domain.flatMap(LifeDomain.init(rawValue:)).flatMap { domains.contains($0) ? $0 : nil }
        if domain == nil { validator.add("conversation_domain", "validation.choose_option") }
        let subject = validator.text("conversation_subject", form.subject, maxLength: ConversationLimits.subject)
        let text = validator.text("conversation_text", form.text, maxLength: ConversationLimits.message, allowLineBreaks: true)
        guard validator.isValid, let domain, let subject, let text else { return (nil, validator.issues) }
        return (Opening(domain: domain, subject: subject, withResident: withResident, text: text), [])
    }

    /// A message's text checked under `field`.
    static func messageText(_ raw: String?, field: String) -> (String?, [ValidationIssue]) {
        var validator = FormValidator()
        let text = validator.text(field, raw, maxLength: ConversationLimits.message, allowLineBreaks: true)
        return (text, validator.issues)
    }
}
