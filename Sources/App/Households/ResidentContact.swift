import Domain
import Foundation

/// How to reach a resident, and whether the volunteers who do a step with
/// them may see it. Stored sealed on the resident, read back only here.
struct ResidentContact: Equatable {
    var phone: String?
    var email: String?
    var forVolunteers = false

    var isEmpty: Bool { phone == nil && email == nil }

    /// "06-12345678 · f.elamrani@example.nl", or nil when there is nothing to show.
    var line: String? { isEmpty ? nil : [phone, email].compactMap { $0 }.joined(separator: " · ") }
}

extension Resident {
    func contact(cipher: FieldCipher) -> ResidentContact {
        ResidentContact(phone: cipher.openOrNil(phoneEncrypted), email: cipher.openOrNil(emailEncrypted), forVolunteers: contactForVolunteers)
    }

    func setContact(_ contact: ResidentContact, cipher: FieldCipher) throws {
        phoneEncrypted = try contact.phone.map { try cipher.seal($0) }
        emailEncrypted = try contact.email.map { try cipher.seal($0) }
        contactForVolunteers = contact.forVolunteers
    }
}
