import Domain
import Vapor

/// Every page and endpoint, in one place: routes are registered from these
/// cases and links are built from them, so a link cannot point at a route
/// that moved.
enum SiteRoute: String, CaseIterable {
    case home = "/"
    case health = "/health"
    case ready = "/ready"
    case metrics = "/metrics"

    case login = "/login"
    case logout = "/logout"
    case secondFactor = "/login/second-factor"
    case enrol = "/login/enrol"
    case recoveryCodes = "/login/recovery-codes"
    case accountLink = "/account-links/:token"
    case accountPassword = "/account/password"
    case accountLanguage = "/account/language"

    case organizations = "/admin/organizations"
    case organizationNew = "/admin/organizations/new"
    case organization = "/admin/organizations/:organizationID"
    case users = "/admin/users"
    case userNew = "/admin/users/new"
    case user = "/admin/users/:userID"
    case userDeactivate = "/admin/users/:userID/deactivate"
    case userReactivate = "/admin/users/:userID/reactivate"
    case userReset = "/admin/users/:userID/reset"

    case tenants = "/platform/tenants"
    case tenantNew = "/platform/tenants/new"
    case tenantDeactivate = "/platform/tenants/:tenantID/deactivate"
    case tenantReactivate = "/platform/tenants/:tenantID/reactivate"

    case accessLog = "/privacy/access-log"

    case worklist = "/worklist"
    case households = "/households"
    case householdNew = "/households/new"
    case household = "/households/:householdID"
    case members = "/households/:householdID/members"
    case representatives = "/households/:householdID/representatives"
    case residentBSN = "/households/:householdID/residents/:residentID/bsn"
    case involvements = "/households/:householdID/involvements"
    case involvementEnd = "/households/:householdID/involvements/:involvementID/end"
    case involvementContact = "/households/:householdID/involvements/:involvementID/contact"
    case consents = "/households/:householdID/consents"
    case consentWithdraw = "/households/:householdID/consents/:consentID/withdraw"
    case goals = "/households/:householdID/goals"
    case goal = "/households/:householdID/goals/:goalID"
    case notes = "/households/:householdID/notes"
    case planReview = "/households/:householdID/plan/review"
    case planPaperSignature = "/households/:householdID/plan/paper-signature"
    case planVersions = "/households/:householdID/plan/versions"
    case actions = "/households/:householdID/goals/:goalID/actions"
    case actionStatus = "/households/:householdID/goals/:goalID/actions/:actionID/status"
    case portalCode = "/households/:householdID/residents/:residentID/portal-code"
    case portalActivate = "/portal/activate"
    case portal = "/portal"
    case portalAction = "/portal/actions"
    case portalActionDone = "/portal/actions/:actionID/done"
    case portalSign = "/portal/sign"
    case portalComment = "/portal/comments"
    case portalConsents = "/portal/consents"
    case portalConsentWithdraw = "/portal/consents/:consentID/withdraw"
    case portalAccessLog = "/portal/who-looked"
    case portalExportJSON = "/portal/my-data.json"
    case portalExportHTML = "/portal/my-data"
    case myActions = "/my-actions"
    case myActionDone = "/my-actions/:actionID/done"
    case breakTheGlass = "/households/:householdID/break-the-glass"
    case breakTheGlassReviews = "/privacy/break-the-glass"
    case breakTheGlassReview = "/privacy/break-the-glass/:openingID"
    case assessmentNew = "/households/:householdID/residents/:residentID/assessments/new"
    case assessments = "/households/:householdID/residents/:residentID/assessments"
    case portalAssessmentNew = "/portal/assessments/new"
    case portalAssessments = "/portal/assessments"
    case tenantSettings = "/admin/settings"
    case apiInstruments = "/api/v1/instruments"
    case apiHouseholdAssessments = "/api/v1/households/:householdID/assessments"
    case apiAssessment = "/api/v1/assessments/:assessmentID"

    case referralNew = "/households/:householdID/goals/:goalID/referrals/new"
    case goalReferrals = "/households/:householdID/goals/:goalID/referrals"
    case referrals = "/referrals"
    case referral = "/referrals/:referralID"
    case referralStatus = "/referrals/:referralID/status"
    case referralRedirect = "/referrals/:referralID/redirect"
    case notifications = "/notifications"
    case apiReferralFHIR = "/api/v1/referrals/:referralID/fhir"
    case oauthToken = "/api/v1/oauth/token"
    case openAPI = "/api/v1/openapi.json"
    case apiTokens = "/account/api-tokens"
    case apiTokenRevoke = "/account/api-tokens/:tokenID/revoke"
    case apiClients = "/admin/api-clients"
    case apiClientRevoke = "/admin/api-clients/:clientID/revoke"

    case socialMap = "/social-map"
    case socialMapService = "/social-map/services/:serviceID"
    case socialMapServiceNew = "/social-map/services/new"
    case socialMapServices = "/social-map/services"
    case socialMapServiceEdit = "/social-map/services/:serviceID/edit"
    case socialMapProviders = "/social-map/providers"
    case socialMapProviderNew = "/social-map/providers/new"
    case socialMapProvider = "/social-map/providers/:mapOrganizationID"
    case socialMapLocations = "/social-map/providers/:mapOrganizationID/locations"
    case socialMapLocationDelete = "/social-map/providers/:mapOrganizationID/locations/:locationID/delete"
    case socialMapAdmin = "/admin/social-map"
    case socialMapPublish = "/admin/social-map/public"
    case socialMapImport = "/admin/social-map/import"
    case socialMapExport = "/admin/social-map/export.json"
    case socialMapExportCSV = "/admin/social-map/export.csv"
    case publicSocialMap = "/t/:tenantSlug/sociale-kaart"
    case publicService = "/t/:tenantSlug/sociale-kaart/:serviceID"

    case hsdsRoot = "/hsds"
    case hsdsServices = "/hsds/services"
    case hsdsService = "/hsds/services/:serviceID"
    case hsdsOrganizations = "/hsds/organizations"
    case hsdsOrganization = "/hsds/organizations/:mapOrganizationID"
    case hsdsTaxonomies = "/hsds/taxonomies"
    case hsdsTaxonomy = "/hsds/taxonomies/:taxonomyID"
    case hsdsTaxonomyTerms = "/hsds/taxonomy_terms"
    case hsdsTaxonomyTerm = "/hsds/taxonomy_terms/:termID"
    case hsdsServiceAtLocations = "/hsds/service_at_locations"
    case hsdsServiceAtLocation = "/hsds/service_at_locations/:serviceAtLocationID"

    var components: [PathComponent] { rawValue.pathComponents }

    /// The path with each `:parameter` replaced, in order, by `values`.
    func path(_ values: CustomStringConvertible...) -> String {
        var remaining = values.makeIterator()
        var path = ""
        for part in rawValue.split(separator: "/") {
            path += "/"
            guard part.first == ":" else { path += part; continue }
            let value = remaining.next()
            path += (value as? UUID)?.canonicalText ?? Self.escaped(value?.description ?? "")
        }
        return path.isEmpty ? "/" : path
    }

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

extension RoutesBuilder {
    @discardableResult
    func get<Response: AsyncResponseEncodable>(
        _ route: SiteRoute, use closure: @Sendable @escaping (Request) async throws -> Response
    ) -> Route {
        on(.GET, route.components, use: closure)
    }

    @discardableResult
    func post<Response: AsyncResponseEncodable>(
        _ route: SiteRoute, use closure: @Sendable @escaping (Request) async throws -> Response
    ) -> Route {
        on(.POST, route.components, use: closure)
    }
}
