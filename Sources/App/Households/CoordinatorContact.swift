import Domain
import Fluent
import Vapor

/// Who keeps a household's plan together and how to reach them at work:
/// the coordinating organisation, its contact person, their work phone and e-mail.
struct CoordinatorContact: Encodable {
    let organization: String
    let person: String?
    let phone: String?
    let email: String?

    static func of(_ lead: Involvement?, in context: Context) async throws -> CoordinatorContact? {
        guard let lead else { return nil }
        let organization = try await context.organizationNames(in: lead.tenantID)[lead.organizationID] ?? ""
        let person = try await lead.contactUserID.asyncFlatMap { try await User.select(in: lead.tenantID, where: "id = \(bind: $0)", limit: 1, on: context.db).first }
        return CoordinatorContact(organization: organization, person: person?.displayName, phone: person?.workPhone, email: person?.workEmail)
    }

    /// "020-1234567 · s.devries@gemeente.nl", or nil when the person set neither.
    var reach: String? {
        let parts = [phone, email].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }
}
