import Domain
import Fluent
import Vapor

/// The household page's view model: only what the access rule lets this
/// viewer see, built from an `Opened` household.
struct HouseholdPage: Encodable {
    struct Member: Encodable {
        let name: String; let birthDate: String; let relation: String
        let bsn: String
        /// Phone and e-mail, and for the coordinator the form to change them.
        let contact: String; let contactHref: String?
        let revealAction: String?
        /// For the coordinator: hand out a portal activation code.
        let portalCodeAction: String?
        /// For whoever may help write it: the member's participation profile (issue 24).
        let participationHref: String?
    }
    /// Who of the actor's own organisation is the household's contact
    /// person, and the form to become it (with the contact the page showed,
    /// so a colleague who claimed it meanwhile is never overwritten).
    struct OwnContact: Encodable { let name: String?; let claimAction: String?; let shown: String }
    struct TeamRow: Encodable { let anchor: String; let organization: String; let domains: String; let coordinator: Bool; let since: String; let endAction: String? }
    struct ConsentRow: Encodable {
        let anchor: String
        let resident: String; let organization: String; let domains: String; let purpose: String
        let validity: String; let method: String; let status: String; let withdrawAction: String?
    }
    struct GoalRow: Encodable { let title: String; let target: String; let status: String; let editHref: String?; let measures: [String]; let actions: [String] }
    struct DomainGoals: Encodable { let domain: String; let goals: [GoalRow] }
    struct NoteRow: Encodable { let anchor: String; let day: String; let kind: String; let domain: String; let text: String; let author: String }

    /// A jump to a section of the page.
    struct Section: Encodable { let href: String; let label: String }
    /// The household at a glance, before the details.
    struct Summary: Encodable { let members: String; let coordinator: String?; let goals: String; let review: String? }

    let id: String
    let name: String
    let summary: Summary
    let sections: [Section]
    let address: String
    let neighbourhood: String?
    let members: [Member]
    let ownContact: OwnContact?
    let team: [TeamRow]?
    let consents: [ConsentRow]?
    let goals: [DomainGoals]
    /// Outcome measurement per member, as far as this viewer may see (see `AssessmentProgress`).
    let progress: [AssessmentProgress.Member]
    let notes: [NoteRow]
    /// Conversations around the household this viewer may read, latest first.
    let conversations: [ConversationRow]
    /// Documents this viewer may read, newest first; deleted ones as tombstones.
    let documents: [DocumentRow]
    /// Appointments still to come, soonest first.
    let appointments: [AppointmentRow]
    /// Seen through a break-the-glass opening: shown on every view.
    let emergency: Bool
    let timeline: [Timeline.Item]
    let plan: PlanInfo?
    /// The forms this viewer may use, each on its own page.
    let forms: Forms
    let errors: FormErrors

    struct Forms: Encodable {
        var member: String?, representative: String?, goal: String?, note: String?, team: String?, consent: String?, conversation: String?, document: String?, appointment: String?
    }

    struct PlanInfo: Encodable {
        let reviewOn: String; let reviewAction: String?; let overdue: Bool
        let lastSigned: String?; let changedSinceSigned: Bool; let compareHref: String; let printHref: String
        let signatureAction: String?; let residents: [Option]
    }
    static func build(_ opened: ResidentAccess.Opened, in context: Context, revealed: [UUID: String] = [:], errors: FormErrors = .none) async throws -> HouseholdPage {
        let household = opened.household
        let id = try household.requireID()
        let tenantID = household.tenantID
        let db = context.db
        let today = context.today
        let names = try await context.organizationNames(in: tenantID)
        let domainLabel = { (domain: LifeDomain) in context.t("domain.\(domain.rawValue)") }
        let domainList = { (domains: Set<LifeDomain>) in LifeDomain.allCases.filter(domains.contains).map(domainLabel).joined(separator: ", ") }
        // Seeing the team and consents is not changing them (an emergency opening only reads).
        let manages = opened.allows(.planOverview)
        let coordinates = opened.allows(.coordinate)
        let recordsConsent = opened.allows(.recordConsent)

        let residents = try await opened.members(on: db)
        let cipher = FieldCipher(key: context.keys.field)
        let members = try residents.map { resident in
            let residentID = try resident.requireID()
            let masked = resident.bsnEncrypted == nil ? "" : "******" + (revealed[residentID].map { String($0.suffix(3)) } ?? "•••")
            return Member(
                name: resident.fullName, birthDate: context.shortDay(resident.birthDate), relation: context.t("relation.\(resident.relation)"),
                bsn: revealed[residentID] ?? masked,
                contact: resident.contact(cipher: cipher).line ?? "", contactHref: coordinates ? SiteRoute.residentContact.path(id, residentID) : nil,
                revealAction: resident.bsnEncrypted == nil || revealed[residentID] != nil ? nil : SiteRoute.residentBSN.path(id, residentID),
                portalCodeAction: coordinates && resident.userID == nil ? SiteRoute.portalCode.path(id, residentID) : nil,
                participationHref: opened.writesParticipation && context.actor.role != .resident ? SiteRoute.residentParticipation.path(id, residentID) : nil
            )
        }

        let involvements = try await opened.involvements(on: db).filter { $0.isActive(on: today) }
        let team = try involvements.map {
            TeamRow(
                anchor: Self.involvementAnchor(try $0.requireID()), organization: names[$0.organizationID] ?? "", domains: domainList($0.lifeDomains), coordinator: $0.isCoordinator, since: context.shortDay($0.startsOn),
                endAction: $0.isCoordinator || !coordinates ? nil : SiteRoute.involvementEnd.path(id, try $0.requireID())
            )
        }

        let ownContact = try await ownContact(opened, in: context)

        let consents = try await opened.consents(on: db)
        let residentNames = Dictionary(residents.compactMap { r in r.id.map { ($0, r.fullName) } }, uniquingKeysWith: { a, _ in a })
        let consentRows = try consents.map { consent in
            let effective = consent.effective(today: today)
            return ConsentRow(
                anchor: Self.consentAnchor(try consent.requireID()), resident: residentNames[consent.residentID] ?? "", organization: names[consent.recipientOrganizationID] ?? "",
                domains: domainList(consent.lifeDomains), purpose: consent.purpose,
                validity: consent.validity(in: context),
                method: context.t("consent.method.\(consent.method)"), status: context.t("consent.effective.\(effective.rawValue)"),
                withdrawAction: recordsConsent && ConsentRule.canWithdraw(ConsentStatus(rawValue: consent.status) ?? .withdrawn) && effective != .expired
                    ? SiteRoute.consentWithdraw.path(id, try consent.requireID()) : nil
            )
        }

        let scores = opened.context.role == .professional
        let (progress, measures, assessed) = try await AssessmentProgress.build(
            opened, residents: residents, plain: false,
            newLink: { resident, instrument in scores ? resident.id.map { SiteRoute.assessmentNew.path(id, $0) + "?instrument=" + instrument.id } : nil },
            in: context
        )
        let goals = try await opened.goals(overview: true, on: db)
        let actions = try await opened.actions(ofGoals: goals, on: db)
        let owners = try await PlanAction.owners(of: actions, tenantID: tenantID, forResident: false, in: context)
        // "Bank bellen – Fatima El Amrani, 4 maart 2031 (Open)", under its goal.
        let actionLines = Dictionary(grouping: actions, by: \.goalID).mapValues { list in
            list.map { action in
                let who = [action.id.flatMap { owners[$0] }, action.dueOn.map { context.day($0) }].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
                return action.description + (who.isEmpty ? "" : " – " + who) + " (" + context.t("action.status.\(action.status)") + ")"
            }
        }
        let grouped = LifeDomain.allCases.compactMap { domain -> DomainGoals? in
            let detail = opened.allows(.detail(domain))
            guard detail || manages else { return nil }
            let rows = try? goals.filter { $0.domain == domain.rawValue }.map { goal in
                GoalRow(
                    title: goal.title, target: detail ? goal.target ?? "" : "",
                    status: context.t("goal.status.\(goal.status)"),
                    editHref: detail ? SiteRoute.goal.path(id, try goal.requireID()) : nil,
                    measures: detail ? measures[domain] ?? [] : [],
                    actions: detail ? goal.id.flatMap { actionLines[$0] } ?? [] : []
                )
            }
            guard let rows, !rows.isEmpty else { return nil }
            return DomainGoals(domain: domainLabel(domain), goals: rows)
        }
        let notes = try await opened.notes(limit: 200, on: db)
        let authors = try await User.displayNames(of: Array(Set(notes.map(\.authorID))), in: tenantID, on: db)
        let noteRows = try notes.map { note in
            NoteRow(
                anchor: Self.noteAnchor(try note.requireID()), day: context.day(note.occurredOn), kind: context.t("note.kind.\(note.kind)"),
                domain: LifeDomain(rawValue: note.domain).map(domainLabel) ?? "",
                text: cipher.openOrNil(note.textEncrypted) ?? context.t("note.unreadable"),
                author: [authors[note.authorID], note.organizationID.flatMap { names[$0] }].compactMap { $0 }.joined(separator: ", ")
            )
        }

        let conversations = try await opened.conversations(on: db)
        let unread = try await Conversations.unread(among: conversations, userID: context.actor.userID, tenantID: tenantID, on: db)
        let conversationRows = try ConversationRow.rows(conversations, unread: unread, href: { SiteRoute.conversation.path(id, try $0.requireID()) }, in: context)

        let documents = try await opened.documents(on: db)
        let documentRows = try await DocumentRow.rows(documents, in: opened, href: { SiteRoute.document.path(id, $0) },
                                                      deleteAction: { SiteRoute.documentDelete.path(id, $0) }, context: context)

        let allAppointments = try await opened.appointments(on: db)
        let appointmentRows = try allAppointments.filter { $0.endsAt > Date() }.map { appointment in
            let appointmentID = try appointment.requireID()
            return try AppointmentRow.build(appointment, href: SiteRoute.appointment.path(id, appointmentID),
                                            calendarHref: SiteRoute.appointmentCalendar.path(id, appointmentID), answers: false, in: context)
        }

        let lead = try await CoordinatorContact.of(involvements.first(where: \.isCoordinator), in: context)
        let goalCount = grouped.reduce(0) { $0 + $1.goals.count }
        let summary = Summary(
            members: context.t(members.count == 1 ? "household.summary_members_one" : "household.summary_members", String(members.count)),
            coordinator: lead.map { lead in
                let who = lead.person.map { context.t("household.summary_coordinator_contact", lead.organization, $0) } ?? context.t("household.summary_coordinator", lead.organization)
                return who + (lead.reach.map { " – " + $0 } ?? "")
            },
            goals: context.t(goalCount == 1 ? "household.summary_goals_one" : "household.summary_goals", String(goalCount)),
            review: manages ? household.reviewOn.map { context.t("household.summary_review", context.day($0)) } : nil
        )
        var sections = [("members-title", "household.members"), ("plan-title", "household.plan"), ("progress-title", "assessment.progress_title"),
                        ("notes-title", "note.title"), ("conversations-title", "conversation.title"), ("documents-title", "document.title"), ("appointments-title", "appointment.title"), ("timeline-title", "timeline.title")]
        if manages { sections += [("team-title", "household.team"), ("consents-title", "household.consents")] }

        return HouseholdPage(
            id: id.uuidString, name: household.name,
            summary: summary, sections: sections.map { Section(href: "#" + $0.0, label: context.t($0.1)) },
            address: "\(household.street), \(household.postcode) \(household.city)",
            neighbourhood: household.neighbourhoodCode.flatMap { $0.isEmpty ? nil : $0 },
            members: members,
            ownContact: ownContact,
            team: manages ? team : nil,
            consents: manages ? consentRows : nil,
            goals: grouped,
            progress: progress,
            notes: noteRows,
            conversations: conversationRows,
            documents: documentRows,
            appointments: appointmentRows,
            emergency: opened.context.breakTheGlass && opened.context.role == .professional,
            timeline: try await Timeline.items(for: opened, targets: Timeline.Targets(
                household: id, goals: Set(goals.filter { $0.lifeDomain.map { opened.allows(.detail($0)) } ?? false }.compactMap(\.id)),
                actions: Dictionary(actions.compactMap { a in a.id.map { ($0, a.goalID) } }, uniquingKeysWith: { a, _ in a }),
                notes: Set(notes.compactMap(\.id)), conversations: Set(conversations.compactMap(\.id)),
                documents: Set(documents.filter { !$0.isDeleted }.compactMap(\.id)), appointments: Set(allAppointments.compactMap(\.id)), consents: manages ? Set(consents.compactMap(\.id)) : [],
                involvements: manages ? Set(involvements.compactMap(\.id)) : [], assessments: assessed,
                team: manages, planVersions: manages
            ), in: context),
            plan: manages ? try await planInfo(opened, residents: residents, coordinates: coordinates, in: context) : nil,
            forms: Forms(
                member: coordinates ? SiteRoute.memberNew.path(id) : nil,
                representative: coordinates ? SiteRoute.representativeNew.path(id) : nil,
                goal: LifeDomain.allCases.contains { opened.allows(.write($0)) } ? SiteRoute.goalNew.path(id) : nil,
                note: LifeDomain.allCases.contains { opened.allows(.writeNote($0)) } ? SiteRoute.noteNew.path(id) : nil,
                team: coordinates ? SiteRoute.involvementNew.path(id) : nil,
                consent: recordsConsent ? SiteRoute.consentNew.path(id) : nil,
                conversation: ConversationController.domains(opened).isEmpty ? nil : SiteRoute.conversationNew.path(id),
                document: DocumentController.domains(opened).isEmpty ? nil : SiteRoute.documentNew.path(id),
                appointment: AppointmentController.domains(opened).isEmpty ? nil : SiteRoute.appointmentNew.path(id)
            ),
            errors: errors
        )
    }

    /// The anchors of a note, a consent and a team row, which the timeline links to.
    static func noteAnchor(_ id: UUID) -> String { "note-\(id)" }
    static func consentAnchor(_ id: UUID) -> String { "consent-\(id)" }
    static func involvementAnchor(_ id: UUID) -> String { "involvement-\(id)" }

    static func planInfo(_ opened: ResidentAccess.Opened, residents: [Resident], coordinates: Bool, in context: Context) async throws -> PlanInfo {
        let household = opened.household
        let id = try household.requireID()
        let last = try await opened.latestPlanVersion(on: context.db)
        var changed = false
        if let last { changed = !last.stillAgrees(with: try await PortalData.goals(opened, in: context)) }
        return PlanInfo(
            reviewOn: household.reviewOn ?? "", reviewAction: coordinates ? SiteRoute.planReview.path(id) : nil,
            overdue: household.reviewOn.map { $0 < context.today } ?? false,
            lastSigned: last.map { context.t("plan.last_signed", String($0.number), context.day(Day.string($0.signedAt)), context.t("consent.method.\($0.method)")) },
            changedSinceSigned: changed, compareHref: SiteRoute.planVersions.path(id), printHref: SiteRoute.planPrint.path(id),
            signatureAction: coordinates ? SiteRoute.planPaperSignature.path(id) : nil,
            residents: residents.compactMap { r in r.id.map { Option(value: $0.uuidString, label: r.fullName, selected: false) } }
        )
    }

    /// Every organisation on the team knows its own place there, coordinating or not.
    private static func ownContact(_ opened: ResidentAccess.Opened, in context: Context) async throws -> OwnContact? {
        let actor = context.actor
        guard actor.role == .professional, let organizationID = actor.organizationID,
              let own = try await opened.activeInvolvement(of: organizationID, on: context.db), let id = own.id else { return nil }
        let names = try await User.displayNames(of: own.contactUserID.map { [$0] } ?? [], in: own.tenantID, on: context.db)
        return OwnContact(name: own.contactUserID.flatMap { names[$0] }, claimAction: own.contactUserID == actor.userID ? nil : SiteRoute.involvementContact.path(own.householdID, id),
                          shown: own.contactUserID?.uuidString ?? "")
    }

    /// The household page again, with what went wrong in a form on it.
    static func rerender(_ req: Request, _ opened: ResidentAccess.Opened, _ errors: FormErrors,
                         status: HTTPStatus = .unprocessableEntity) async throws -> Response {
        let page = try await build(opened, in: req.context(), errors: errors)
        return try await req.page("households/show", title: opened.household.name, page, status: status)
    }
}
