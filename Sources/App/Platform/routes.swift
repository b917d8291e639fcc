import Domain
import Vapor

/// Registers every route, grouped by who may use it.
func routes(_ app: Application) throws {
    Operations.register(app)
    LoginController().register(app)
    SecondFactorController().register(app)
    AccountLinkController().register(app)
    PublicSocialMapController().register(app)
    HSDSController().register(app)

    let signedIn = app.grouped(RequireLogin())
    HomeController().register(signedIn)
    AccountController().register(signedIn)
    HouseholdController().register(signedIn)
    WorklistController().register(signedIn)
    TeamController().register(signedIn)
    MemberController().register(signedIn)
    ConsentController().register(signedIn)
    GoalController().register(signedIn)
    PlanController().register(signedIn)
    NoteController().register(signedIn)
    ActionController().register(signedIn)
    MyActionsController().register(signedIn)
    PortalController().register(signedIn)
    PortalActivationController().register(public: app, signedIn: signedIn)
    BreakTheGlassController().register(signedIn)
    SocialMapController().register(signedIn)
    ServiceEditController().register(signedIn)
    ProviderController().register(signedIn)

    let tenantAdmin = app.grouped(RequireLogin(roles: [.tenantAdmin, .platformAdmin]))
    OrganizationController().register(tenantAdmin)
    UserController().register(tenantAdmin)
    SocialMapAdminController().register(tenantAdmin)

    TenantController().register(app.grouped(RequireLogin(roles: [.platformAdmin])))
    let privacyOfficer = app.grouped(RequireLogin(roles: [.privacyOfficer]))
    AccessLogController().register(privacyOfficer)
    BreakTheGlassReviewController().register(privacyOfficer)
}
