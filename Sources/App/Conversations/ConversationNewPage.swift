import Domain
import Vapor

/// Starting a conversation around a household, on its own page.
enum ConversationNewPage {
    static func build(_ opened: ResidentAccess.Opened, typed: ConversationForm = .init(), errors: FormErrors = .none, in context: Context) throws -> FormPage {
        let id = opened.householdID
        var fields = FieldBuilder(context, errors: errors)
        let parts: [FormPart] = [
            .field(fields.field("conversation_domain", name: "domain", .select, label: "goal.domain", hint: "conversation.domain_hint",
                                options: context.domainOptions(ConversationController.domains(opened), chosen: Set([typed.domain].compactMap { $0 })),
                                choose: true)),
            .field(fields.field("conversation_subject", name: "subject", label: "conversation.subject", value: typed.subject,
                                maxLength: ConversationLimits.subject)),
            .field(fields.field("conversation_text", name: "text", .textarea, label: "conversation.text", value: typed.text,
                                maxLength: ConversationLimits.message, rows: 6)),
            .field(fields.field("conversation_with_resident", name: "with_resident", .checkbox, label: "conversation.include_resident",
                                hint: "conversation.include_resident_hint", checked: typed.with_resident == "on")),
        ]
        return FormPage(
            title: context.t("conversation.new"), lead: context.t("household.form_lead", opened.household.name),
            form: .init(action: SiteRoute.conversations.path(id), parts: parts, submit: context.t("conversation.send"),
                        cancelHref: SiteRoute.household.path(id) + "#conversations-title"),
            errors: fields.namedErrors
        )
    }
}

/// Changing one's own message; the earlier text is kept and shown.
enum MessageEditPage {
    static func build(_ opened: ResidentAccess.Opened, _ conversation: Conversation, _ message: Message, typed: MessageEditForm,
                      errors: FormErrors = .none, in context: Context) throws -> FormPage {
        let (householdID, conversationID) = (opened.householdID, try conversation.requireID())
        var fields = FieldBuilder(context, errors: errors)
        let parts: [FormPart] = [
            .field(fields.field("message_text", name: "text", .textarea, label: "conversation.text", hint: "conversation.edit_hint",
                                value: typed.text, maxLength: ConversationLimits.message, rows: 6)),
        ]
        return FormPage(
            title: context.t("conversation.edit"), lead: context.t("household.form_lead", opened.household.name),
            form: .init(action: SiteRoute.messageEdit.path(householdID, conversationID, try message.requireID()), parts: parts,
                        submit: context.t("form.save"), cancelHref: SiteRoute.conversation.path(householdID, conversationID),
                        hidden: [.init(name: "version", value: String(typed.version ?? message.version))]),
            errors: fields.namedErrors
        )
    }
}
