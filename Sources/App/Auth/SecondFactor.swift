@preconcurrency import Crypto
import Domain
import Foundation
import Vapor
import Fluent
import SQLKit

/// TOTP (RFC 6238, SHA-1, 6 digits, 30 s) as authenticator apps implement it,
/// on Vapor's OTP implementation; secrets are kept encrypted at rest.
struct SecondFactor {
    let cipher: FieldCipher

    static func newSecret() -> String {
        Base32.encode((0..<20).map { _ in UInt8.random(in: .min ... .max) })
    }

    /// Accepts the code of this 30-second step and of one step either side,
    /// for clocks that drift.
    static func verify(code: String, secret: String, at time: Date = Date()) -> Bool {
        step(of: code, secret: secret, at: time) != nil
    }

    /// The time step whose code `code` is (this one or one either side), or nil.
    static func step(of code: String, secret: String, at time: Date = Date()) -> Int64? {
        let digits = code.filter(\.isNumber)
        guard digits.count == 6, let key = Base32.decode(secret) else { return nil }
        let totp = TOTP(key: SymmetricKey(data: key), digest: .sha1, digits: .six, interval: 30)
        let now = Int64(time.timeIntervalSince1970) / 30
        return [now, now - 1, now + 1].first { totp.generate(time: Date(timeIntervalSince1970: TimeInterval($0 * 30))) == digits }
    }

    /// Spends `step` for the user: true only for a step later than any
    /// accepted before, in one conditional update, so a code works once even
    /// when two sign-ins race with it.
    static func spend(step: Int64, userID: UUID, on db: any Database) async throws -> Bool {
        try await db.sql.raw("""
            UPDATE users SET totp_last_step = \(bind: step)
            WHERE id = \(bind: userID) AND (totp_last_step IS NULL OR totp_last_step < \(bind: step)) RETURNING id
            """).first() != nil
    }

    static func code(secret: String, at time: Date = Date()) -> String? {
        guard let key = Base32.decode(secret) else { return nil }
        return TOTP(key: SymmetricKey(data: key), digest: .sha1, digits: .six, interval: 30).generate(time: time)
    }

    static func provisioningURI(secret: String, username: String, issuer: String = "Samenspel") -> String {
        let label = "\(issuer):\(username)".addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? username
        return "otpauth://totp/\(label)?secret=\(secret)&issuer=\(issuer)&algorithm=SHA1&digits=6&period=30"
    }

    func storedSecret(of user: User) -> String? {
        user.totpSecret.flatMap { try? cipher.open($0) }
    }

    func seal(_ secret: String) throws -> String { try cipher.seal(secret) }
}

extension Request {
    var secondFactor: SecondFactor { SecondFactor(cipher: FieldCipher(key: application.config.keys.field)) }
    var keyedHash: KeyedHash { KeyedHash(key: application.config.keys.session) }
}
