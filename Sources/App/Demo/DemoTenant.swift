@preconcurrency import Crypto
import Domain
import Fluent
import Foundation
import Vapor

/// "Gemeente Voorbeeld": a demo tenant with an organisation of every kind and
/// one user per role. Demo logins are fixed and public, so they may only ever
/// live in a tenant marked as a demo; running it twice changes nothing.
enum DemoTenant {
    static let slug = "voorbeeld"
    static let name = "Gemeente Voorbeeld"

    struct Login: Codable, Sendable {
        let username: String
        let password: String
        let role: String
        let organization: String?
        let totpSecret: String?
    }

    static let organizations: [(OrganizationKind, String, String?)] = [
        (.municipalSocialServices, "Gemeente Voorbeeld – Werk en Inkomen", "12345678"),
        (.socialTeam, "Sociaal Team Voorbeeld", nil),
        (.debtHelp, "Schuldhulp Voorbeeld", nil),
        (.welfare, "Welzijn Voorbeeld", "23456789"),
        (.care, "Zorggroep De Linde", "34567890"),
        (.housing, "Woonstichting Thuis", "45678901"),
        (.school, "Openbare Basisschool De Regenboog", nil),
        (.employer, "Buurtsuper De Hoek", "56789012"),
        (.volunteer, "Vrijwilligerscentrale Voorbeeld", nil),
        (.citizenInitiative, "Buurtkamer De Ontmoeting", nil),
        (.energy, "Energie Voorbeeld", "67890123"),
        (.water, "Waterbedrijf Voorbeeld", "78901234"),
        (.healthInsurer, "Zorgverzekeraar Voorbeeld", "89012345"),
    ]

    /// (role, username, display name, organisation kind)
    static let people: [(Role, String, String, OrganizationKind?)] = [
        (.resident, "inwoner", "Fatima El Amrani", nil),
        (.professional, "professional", "Sanne de Vries", .socialTeam),
        (.professional, "schuldhulp", "Mohammed Bouzid", .debtHelp),
        (.professional, "welzijn", "Yvonne de Groot", .welfare),
        (.professional, "teamleider", "Esther de Boer", .socialTeam),
        (.professional, "woonstichting", "Jeroen Kramer", .housing),
        (.professional, "werkgever", "Karim Haddou", .employer),
        (.volunteer, "vrijwilliger", "Henk Jansen", .volunteer),
        (.analyst, "analist", "Pieter Bakker", nil),
        (.privacyOfficer, "privacy", "Anouk Visser", nil),
        (.tenantAdmin, "beheerder", "Ruben Smit", nil),
        (.platformAdmin, "platformbeheer", "Lotte Mulder", nil),
    ]

    /// Demo professionals marked as manager of their organisation: they read its monitor.
    static let managers: Set<String> = ["teamleider"]

    static let mailDomain = "demo.samenspel.invalid"

    static func password(for username: String) -> String { "demo-\(username)-2026" }

    /// A stable secret per demo user, so the printed logins stay valid.
    static func totpSecret(for username: String) -> String {
        let digest = KeyedHash(key: .init(data: Data("samenspel-demo".utf8))).hex(username, purpose: "demo-totp")
        return Base32.encode(Array(digest.utf8.prefix(20)))
    }

    @discardableResult
    static func seed(app: Application) async throws -> [Login] {
        let db = app.db
        let cipher = FieldCipher(key: app.config.keys.field)
        return try await db.transaction { tx in
            let tenant = try await Tenant.query(on: tx).filter(\.$slug == slug).first() ?? Tenant(name: name, slug: slug, isDemo: true)
            guard tenant.isDemo else { throw DemoError.slugTakenByRealTenant }
            if tenant.id == nil { try await tenant.create(on: tx) }
            let tenantID = try tenant.requireID()

            var byKind: [OrganizationKind: Organization] = [:]
            for (kind, orgName, kvk) in organizations {
                let existing = try await Organization.scoped(to: tenantID, on: tx).filter(\.$name == orgName).first()
                let organization = existing ?? Organization(tenantID: tenantID, name: orgName, kind: kind, kvkNumber: kvk)
                if existing == nil {
                    // Mail to the demo goes nowhere real: `.invalid` is reserved for that.
                    organization.intakeEmail = "aanmelding-\(kind.rawValue)@\(mailDomain)"
                    try await organization.create(on: tx)
                }
                byKind[kind] = organization
            }

            var logins: [Login] = []
            var users: [String: User] = [:]
            for (role, username, displayName, kind) in people {
                let organization = kind.flatMap { byKind[$0] }
                let user = try await User.query(on: tx).filter(\.$username == username).first()
                    ?? User(tenantID: tenantID, organizationID: organization?.id, username: username, displayName: displayName, role: role)
                guard user.tenantID == tenantID else { throw DemoError.usernameTakenElsewhere(username) }
                let password = password(for: username)
                if user.passwordHash == nil || !((try? app.password.verify(password, created: user.passwordHash ?? "")) ?? false) {
                    user.passwordHash = try app.password.hash(password)
                }
                let secret = role.requiresSecondFactor ? totpSecret(for: username) : nil
                if let secret, cipher.openOrNil(user.totpSecret) != secret {
                    user.totpSecret = try cipher.seal(secret)
                }
                user.isActive = true
                if role == .professional, user.workEmail == nil { user.workEmail = "\(username)@\(mailDomain)" }
                user.isManager = managers.contains(username)
                try await user.save(on: tx)
                users[username] = user
                logins.append(Login(username: username, password: password, role: role.rawValue, organization: organization?.name, totpSecret: secret))
            }
            try await DemoHousehold.seed(tenantID: tenantID, organizations: byKind, users: users, cipher: cipher, on: tx)
            try await DemoAssessments.seed(tenantID: tenantID, users: users, catalog: app.instruments, cipher: cipher, on: tx)
            try await DemoAgreements.seed(tenantID: tenantID, organizations: byKind, users: users, on: tx)
            try await DemoSignals.seed(tenantID: tenantID, organizations: byKind, keys: app.config.keys, on: tx)
            if try await DemoSocialMap.seed(tenantID: tenantID, organizations: byKind, on: tx) {
                tenant.publicSocialMap = true
                try await tenant.save(on: tx)
            }
            try await DemoParticipation.seed(tenantID: tenantID, talents: app.talents, users: users, cipher: cipher, on: tx)
            return logins
        }
    }

    enum DemoError: Error, CustomStringConvertible {
        case slugTakenByRealTenant
        case usernameTakenElsewhere(String)

        var description: String {
            switch self {
            case .slugTakenByRealTenant: "a tenant '\(DemoTenant.slug)' exists and is not a demo; demo logins are never added to a real tenant"
            case .usernameTakenElsewhere(let name): "the username '\(name)' belongs to another tenant"
            }
        }
    }
}
