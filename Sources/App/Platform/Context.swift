import Domain
import Fluent
import NIOConcurrencyHelpers
import Vapor

/// What building a page or making a change needs, without HTTP: the
/// database, who acts, in which language, the keys, the clock, and the source
/// the access log records. A handler takes one from its request
/// (`req.context()`); a test makes one from fixed values, so a page model can
/// be built and checked without a server.
struct Context: Sendable, Speaking {
    let db: any Database
    let actor: Actor
    let locale: AppLocale
    let localizer: Localizer
    let keys: Keys
    let instruments: InstrumentCatalog
    /// Today in Dutch time (`yyyy-MM-dd`) and now: fixed in tests.
    let today: String
    let now: Date
    /// Where an access-log entry says the event came from ("web 192.0.2.1").
    let source: String
    let accessLog: AccessLogBatcher
    /// Where others reach this Samenspel: events name their objects by it.
    var publicURL = "http://127.0.0.1:8080"
    /// The talent taxonomy, for words instead of codes.
    var talents = TalentTaxonomy(version: 0, groups: [])
    private var memo = Memo()

    init(db: any Database, actor: Actor, locale: AppLocale, localizer: Localizer, keys: Keys, instruments: InstrumentCatalog,
         today: String, now: Date, source: String, accessLog: AccessLogBatcher) {
        (self.db, self.actor, self.locale, self.localizer, self.keys, self.instruments) = (db, actor, locale, localizer, keys, instruments)
        (self.today, self.now, self.source, self.accessLog) = (today, now, source, accessLog)
    }

    /// The same context on another database handle (a transaction).
    func on(_ db: any Database) -> Context {
        var copy = Context(db: db, actor: actor, locale: locale, localizer: localizer, keys: keys, instruments: instruments,
                           today: today, now: now, source: source, accessLog: accessLog)
        copy.memo = memo
        (copy.publicURL, copy.talents) = (publicURL, talents)
        return copy
    }

    var cipher: FieldCipher { FieldCipher(key: keys.field) }

    /// `Organization.names`, read once per context: one page asks for them in
    /// several of its parts (team, consents, timeline).
    func organizationNames(in tenantID: UUID) async throws -> [UUID: String] {
        if let cached = memo.names.withLockedValue({ $0 }), cached.tenantID == tenantID { return cached.names }
        let names = try await Organization.names(in: tenantID, on: db)
        memo.names.withLockedValue { $0 = (tenantID, names) }
        return names
    }

    /// Logs an event done by the actor: in the caller's transaction when `db`
    /// is given (the entry and the change go together or not at all), else
    /// batched.
    func audit(
        _ event: String, outcome: AuditRecord.Outcome, basis: AccessBasis, subjectID: UUID? = nil, purpose: String? = nil,
        objectType: String? = nil, objectID: String? = nil, on db: (any Database)? = nil
    ) async throws {
        let record = AuditRecord(
            occurredAt: Date(), event: event, outcome: outcome, tenantID: actor.tenantID, userID: actor.userID,
            userName: actor.username, organizationID: actor.organizationID, role: actor.role.rawValue,
            subjectID: subjectID, purpose: purpose, basis: basis, objectType: objectType, objectID: objectID, source: source
        )
        if let db {
            try await AccessLogger.append(record, key: keys.audit, on: db)
        } else {
            try await accessLog.append(record)
        }
    }

    /// Logs a change to the opened household under the basis that allowed it:
    /// a partner writing under consent, or anyone under an emergency opening,
    /// is logged as such, never as an involvement it does not have.
    func auditChange(
        _ event: String, in opened: ResidentAccess.Opened, purpose: String? = nil,
        objectType: String, objectID: String?, on db: any Database
    ) async throws {
        try await audit(event, outcome: .success, basis: opened.basis, subjectID: opened.household.id, purpose: purpose,
                        objectType: objectType, objectID: objectID, on: db)
    }

    private final class Memo: Sendable {
        let names = NIOLockedValueBox<(tenantID: UUID, names: [UUID: String])?>(nil)
    }
}

extension Request {
    private struct ContextKey: StorageKey { typealias Value = Context }

    /// This request's context, made once, for a signed-in actor (a 401 otherwise).
    func context() throws -> Context {
        if let made = storage[ContextKey.self] { return made }
        var made = Context(
            db: db, actor: try requireActor(), locale: locale, localizer: application.localizer, keys: application.config.keys,
            instruments: application.instruments, today: Day.today(), now: Date(), source: "web \(clientAddress)",
            accessLog: application.accessLogBatcher
        )
        (made.publicURL, made.talents) = (application.config.publicURL, application.talents)
        storage[ContextKey.self] = made
        return made
    }
}
