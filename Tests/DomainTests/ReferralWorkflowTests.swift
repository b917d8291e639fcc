import Domain
import Testing

@Suite("Referral workflow (FHIR Task)")
struct ReferralWorkflowTests {
    /// The workflow of issue 4, written out independently of the code's table.
    static let allowed: Set<String> = [
        "draft>requested:requester", "draft>cancelled:requester", "draft>entered-in-error:requester",
        "requested>accepted:receiver", "requested>rejected:receiver", "requested>cancelled:requester",
        "requested>entered-in-error:requester",
        "accepted>in-progress:receiver", "accepted>on-hold:receiver", "accepted>completed:receiver", "accepted>failed:receiver",
        "accepted>cancelled:requester", "accepted>cancelled:receiver", "accepted>entered-in-error:requester",
        "in-progress>on-hold:receiver", "in-progress>completed:receiver", "in-progress>failed:receiver",
        "in-progress>cancelled:requester", "in-progress>cancelled:receiver", "in-progress>entered-in-error:requester",
        "on-hold>in-progress:receiver", "on-hold>cancelled:requester", "on-hold>cancelled:receiver", "on-hold>entered-in-error:requester",
        "rejected>entered-in-error:requester", "cancelled>entered-in-error:requester",
        "completed>entered-in-error:requester", "failed>entered-in-error:requester",
    ]

    @Test(arguments: ReferralStatus.allCases)
    func everyTransitionFrom(_ from: ReferralStatus) {
        for to in ReferralStatus.allCases {
            for party in [ReferralParty.requester, .receiver] {
                let refusal = ReferralWorkflow.check(from: from, to: to, by: party, outcome: .gotHelp)
                let key = "\(from.rawValue)>\(to.rawValue):\(party.rawValue)"
                if Self.allowed.contains(key) {
                    #expect(refusal == nil, "\(key) should be allowed")
                } else {
                    #expect(refusal != nil, "\(key) should be refused")
                    let otherParty: ReferralParty = party == .requester ? .receiver : .requester
                    let otherMay = Self.allowed.contains("\(from.rawValue)>\(to.rawValue):\(otherParty.rawValue)")
                    #expect(refusal == (otherMay ? .wrongParty(party) : .notAllowed(from: from, to: to)), "\(key)")
                }
            }
        }
    }

    @Test func closingTheLoopNeedsAnOutcome() {
        #expect(ReferralWorkflow.check(from: .requested, to: .rejected, by: .receiver, outcome: nil) == .outcomeRequired)
        #expect(ReferralWorkflow.check(from: .inProgress, to: .completed, by: .receiver, outcome: nil) == .outcomeRequired)
        #expect(ReferralWorkflow.check(from: .accepted, to: .failed, by: .receiver, outcome: nil) == .outcomeRequired)
        #expect(ReferralWorkflow.check(from: .requested, to: .accepted, by: .receiver, outcome: nil) == nil)
        #expect(ReferralWorkflow.check(from: .requested, to: .cancelled, by: .requester, outcome: nil) == nil)
    }

    @Test func nextStepsAreWhatTheTableAllows() {
        #expect(ReferralWorkflow.next(from: .requested, for: .receiver) == [.accepted, .rejected])
        #expect(ReferralWorkflow.next(from: .requested, for: .requester) == [.cancelled, .enteredInError])
        #expect(ReferralWorkflow.next(from: .completed, for: .receiver).isEmpty)
    }
}

@Suite("Working days and Dutch public holidays")
struct WorkingDaysTests {
    @Test func weekendsAreSkipped() {
        // Friday 6 November 2026 + 1 working day is Monday 9 November.
        #expect(WorkingDays.add(1, to: "2026-11-06") == "2026-11-09")
        #expect(WorkingDays.add(5, to: "2026-11-02") == "2026-11-09")
        // Sent on a Saturday: the clock starts on Monday.
        #expect(WorkingDays.add(1, to: "2026-11-07") == "2026-11-09")
        #expect(WorkingDays.add(0, to: "2026-11-07") == "2026-11-07")
    }

    @Test func easterAndItsFeastsMove() {
        #expect(DutchHolidays.easterSunday(2024).iso == "2024-03-31")
        #expect(DutchHolidays.easterSunday(2025).iso == "2025-04-20")
        #expect(DutchHolidays.easterSunday(2026).iso == "2026-04-05")
        #expect(DutchHolidays.easterSunday(2027).iso == "2027-03-28")
        let days = DutchHolidays.days(in: 2026).map(\.iso).sorted()
        #expect(days == ["2026-01-01", "2026-04-06", "2026-04-27", "2026-05-14", "2026-05-25", "2026-12-25", "2026-12-26"])
    }

    @Test func kingsDayAndLiberationDay() {
        // 27 April 2025 is a Sunday: King's Day is the 26th. 2025 is a lustrum year.
        #expect(DutchHolidays.days(in: 2025).contains(CivilDay(year: 2025, month: 4, day: 26)!))
        #expect(DutchHolidays.days(in: 2025).contains(CivilDay(year: 2025, month: 5, day: 5)!))
        #expect(!DutchHolidays.days(in: 2026).contains(CivilDay(year: 2026, month: 5, day: 5)!))
    }

    @Test func holidaysAreNotWorkingDays() {
        // Thursday 24 December 2026 + 1: Christmas Friday, weekend, so Monday 28th.
        #expect(WorkingDays.add(1, to: "2026-12-24") == "2026-12-28")
        // Friday 3 April 2026 (Good Friday is a working day) + 1: Easter Monday off, so Tuesday 7th.
        #expect(WorkingDays.add(1, to: "2026-04-03") == "2026-04-07")
        // Ascension Thursday 14 May 2026.
        #expect(WorkingDays.add(1, to: "2026-05-13") == "2026-05-15")
    }

    @Test func overdueIsTheDayAfterTheDeadline() {
        #expect(!WorkingDays.isOverdue(due: "2026-11-09", today: "2026-11-09"))
        #expect(WorkingDays.isOverdue(due: "2026-11-09", today: "2026-11-10"))
        #expect(WorkingDays.add(1, to: "2026-13-01") == nil)
        #expect(WorkingDays.add(1, to: "garbage") == nil)
    }
}

@Suite("Access rule for referral receivers")
struct ReferralAccessTests {
    @Test func aPartnerReceiverSeesOnlyConsentedReferredDomains() {
        let receiver = AccessContext(role: .professional, consentDomains: [.finances], referredDomains: [.finances, .housing])
        #expect(AccessPolicy.decide(receiver, .referral(.finances)) == .allowed(.consent))
        #expect(AccessPolicy.decide(receiver, .referral(.housing)) == .denied(.noConsent))
        #expect(AccessPolicy.decide(receiver, .identity) == .allowed(.consent))
        // Not yet on the team: no details, no plan.
        #expect(AccessPolicy.decide(receiver, .detail(.finances)) == .denied(.notInvolved))
        #expect(AccessPolicy.decide(receiver, .planOverview) == .denied(.notInvolved))
    }

    @Test func withoutConsentAPartnerReceiverSeesNothing() {
        let receiver = AccessContext(role: .professional, referredDomains: [.finances])
        #expect(AccessPolicy.decide(receiver, .referral(.finances)) == .denied(.noConsent))
        #expect(AccessPolicy.decide(receiver, .identity) == .denied(.noConsent))
    }

    @Test func aMunicipalReceiverNeedsNoConsent() {
        let receiver = AccessContext(role: .professional, organizationIsMunicipal: true, referredDomains: [.workAndEducation])
        #expect(AccessPolicy.decide(receiver, .referral(.workAndEducation)) == .allowed(.involvement))
        #expect(AccessPolicy.decide(receiver, .referral(.finances)) == .denied(.notInvolved))
    }

    @Test func theSendingTeamSeesReferralsInItsDomains() {
        let team = AccessContext(role: .professional, involvementDomains: [.finances], organizationIsMunicipal: true)
        #expect(AccessPolicy.decide(team, .referral(.finances)) == .allowed(.involvement))
        #expect(AccessPolicy.decide(team, .referral(.housing)) == .denied(.domainNotCovered))
        let stranger = AccessContext(role: .professional, organizationIsMunicipal: true)
        #expect(AccessPolicy.decide(stranger, .referral(.finances)) == .denied(.notInvolved))
        #expect(AccessPolicy.decide(AccessContext(role: .analyst, referredDomains: [.finances]), .referral(.finances)) == .denied(.roleHasNoResidentAccess))
    }
}
