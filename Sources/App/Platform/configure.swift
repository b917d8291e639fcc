import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Leaf
import Vapor

/// Sets up an application for `config`; tests pass in-memory SQLite or a
/// PostgreSQL URL. Migrations are registered, not run (see `StartupCheck`).
public func configure(_ app: Application, config: AppConfig) async throws {
    app.config = config

    switch config.database {
    case .sqliteFile(let path):
        try EmbeddedDatabaseFile.prepare(path)
        app.databases.use(.sqlite(.file(path)), as: .sqlite)
    case .sqliteMemory: app.databases.use(.sqlite(.memory), as: .sqlite)
    case .postgres(let url): app.databases.use(try .postgres(url: url, maxConnectionsPerEventLoop: 4), as: .psql)
    }
    try await AnalyticsDatabase.use(config.readDatabaseURL, on: app)
    app.databases.middleware.use(TenantScopedWrites())
    app.accessLogBatcher = AccessLogBatcher(databases: app.databases, eventLoops: app.eventLoopGroup, logger: app.logger, key: config.keys.audit)
    app.auditCheckpointsWritten = .init(nil)

    app.passwords.use(.bcrypt(cost: config.bcryptCost))
    app.dummyPasswordHash = try app.password.hash(RandomToken.urlSafe())
    app.localizer = try Localizer.load(from: app.directory.resourcesDirectory + "Localization")
    app.localizer.marksMissingKeys = app.environment == .testing
    app.instruments = try InstrumentLibrary.load(from: app.directory.resourcesDirectory + "Instruments")
    try app.loadTalents()
    app.retentionRules = try RetentionRules.load(from: app.directory.resourcesDirectory + "Retention")
    (app.indicators, app.pillars) = try IndicatorLibrary.load(from: app.directory.resourcesDirectory)
    app.monitorTiles = MonitorTileCache()
    // After the indicators: a migration fills the monitor from their definitions.
    Migrations.register(on: app)

    app.views.use(.leaf)
    app.leaf.tags["t"] = TranslateTag(localizer: app.localizer)
    app.leaf.cache.isEnabled = app.environment.isRelease

    app.routes.defaultMaxBodySize = "1mb"
    // Order matters: headers wrap everything (errors too), then errors, then the rest.
    app.middleware = Middlewares()
    app.middleware.use(RequestLogMiddleware())
    app.middleware.use(SecurityHeadersMiddleware(behindTLS: config.behindTLS))
    app.middleware.use(AppErrorMiddleware())
    app.middleware.use(PublicFileMiddleware(publicDirectory: app.directory.publicDirectory))
    app.middleware.use(SessionMiddleware())
    app.middleware.use(BearerAuthMiddleware())
    app.middleware.use(LocaleMiddleware())
    app.middleware.use(CSRFMiddleware())

    try routes(app)
}

/// Every migration, in order. Never edit one that has landed: add a new one.
enum Migrations {
    static func register(on app: Application) {
        app.migrations.add(CreateTenants())
        app.migrations.add(CreateOrganizations())
        app.migrations.add(CreateUsers())
        app.migrations.add(CreateUserSessions())
        app.migrations.add(CreateLoginThrottles())
        app.migrations.add(CreateRecoveryCodes())
        app.migrations.add(CreateAccountLinks())
        app.migrations.add(CreateAccessLogEntries())
        app.migrations.add(CreateAccessLogHeads())
        app.migrations.add(CreateHouseholds())
        app.migrations.add(CreateResidents())
        app.migrations.add(CreateInvolvements())
        app.migrations.add(CreateConsents())
        app.migrations.add(CreateGoals())
        app.migrations.add(CreateNotes())
        app.migrations.add(CreateBreakTheGlassOpenings())
        app.migrations.add(CreatePlanActions())
        app.migrations.add(CreatePortalActivations())
        app.migrations.add(CreatePlanVersions())
        app.migrations.add(CreateRepresentations())
        app.migrations.add(UpdateHouseholdsAddReviewDate())
        app.migrations.add(UpdateOrganizationsAddPartOfMunicipality())
        app.migrations.add(CreateMapOrganizations())
        app.migrations.add(CreateServices())
        app.migrations.add(CreateReferrals())
        app.migrations.add(CreateNotifications())
        app.migrations.add(CreateApiClients())
        app.migrations.add(CreateApiTokens())
        app.migrations.add(CreateLookupIndexes())
        app.migrations.add(UpdateInvolvementsAddContactUser())
        app.migrations.add(CreateAssessments())
        app.migrations.add(CreateAssessmentScores())
        app.migrations.add(UpdateTenantsAddReassessmentMonths())
        app.migrations.add(CreateMapLocations())
        app.migrations.add(CreateMapContactDetails())
        app.migrations.add(UpdateTenantsAddPublicSocialMap())
        app.migrations.add(UpdateAccessLogTimelineIndex())
        app.migrations.add(UpdateInvolvementsIndexUnassigned())
        app.migrations.add(UpdateHouseholdsIndexNameID())
        app.migrations.add(UpdateReferralsIndexHouseholdReceiver())
        app.migrations.add(UpdateServicesAddRanking())
        app.migrations.add(UpdateInvolvementsIndexHouseholdOrganization())
        app.migrations.add(UpdateMapIndexesByService())
        app.migrations.add(UpdateReferralsIndexClosedByOrganization())
        app.migrations.add(UpdateUsersAddTOTPLastStep())
        app.migrations.add(UpdateAccessLogHeadsAddKeyed())
        app.migrations.add(UpdateBreakTheGlassOpeningsAddVerdict())
        app.migrations.add(UpdateReferralEventsAddNote())
        app.migrations.add(UpdateResidentsAddContact())
        app.migrations.add(UpdateUsersAddWorkContact())
        app.migrations.add(UpdateInvolvementsAddUpdatedAt())
        app.migrations.add(UpdateConsentsAddUpdatedAt())
        app.migrations.add(CreateMonitorChangeIndexes())
        app.migrations.add(CreateMonitorHouseholds())
        app.migrations.add(CreateMonitorCells())
        app.migrations.add(CreateMonitorCellValues())
        app.migrations.add(CreateMonitorRefreshes())
        app.migrations.add(UpdateUsersAddIsManager())
        app.migrations.add(CreateMonitorIndicatorSettings())
        app.migrations.add(CreateImpactAgreements())
        app.migrations.add(CreateImpactAgreementTargets())
        app.migrations.add(CreateMonitorNotes())
        app.migrations.add(FillMonitorSpreads(catalog: app.indicators))
        app.migrations.add(KeyTablesByTenant())
        app.migrations.add(CreatePortalCodes())
        app.migrations.add(CreateJobLeases())
        app.migrations.add(UpdateReferralsIndexReceiverDue())
        app.migrations.add(CreateEventSubscriptions())
        app.migrations.add(CreateOutboxEvents())
        app.migrations.add(CreateOutgoingMails())
        app.migrations.add(UpdateUsersAddMailPreference())
        app.migrations.add(UpdateOrganizationsAddIntakeEmail())
        app.migrations.add(CreateReminders())
        app.migrations.add(CreateRetentionSettings())
        app.migrations.add(CreateLegalHolds())
        app.migrations.add(CreateErasureRequests())
        app.migrations.add(UpdateHouseholdsAddAnonymisedAt())
        app.migrations.add(UpdateAssessmentsIndexAssessedOn())
        app.migrations.add(CreateConversations())
        app.migrations.add(CreateMessages())
        app.migrations.add(CreateMessageRevisions())
        app.migrations.add(CreateConversationParticipants())
        app.migrations.add(CreateDocuments())
        app.migrations.add(CreateAppointments())
        app.migrations.add(UpdateOrganizationsAddHandlesSignals())
        app.migrations.add(CreateSignalTables())
        app.migrations.add(CreateSignalUploads())
        app.migrations.add(CreateSignalSettings())
        app.migrations.add(UpdateSignalCasesAddMonitoring())
        app.migrations.add(CreateSignalCaseIndexes())
        app.migrations.add(UpdateSignalCasesAddQueueKey())
        app.migrations.add(CreateParticipationProfiles())
        app.migrations.add(CreateParticipationOffers())
        app.migrations.add(CreateParticipationProposals())
        app.migrations.add(CreateParticipationPlacements())
    }
}
