import Fluent
import Foundation
import Testing
@testable import App

/// Every model lists its properties by hand, because FluentKit would find
/// them by reflection on every query and every row, its costliest step. A
/// property missing from the list would silently never be read or written;
/// these tests compare each list with what reflection finds.
@Suite("Models list their properties by hand")
struct ModelPropertyListTests {
    static let models: [any Model.Type] = [
        AccessLogEntry.self, AccessLogHead.self, AccountLink.self, ApiClient.self, ApiToken.self, Assessment.self,
        AssessmentScore.self, BreakTheGlassOpening.self, Consent.self, Appointment.self, AppointmentAttendee.self, Conversation.self, ConversationParticipant.self, Document.self, OutreachAttempt.self, Signal.self, SignalCase.self, SignalPartner.self, SignalUpload.self, SignalSettings.self, SignalColumnMapping.self, ParticipationProfile.self, ParticipationProfileRevision.self, ParticipationOffer.self, ParticipationOfferPlaces.self, PostcodeArea.self, ParticipationProposal.self, ParticipationPlacement.self, ParticipationCheckIn.self, Message.self, MessageRevision.self, ErasureRequest.self, EventSubscription.self, Goal.self, Household.self, Involvement.self, OutboxEvent.self,
        LegalHold.self, LoginThrottle.self, MapContact.self, MonitorCell.self, MonitorCellValue.self, MonitorHousehold.self, MonitorIndicatorSetting.self, MonitorRefresh.self, MonitorNote.self, ImpactAgreement.self, ImpactAgreementTarget.self, MapLocation.self, MapOrganization.self, MapPhone.self, MapSchedule.self,
        Note.self, Organization.self, OutgoingMail.self, PlanAction.self, PlanVersion.self, PortalActivation.self, PortalCode.self, RecoveryCode.self,
        Referral.self, ReferralEvent.self, Reminder.self, Representation.self, Resident.self, RetentionSettingRow.self, Service.self, ServiceAreaRow.self,
        ServiceAtLocation.self, ServiceTerm.self, Tenant.self, User.self, UserNotification.self, UserSession.self,
    ]

    @Test func eachListHoldsExactlyTheDeclaredPropertiesInOrder() {
        for model in Self.models {
            let instance = model.init()
            let listed = instance.properties.map { ObjectIdentifier($0 as AnyObject) }
            let reflected = Mirror(reflecting: instance).children.compactMap { $0.value as? any AnyProperty }.map { ObjectIdentifier($0 as AnyObject) }
            #expect(!reflected.isEmpty && listed == reflected, "\(model): the hand-written property list differs from the declared properties")
        }
    }

    @Test func everyModelInTheSourcesIsChecked() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../Sources/App").standardized
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" } ?? []
        let declaration = try Regex(#"final class (\w+): Model\b"#)
        var declared: Set<String> = []
        for file in files {
            for match in try String(contentsOf: file, encoding: .utf8).matches(of: declaration) {
                declared.insert(String(match.output[1].substring ?? ""))
            }
        }
        #expect(declared.count > 30)
        #expect(declared == Set(Self.models.map { String(describing: $0) }))
    }
}
