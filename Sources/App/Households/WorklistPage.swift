import Domain
import Fluent
import Vapor

/// A professional's worklist: the households they are the contact for,
/// actions due this week and overdue — only where they may see the domain —
/// and how many of their organisation's households still need a contact.
struct WorklistPage: Encodable {
    struct Household: Encodable { let name: String; let href: String }
    struct Action: Encodable { let description: String; let household: String; let due: String; let href: String }
    /// A referral to the organisation that waits for its answer.
    struct Incoming: Encodable { let from: String; let sent: String; let answerBy: String; let overdue: Bool; let href: String }
    let households: [Household]
    let referralsToAnswer: [Incoming]
    /// Conversations with a message I have not read.
    let messages: [InboxPage.Item]
    /// My appointments this coming week: the app's reminder of them.
    let appointments: [Household]
    let dueThisWeek: [Action]
    let overdue: [Action]
    let reviewsDue: [Household]
    let reassessmentsDue: [ReassessmentReminders.Due]
    /// "12 households of your organisation have no contact person yet", with a link to them.
    let unassigned: Household?

    /// Households without a contact are counted up to this many ("more than 100").
    static let unassignedShown = 100

    static func build(in context: Context) async throws -> WorklistPage {
        let actor = context.actor
        guard let organizationID = actor.organizationID else { throw AppError.notFound }
        let today = context.today
        let households = try await Worklist.caseload(userID: actor.userID, tenantID: actor.tenantID, today: today, on: context.db)
        let unassigned = try await HouseholdList.unassignedCount(organizationID: organizationID, tenantID: actor.tenantID, today: today, upTo: unassignedShown, on: context.db)
        let contexts = try await ResidentAccess(context: context).contexts(forHouseholdsInTenant: households.map(\.id))
        let names = Dictionary(households.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let weekAhead = CivilDay(today).map { $0.adding(days: 7).iso } ?? today
        let actions = try await Worklist.actionsDue(names: names, contexts: contexts, tenantID: actor.tenantID, until: weekAhead, on: context.db)
        let months = try await Tenant.reassessmentInterval(of: actor.tenantID, on: context.db)
        let reassessments = try await ReassessmentReminders.due(names: names, contexts: contexts, months: months, today: today, tenantID: actor.tenantID, in: context)
        try await context.audit("worklist.view", outcome: .allowed, basis: .involvement, objectType: "worklist", objectID: String(households.count))
        let link = { (household: Worklist.Household) in SiteRoute.household.path(household.id) }
        let organizations = try await context.organizationNames(in: actor.tenantID)
        let incoming = try await Referral.awaitingAnswer(by: organizationID, tenantID: actor.tenantID, limit: 50, on: context.db).map { referral in
            Incoming(from: organizations[referral.requesterOrganizationID] ?? "", sent: context.shortDay(referral.sentOn), answerBy: context.shortDay(referral.dueOn),
                     overdue: referral.isOverdue(today: today), href: SiteRoute.referral.path(try referral.requireID()))
        }
        let shown = { (action: Action) in Action(description: action.description, household: action.household, due: context.shortDay(action.due), href: action.href) }
        return WorklistPage(
            households: households.map { .init(name: $0.name, href: link($0)) },
            referralsToAnswer: incoming,
            messages: try await InboxPage.build(in: context, unreadOnly: true).items,
            appointments: try await ResidentAccess(context: context).agenda(from: Date(), until: Date().addingTimeInterval(7 * 86_400)).map { item in
                Household(name: context.day(Day.string(item.startsAt)) + ", " + Day.clock(item.startsAt) + "–" + Day.clock(item.endsAt) + " – " + item.householdName
                          + " (" + context.t("domain.\(item.domain.rawValue)") + ")",
                          href: SiteRoute.appointment.path(item.householdID, item.appointmentID))
            },
            dueThisWeek: actions.filter { $0.due >= today }.map(shown), overdue: actions.filter { $0.due < today }.map(shown),
            reviewsDue: households.compactMap { household in
                household.reviewOn.flatMap { $0 < today ? .init(name: "\(household.name) (\(context.day($0)))", href: link(household)) : nil }
            },
            reassessmentsDue: reassessments,
            unassigned: unassigned == 0 ? nil : .init(name: unassignedText(unassigned, in: context), href: SiteRoute.households.path() + "?unassigned=1")
        )
    }

    private static func unassignedText(_ count: Int, in context: Context) -> String {
        if count > unassignedShown { return context.t("worklist.unassigned_more", String(unassignedShown)) }
        return context.t(count == 1 ? "worklist.unassigned_one" : "worklist.unassigned_many", String(count))
    }
}
