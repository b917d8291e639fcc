import Vapor

/// What a save says on the page it leads to ("Doel toegevoegd"), announced to
/// screen readers. It travels as `?notice=` on the redirect: only these
/// names, each a localized text, so a link can show no words of its own.
enum Notice: String, CaseIterable {
    case householdRegistered = "household_registered", memberAdded = "member_added", representativeAdded = "representative_added"
    case teamMemberAdded = "team_member_added", teamMemberEnded = "team_member_ended", contactSet = "contact_set"
    case consentRecorded = "consent_recorded", consentWithdrawn = "consent_withdrawn"
    case goalAdded = "goal_added", goalSaved = "goal_saved", actionAdded = "action_added", actionSaved = "action_saved", actionDone = "action_done"
    case noteAdded = "note_added", reviewDateSaved = "review_date_saved", signatureRecorded = "signature_recorded"
    case planSigned = "plan_signed", planAlreadySigned = "plan_already_signed", commentAdded = "comment_added", assessmentSaved = "assessment_saved"
    case referralSent = "referral_sent", referralSaved = "referral_saved"
    case serviceSaved = "service_saved", providerSaved = "provider_saved", locationAdded = "location_added", locationRemoved = "location_removed"
    case userSaved = "user_saved", organizationSaved = "organization_saved", settingsSaved = "settings_saved", passwordChanged = "password_changed", languageSaved = "language_saved"
    case mailSaved = "mail_saved", holdPlaced = "hold_placed", holdLifted = "hold_lifted", retentionSaved = "retention_saved"
    case emergencyOpened = "emergency_opened", reviewSaved = "review_saved"
    case reportSent = "report_sent", contactSaved = "contact_saved"
    case agreementSaved = "agreement_saved", targetAdded = "target_added", targetRemoved = "target_removed"
    case noteSaved = "note_saved", storySaved = "story_saved"
    case indicatorsSaved = "indicators_saved"
    case messageSent = "message_sent", messageSaved = "message_saved", documentAdded = "document_added", documentDeleted = "document_deleted"
    case appointmentMade = "appointment_made", appointmentMoved = "appointment_moved", appointmentCancelled = "appointment_cancelled"
    case appointmentConfirmed = "appointment_confirmed", appointmentChangeAsked = "appointment_change_asked"
    case attemptSaved = "attempt_saved", caseClosed = "case_closed", coordinatorTold = "coordinator_told"
    case casesCombined = "cases_combined", casesKeptApart = "cases_kept_apart"
    case profileSaved = "profile_saved", profileWithdrawn = "profile_withdrawn", offerSaved = "offer_saved"
    case proposed, proposalWithdrawn = "proposal_withdrawn", candidateAccepted = "candidate_accepted", candidateDeclined = "candidate_declined"
    case placementStarted = "placement_started", checkInSaved = "check_in_saved", placementEnded = "placement_ended"

    var key: String { "notice.\(rawValue)" }
}

extension Request {
    /// A 303 to `path` that shows `notice` there; a `#fragment` stays last.
    func redirect(to path: String, notice: Notice) -> Response {
        let (base, fragment) = path.firstIndex(of: "#").map { (String(path[..<$0]), String(path[$0...])) } ?? (path, "")
        return redirect(to: base + (base.contains("?") ? "&" : "?") + "notice=" + notice.rawValue + fragment)
    }

    /// The notice this page was reached with, in the reader's language.
    var noticeText: String? {
        query[String.self, at: "notice"].flatMap(Notice.init(rawValue:)).map { t($0.key) }
    }
}
