import Domain
import Vapor

/// Every page and endpoint, in one place: routes are registered from these
/// and links are built from them, so a link cannot point at a route that
/// moved — and since each route says what fills its parameters, a link with
/// a missing or wrong id does not compile.
enum SiteRoute {
    static let home = Route<Void>("/")
    static let health = Route<Void>("/health")
    static let ready = Route<Void>("/ready")
    static let metrics = Route<Void>("/metrics")

    static let login = Route<Void>("/login")
    static let logout = Route<Void>("/logout")
    static let secondFactor = Route<Void>("/login/second-factor")
    static let enrol = Route<Void>("/login/enrol")
    static let recoveryCodes = Route<Void>("/login/recovery-codes")
    static let accountLink = Route<String>("/account-links/:token")
    static let accountPassword = Route<Void>("/account/password")
    static let accountLanguage = Route<Void>("/account/language")
    static let accountContact = Route<Void>("/account/contact")
    static let accountMail = Route<Void>("/account/mail")

    static let organizations = Route<Void>("/admin/organizations")
    static let organizationNew = Route<Void>("/admin/organizations/new")
    static let organization = Route<UUID>("/admin/organizations/:organizationID")
    static let users = Route<Void>("/admin/users")
    static let userNew = Route<Void>("/admin/users/new")
    static let user = Route<UUID>("/admin/users/:userID")
    static let userDeactivate = Route<UUID>("/admin/users/:userID/deactivate")
    static let userReactivate = Route<UUID>("/admin/users/:userID/reactivate")
    static let userReset = Route<UUID>("/admin/users/:userID/reset")

    static let tenants = Route<Void>("/platform/tenants")
    static let tenantNew = Route<Void>("/platform/tenants/new")
    static let tenantDeactivate = Route<UUID>("/platform/tenants/:tenantID/deactivate")
    static let tenantReactivate = Route<UUID>("/platform/tenants/:tenantID/reactivate")

    static let accessLog = Route<Void>("/privacy/access-log")

    static let monitor = Route<Void>("/monitor")
    static let monitorIndicator = Route<String>("/monitor/indicators/:indicatorID")
    static let monitorStories = Route<String>("/monitor/indicators/:indicatorID/stories")
    static let monitorNote = Route<UUID>("/monitor/notes/:noteID")

    static let agreements = Route<Void>("/agreements")
    static let agreementNew = Route<Void>("/agreements/new")
    static let agreement = Route<UUID>("/agreements/:agreementID")
    static let agreementTargets = Route<UUID>("/agreements/:agreementID/targets")
    static let agreementTargetDelete = Route<(UUID, UUID)>("/agreements/:agreementID/targets/:targetID/delete")
    static let agreementNotes = Route<UUID>("/agreements/:agreementID/notes")

    static let worklist = Route<Void>("/worklist")
    static let households = Route<Void>("/households")
    static let householdNew = Route<Void>("/households/new")
    static let household = Route<UUID>("/households/:householdID")
    static let members = Route<UUID>("/households/:householdID/members")
    static let memberNew = Route<UUID>("/households/:householdID/members/new")
    static let representatives = Route<UUID>("/households/:householdID/representatives")
    static let representativeNew = Route<UUID>("/households/:householdID/representatives/new")
    static let residentBSN = Route<(UUID, UUID)>("/households/:householdID/residents/:residentID/bsn")
    static let residentContact = Route<(UUID, UUID)>("/households/:householdID/residents/:residentID/contact")
    static let involvements = Route<UUID>("/households/:householdID/involvements")
    static let involvementNew = Route<UUID>("/households/:householdID/involvements/new")
    static let involvementEnd = Route<(UUID, UUID)>("/households/:householdID/involvements/:involvementID/end")
    static let involvementContact = Route<(UUID, UUID)>("/households/:householdID/involvements/:involvementID/contact")
    static let consents = Route<UUID>("/households/:householdID/consents")
    static let consentNew = Route<UUID>("/households/:householdID/consents/new")
    static let consentWithdraw = Route<(UUID, UUID)>("/households/:householdID/consents/:consentID/withdraw")
    static let goals = Route<UUID>("/households/:householdID/goals")
    static let goalNew = Route<UUID>("/households/:householdID/goals/new")
    static let goal = Route<(UUID, UUID)>("/households/:householdID/goals/:goalID")
    static let notes = Route<UUID>("/households/:householdID/notes")
    static let noteNew = Route<UUID>("/households/:householdID/notes/new")
    static let conversations = Route<UUID>("/households/:householdID/conversations")
    static let conversationNew = Route<UUID>("/households/:householdID/conversations/new")
    static let conversation = Route<(UUID, UUID)>("/households/:householdID/conversations/:conversationID")
    static let conversationReplies = Route<(UUID, UUID)>("/households/:householdID/conversations/:conversationID/replies")
    static let messageEdit = Route<(UUID, UUID, UUID)>("/households/:householdID/conversations/:conversationID/messages/:messageID/edit")
    static let inbox = Route<Void>("/messages")
    static let documents = Route<UUID>("/households/:householdID/documents")
    static let documentNew = Route<UUID>("/households/:householdID/documents/new")
    static let document = Route<(UUID, UUID)>("/households/:householdID/documents/:documentID")
    static let documentDelete = Route<(UUID, UUID)>("/households/:householdID/documents/:documentID/delete")
    static let appointments = Route<UUID>("/households/:householdID/appointments")
    static let appointmentNew = Route<UUID>("/households/:householdID/appointments/new")
    static let appointment = Route<(UUID, UUID)>("/households/:householdID/appointments/:appointmentID")
    static let appointmentMove = Route<(UUID, UUID)>("/households/:householdID/appointments/:appointmentID/move")
    static let appointmentCancel = Route<(UUID, UUID)>("/households/:householdID/appointments/:appointmentID/cancel")
    static let appointmentCalendar = Route<(UUID, UUID)>("/households/:householdID/appointments/:appointmentID/calendar.ics")
    static let planReview = Route<UUID>("/households/:householdID/plan/review")
    static let planPaperSignature = Route<UUID>("/households/:householdID/plan/paper-signature")
    static let planVersions = Route<UUID>("/households/:householdID/plan/versions")
    static let planPrint = Route<UUID>("/households/:householdID/plan/print")
    static let actions = Route<(UUID, UUID)>("/households/:householdID/goals/:goalID/actions")
    static let actionStatus = Route<(UUID, UUID, UUID)>("/households/:householdID/goals/:goalID/actions/:actionID/status")
    static let portalCode = Route<(UUID, UUID)>("/households/:householdID/residents/:residentID/portal-code")
    static let portalActivate = Route<Void>("/portal/activate")
    static let portal = Route<Void>("/portal")
    static let portalAction = Route<Void>("/portal/actions")
    static let portalActionDone = Route<UUID>("/portal/actions/:actionID/done")
    static let portalSign = Route<Void>("/portal/sign")
    static let portalComment = Route<Void>("/portal/comments")
    static let portalConsents = Route<Void>("/portal/consents")
    static let portalConsentWithdraw = Route<UUID>("/portal/consents/:consentID/withdraw")
    static let portalAccessLog = Route<Void>("/portal/who-looked")
    static let portalParticipation = Route<Void>("/portal/taking-part")
    /// A professional helps a member write their participation profile.
    static let residentParticipation = Route<(UUID, UUID)>("/households/:householdID/residents/:residentID/taking-part")
    static let portalParticipationWithdraw = Route<Void>("/portal/taking-part/withdraw")
    static let portalParticipationMatches = Route<Void>("/portal/taking-part/matches")
    static let portalParticipationPropose = Route<UUID>("/portal/taking-part/offers/:offerID/propose")
    static let portalParticipationProposalWithdraw = Route<UUID>("/portal/taking-part/proposals/:proposalID/withdraw")
    static let portalPlacementCheckIn = Route<UUID>("/portal/taking-part/placements/:placementID/check-in")
    static let portalPlacementEnd = Route<UUID>("/portal/taking-part/placements/:placementID/end")
    static let portalConversations = Route<Void>("/portal/messages")
    static let portalConversation = Route<UUID>("/portal/messages/:conversationID")
    static let portalConversationReplies = Route<UUID>("/portal/messages/:conversationID/replies")
    static let portalDocuments = Route<Void>("/portal/documents")
    static let portalDocument = Route<UUID>("/portal/documents/:documentID")
    static let portalDocumentDelete = Route<UUID>("/portal/documents/:documentID/delete")
    static let portalAppointments = Route<Void>("/portal/appointments")
    static let portalAppointmentConfirm = Route<UUID>("/portal/appointments/:appointmentID/confirm")
    static let portalAppointmentChange = Route<UUID>("/portal/appointments/:appointmentID/another-time")
    static let portalAppointmentCalendar = Route<UUID>("/portal/appointments/:appointmentID/calendar.ics")
    static let portalPlanPrint = Route<Void>("/portal/plan/print")
    static let portalExportJSON = Route<Void>("/portal/my-data.json")
    static let portalExportHTML = Route<Void>("/portal/my-data")
    static let myActions = Route<Void>("/my-actions")
    static let myActionDone = Route<UUID>("/my-actions/:actionID/done")
    static let myActionReport = Route<UUID>("/my-actions/:actionID/report")
    static let breakTheGlass = Route<UUID>("/households/:householdID/break-the-glass")
    static let breakTheGlassReviews = Route<Void>("/privacy/break-the-glass")
    static let erasure = Route<Void>("/privacy/erasure")
    static let erasureRequests = Route<Void>("/privacy/erasure/requests")
    static let erasureRequest = Route<UUID>("/privacy/erasure/requests/:erasureRequestID")
    static let legalHolds = Route<Void>("/privacy/erasure/legal-holds")
    static let legalHoldLift = Route<UUID>("/privacy/erasure/legal-holds/:legalHoldID/lift")
    static let breakTheGlassReview = Route<UUID>("/privacy/break-the-glass/:openingID")
    static let assessmentNew = Route<(UUID, UUID)>("/households/:householdID/residents/:residentID/assessments/new")
    static let assessments = Route<(UUID, UUID)>("/households/:householdID/residents/:residentID/assessments")
    static let portalAssessmentNew = Route<Void>("/portal/assessments/new")
    static let portalAssessments = Route<Void>("/portal/assessments")
    static let tenantSettings = Route<Void>("/admin/settings")
    static let apiInstruments = Route<Void>("/api/v1/instruments")
    static let apiHouseholdAssessments = Route<UUID>("/api/v1/households/:householdID/assessments")
    static let apiAssessment = Route<UUID>("/api/v1/assessments/:assessmentID")

    static let referralNew = Route<(UUID, UUID)>("/households/:householdID/goals/:goalID/referrals/new")
    static let goalReferrals = Route<(UUID, UUID)>("/households/:householdID/goals/:goalID/referrals")
    static let referrals = Route<Void>("/referrals")
    static let referral = Route<UUID>("/referrals/:referralID")
    static let referralStatus = Route<UUID>("/referrals/:referralID/status")
    static let referralRedirect = Route<UUID>("/referrals/:referralID/redirect")
    static let notifications = Route<Void>("/notifications")
    static let apiReferralFHIR = Route<UUID>("/api/v1/referrals/:referralID/fhir")
    static let apiConsent = Route<UUID>("/api/v1/consents/:consentID")
    static let apiHouseholdPlan = Route<UUID>("/api/v1/households/:householdID/plan")
    static let apiHouseholdConversations = Route<UUID>("/api/v1/households/:householdID/conversations")
    static let apiConversationMessages = Route<UUID>("/api/v1/conversations/:conversationID/messages")
    static let apiHouseholdDocuments = Route<UUID>("/api/v1/households/:householdID/documents")
    static let apiDocument = Route<UUID>("/api/v1/documents/:documentID")
    static let apiDocumentContent = Route<UUID>("/api/v1/documents/:documentID/content")
    static let apiHouseholdAppointments = Route<UUID>("/api/v1/households/:householdID/appointments")
    static let apiAppointment = Route<UUID>("/api/v1/appointments/:appointmentID")
    static let apiSignals = Route<Void>("/api/v1/signals")
    static let apiSignalBatch = Route<Void>("/api/v1/signals/batch")
    static let apiSignal = Route<UUID>("/api/v1/signals/:signalID")
    static let apiParticipationOffers = Route<Void>("/api/v1/participation-offers")
    static let apiParticipationOffer = Route<UUID>("/api/v1/participation-offers/:offerID")
    static let apiParticipationMatches = Route<(UUID, UUID)>("/api/v1/households/:householdID/residents/:residentID/participation-matches")
    static let apiParticipationPlacements = Route<(UUID, UUID)>("/api/v1/households/:householdID/residents/:residentID/participation-placements")
    static let signalCases = Route<Void>("/signals")
    static let signalCase = Route<UUID>("/signals/cases/:signalCaseID")
    static let signalCaseAttempts = Route<UUID>("/signals/cases/:signalCaseID/attempts")
    static let signalCaseClose = Route<UUID>("/signals/cases/:signalCaseID/close")
    static let signalCaseMatches = Route<UUID>("/signals/cases/:signalCaseID/matches")
    static let signalPartners = Route<Void>("/admin/signal-partners")
    static let signalUploads = Route<Void>("/signals/uploads")
    static let signalUpload = Route<UUID>("/signals/uploads/:signalUploadID")
    static let signalUploadMapping = Route<UUID>("/signals/uploads/:signalUploadID/mapping")
    static let signalUploadImport = Route<UUID>("/signals/uploads/:signalUploadID/import")
    static let signalUploadDiscard = Route<UUID>("/signals/uploads/:signalUploadID/discard")
    static let signalUploadReport = Route<UUID>("/signals/uploads/:signalUploadID/problems.csv")
    static let signalUploadProgress = Route<UUID>("/signals/uploads/:signalUploadID/progress")
    static let oauthToken = Route<Void>("/api/v1/oauth/token")
    static let openAPI = Route<Void>("/api/v1/openapi.json")
    static let apiTokens = Route<Void>("/account/api-tokens")
    static let apiTokenRevoke = Route<UUID>("/account/api-tokens/:tokenID/revoke")
    static let apiClients = Route<Void>("/admin/api-clients")
    static let apiClientRevoke = Route<UUID>("/admin/api-clients/:clientID/revoke")
    static let eventSubscriptions = Route<Void>("/admin/event-subscriptions")
    static let outgoingMails = Route<Void>("/admin/mail")
    static let retentionSettings = Route<Void>("/admin/retention")
    static let outgoingMailRetry = Route<UUID>("/admin/mail/:outgoingMailID/retry")
    static let eventSubscriptionEnd = Route<UUID>("/admin/event-subscriptions/:subscriptionID/end")
    static let outboxEventReplay = Route<UUID>("/admin/event-subscriptions/parked/:outboxEventID/replay")
    static let apiIndicators = Route<Void>("/api/v1/indicators")
    static let apiIndicatorValues = Route<String>("/api/v1/indicators/:indicatorID/values")
    static let monitorTableCSV = Route<String>("/monitor/indicators/:indicatorID/table.csv")
    static let monitorProfessionalsCSV = Route<String>("/monitor/indicators/:indicatorID/professionals.csv")
    static let indicatorVisibility = Route<Void>("/admin/monitor/indicators")

    static let socialMap = Route<Void>("/social-map")
    static let socialMapService = Route<UUID>("/social-map/services/:serviceID")
    static let socialMapServiceNew = Route<Void>("/social-map/services/new")
    static let socialMapServices = Route<Void>("/social-map/services")
    static let socialMapServiceEdit = Route<UUID>("/social-map/services/:serviceID/edit")
    static let socialMapServiceOffer = Route<UUID>("/social-map/services/:serviceID/offer")
    static let socialMapServiceCandidates = Route<UUID>("/social-map/services/:serviceID/candidates")
    static let socialMapServiceCandidate = Route<(UUID, UUID)>("/social-map/services/:serviceID/candidates/:proposalID")
    static let socialMapServiceCandidateStart = Route<(UUID, UUID)>("/social-map/services/:serviceID/candidates/:proposalID/start")
    static let socialMapPlacementCheckIn = Route<(UUID, UUID)>("/social-map/services/:serviceID/placements/:placementID/check-in")
    static let socialMapPlacementEnd = Route<(UUID, UUID)>("/social-map/services/:serviceID/placements/:placementID/end")
    static let socialMapProviders = Route<Void>("/social-map/providers")
    static let socialMapProviderNew = Route<Void>("/social-map/providers/new")
    static let socialMapProvider = Route<UUID>("/social-map/providers/:mapOrganizationID")
    static let socialMapLocations = Route<UUID>("/social-map/providers/:mapOrganizationID/locations")
    static let socialMapLocationDelete = Route<(UUID, UUID)>("/social-map/providers/:mapOrganizationID/locations/:locationID/delete")
    static let socialMapAdmin = Route<Void>("/admin/social-map")
    static let socialMapPublish = Route<Void>("/admin/social-map/public")
    static let socialMapImport = Route<Void>("/admin/social-map/import")
    static let socialMapExport = Route<Void>("/admin/social-map/export.json")
    static let socialMapExportCSV = Route<Void>("/admin/social-map/export.csv")
    static let publicSocialMap = Route<String>("/t/:tenantSlug/sociale-kaart")
    static let publicService = Route<(String, UUID)>("/t/:tenantSlug/sociale-kaart/:serviceID")

    /// A published map's own HSDS base URL: every `/hsds/…` path works under it.
    static let publicHSDS = Route<String>("/t/:tenantSlug/hsds")
    static let hsdsRoot = Route<Void>("/hsds")
    static let hsdsServices = Route<Void>("/hsds/services")
    static let hsdsService = Route<UUID>("/hsds/services/:serviceID")
    static let hsdsOrganizations = Route<Void>("/hsds/organizations")
    static let hsdsOrganization = Route<UUID>("/hsds/organizations/:mapOrganizationID")
    static let hsdsTaxonomies = Route<Void>("/hsds/taxonomies")
    static let hsdsTaxonomy = Route<UUID>("/hsds/taxonomies/:taxonomyID")
    static let hsdsTaxonomyTerms = Route<Void>("/hsds/taxonomy_terms")
    static let hsdsTaxonomyTerm = Route<UUID>("/hsds/taxonomy_terms/:termID")
    static let hsdsServiceAtLocations = Route<Void>("/hsds/service_at_locations")
    static let hsdsServiceAtLocation = Route<UUID>("/hsds/service_at_locations/:serviceAtLocationID")
}

/// A path pattern with `:parameters`, filled in order by `Parameters`
/// (`Void`, an id, a slug, or a tuple of them).
struct Route<Parameters>: Sendable, Equatable {
    let pattern: String

    init(_ pattern: String) {
        for name in pattern.split(separator: "/") where name.first == ":" {
            precondition(RouteParameter(rawValue: String(name.dropFirst())) != nil, "\(pattern): \(name) is not a RouteParameter")
        }
        self.pattern = pattern
    }

    var components: [PathComponent] { pattern.pathComponents }

    /// The pattern with each `:parameter` replaced, in order, by `values`.
    fileprivate func fill(_ values: [CustomStringConvertible]) -> String {
        var remaining = values.makeIterator()
        var path = ""
        for part in pattern.split(separator: "/") {
            path += "/"
            guard part.first == ":" else { path += part; continue }
            let value = remaining.next()
            path += (value as? UUID)?.canonicalText ?? Route<Void>.escaped(value?.description ?? "")
        }
        return path.isEmpty ? "/" : path
    }
}

extension Route where Parameters == Void {
    func path() -> String { pattern }

    /// A value as one path segment. Ids and slugs pass as they are: pages
    /// build hundreds of links, and Foundation's percent-encoding is slow on Linux.
    static func escaped(_ value: String) -> String {
        let plain = value.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
        }
        return plain ? value : value.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/"])) ?? value
    }
}

extension Route where Parameters == UUID { func path(_ id: UUID) -> String { fill([id]) } }
extension Route where Parameters == String { func path(_ text: String) -> String { fill([text]) } }
extension Route where Parameters == (UUID, UUID) { func path(_ first: UUID, _ second: UUID) -> String { fill([first, second]) } }
extension Route where Parameters == (UUID, UUID, UUID) {
    func path(_ first: UUID, _ second: UUID, _ third: UUID) -> String { fill([first, second, third]) }
}
extension Route where Parameters == (String, UUID) { func path(_ text: String, _ id: UUID) -> String { fill([text, id]) } }

/// The names routes give their parameters; handlers read them by these, never by a string.
enum RouteParameter: String, CaseIterable {
    case token, organizationID, userID, tenantID, householdID, residentID, involvementID, consentID, goalID, actionID, openingID
    case assessmentID, referralID, tokenID, clientID, serviceID, mapOrganizationID, locationID, tenantSlug
    case taxonomyID, termID, serviceAtLocationID, indicatorID, noteID, agreementID, targetID
    case subscriptionID, outboxEventID, outgoingMailID, erasureRequestID, legalHoldID, conversationID, messageID, documentID, appointmentID, signalID, signalCaseID, signalUploadID
    case offerID, proposalID, placementID
}

extension Request {
    /// The id a route's parameter carries; nil when it is missing or not an id (a 404 to the caller).
    func id(_ parameter: RouteParameter) -> UUID? { parameters.get(parameter.rawValue, as: UUID.self) }

    /// A text parameter (a slug, a token) as it came.
    func text(_ parameter: RouteParameter) -> String? { parameters.get(parameter.rawValue) }
}

extension RoutesBuilder {
    @discardableResult
    func get<Parameters, Response: AsyncResponseEncodable>(
        _ route: Route<Parameters>, use closure: @Sendable @escaping (Request) async throws -> Response
    ) -> Vapor.Route {
        on(.GET, route.components, use: closure)
    }

    @discardableResult
    func post<Parameters, Response: AsyncResponseEncodable>(
        _ route: Route<Parameters>, maxBody: ByteCount? = nil, use closure: @Sendable @escaping (Request) async throws -> Response
    ) -> Vapor.Route {
        if let maxBody { LargeBodies.shared.register(route.pattern, max: maxBody.value) }
        return on(.POST, route.components, body: maxBody.map { .collect(maxSize: $0) } ?? .collect, use: closure)
    }
}
