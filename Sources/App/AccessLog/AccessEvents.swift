import Domain

/// Every event the platform writes to the access log, for the privacy
/// officer to choose from (`AccessEventWordsTests` holds this list to the
/// sources: an event logged anywhere is on it, and reads in words).
enum AccessEvents {
    static let known: Set<String> = Set([
        "account.password_changed", "account.password_set",
        "action.create", "action.created", "action.done", "action.report", "action.status", "action.view",
        "api_client.created", "api_client.revoked", "api_token.created", "api_token.issued", "api_token.revoked",
        "event_subscription.created", "event_subscription.ended", "outbox_event.replayed", "mail.retried",
        "erasure.erased", "erasure.refused", "legal_hold.placed", "legal_hold.lifted", "retention.erased", "retention.settings",
        "assessment.create", "assessment.created", "assessment.form", "assessment.read",
        "break_the_glass.coordinator_told", "break_the_glass.opened", "break_the_glass.reviewed",
        "consent.form", "consent.read", "consent.record", "consent.withdraw",
        "conversation.create", "conversation.created", "conversation.form", "conversation.read", "conversation.list",
        "message.create", "message.created", "message.edit", "message.edited",
        "document.create", "document.created", "document.delete", "document.deleted", "document.download", "document.form", "document.list", "document.read",
        "appointment.form", "appointment.create", "appointment.created", "appointment.read", "appointment.move", "appointment.moved",
        "appointment.cancel", "appointment.cancelled", "appointment.calendar", "appointment.confirmed", "appointment.change_requested", "appointment.list",
        "coordination.handover",
        "signal.received", "signal.repeated", "signal.batch", "signal_case.list", "signal_case.view", "signal_case.close", "signal_case.closed", "signal_case.intake", "signal_case.household",
        "signal_case.match", "signal_case.combined", "signal_case.kept_apart", "signal_case.erased",
        "outreach.attempt", "outreach.attempted", "signal_partners.saved",
        "participation_profile.view", "participation_profile.save", "participation_profile.saved", "participation_profile.withdraw", "participation_profile.matches",
        "participation_proposal.propose", "participation_proposal.proposed", "participation_proposal.withdraw", "participation_proposal.withdrawn",
        "participation_proposal.accepted", "participation_proposal.declined", "participation_candidate.view",
        "participation_profile.withdrawn",
        "placement.started", "placement.ended", "placement.check_in", "placement.end", "participation_placement.view", "participation_placement.list",
        "signal_upload.received", "signal_upload.view", "signal_upload.map", "signal_upload.checked", "signal_upload.import", "signal_upload.imported",
        "signal_upload.discard", "signal_upload.discarded", "signal_upload.download",
        "goal.create", "goal.created", "goal.form", "goal.update", "goal.updated", "goal.view",
        "household.create", "household.view",
        "intake.bsn_lookup",
        "involvement.add", "involvement.contact", "involvement.contact_set", "involvement.created", "involvement.end",
        "involvement.ended", "involvement.form", "involvement.widened",
        "login.failure", "login.locked", "login.password_accepted", "login.second_factor_failure", "login.success", "logout",
        "member.add", "member.added", "member.form",
        "monitor.export", "monitor.read",
        "note.create", "note.created", "note.form",
        "organization.create", "organization.update",
        "plan.compare", "plan.print", "plan.read", "plan.review_date", "plan.signed",
        "portal.action_create", "portal.action_done", "portal.activated", "portal.assessment_create", "portal.assessment_form",
        "portal.code_issued", "portal.comment", "portal.messages", "portal.message_create", "portal.message_read", "portal.message_reply",
        "portal.documents", "portal.document_create", "portal.document_download", "portal.document_delete",
        "portal.appointments", "portal.appointment_confirm", "portal.appointment_change", "portal.appointment_calendar", "portal.consent_give", "portal.consent_withdraw", "portal.export",
        "portal.plan_print", "portal.sign", "portal.view", "portal.who_looked",
        "referral.create", "referral.fhir", "referral.prepare", "referral.redirect", "referral.update", "referral.view",
        "representative.add", "representative.added", "representative.form",
        "resident.bsn_shown", "resident.contact_form", "resident.contact_saved", "resident.search",
        "second_factor.enrolled", "second_factor.failed",
        "socialmap.import", "socialmap.location.create", "socialmap.location.delete", "socialmap.provider.create",
        "socialmap.provider.update", "socialmap.publish", "socialmap.service.create", "socialmap.service.update", "socialmap.unpublish",
        "tenant.create", "tenant.deactivate", "tenant.reactivate", "tenant.settings",
        "user.deactivate", "user.invite", "user.reactivate", "user.reset", "user.reset_with_second_factor", "user.role_change", "user.update",
        "worklist.view",
    ])
    // Logged with a status in the name.
    .union(ReferralStatus.allCases.map { "referral.\($0.rawValue)" })
    .union(ConsentStatus.allCases.map { "consent.\($0.rawValue)" })
}

extension Speaking {
    /// The events to filter on, in words and in the order of those words, with `chosen` marked.
    /// Two events that read alike carry their code as well.
    func eventOptions(chosen: String?) -> [Option] {
        let events = AccessEvents.known.map { (event: $0, words: eventWords($0)) }
        let alike = Dictionary(grouping: events, by: \.words).filter { $0.value.count > 1 }
        return events.sorted { ($0.words, $0.event) < ($1.words, $1.event) }
            .map { Option(value: $0.event, label: alike[$0.words] == nil ? $0.words : "\($0.words) (\($0.event))", selected: $0.event == chosen) }
    }
}
