import Domain
import Foundation
import Vapor

/// A new household with its first resident, as the intake form sends it.
struct IntakeForm: Content {
    var given_name: String?
    /// Set when the intake starts from an early-signal case whose people accepted help (issue 23).
    var signal_case_id: String?
    var family_name: String?
    var birth_date: String?
    var bsn: String?
    var phone: String?
    var email: String?
    /// "on" when the resident wants volunteers who do a step with them to see phone and e-mail.
    var contact_for_volunteers: String?
    var street: String?
    var postcode: String?
    var city: String?
    var neighbourhood_code: String?
    /// Life domains the registering organisation will work on.
    var domains: [String]?
    /// For partner organisations: the resident consents to sharing those domains with them.
    var consent_method: String?
    var consent_purpose: String?
    /// Create even though a resident with this name and birth date exists.
    var confirm_duplicate: String?

    struct Valid {
        let givenName: String
        let familyName: String
        let birthDate: String
        let bsn: BSN?
        let contact: ResidentContact
        let street: String
        let postcode: String
        let city: String
        let neighbourhoodCode: String?
        let domains: Set<LifeDomain>
        let consentMethod: ConsentMethod?
        let consentPurpose: String?
    }

    func validate(partner: Bool, today: String) -> Result<Valid, ValidationFailure> {
        var validator = FormValidator()
        let givenName = validator.text("given_name", given_name, maxLength: 100)
        let familyName = validator.text("family_name", family_name, maxLength: 100)
        var birthDate: String?
        if let raw = validator.text("birth_date", birth_date, maxLength: 12) {
            birthDate = validator.day("birth_date", raw)?.iso
            if let day = birthDate, day > today { validator.add("birth_date", "validation.birth_in_future"); birthDate = nil }
            else if let day = birthDate, day < "1900-01-01" { validator.add("birth_date", "validation.date_invalid"); birthDate = nil }
        }
        var bsnValue: BSN?
        if let raw = validator.text("bsn", bsn, required: false, maxLength: 20) {
            bsnValue = BSN(raw)
            if bsnValue == nil { validator.add("bsn", "validation.bsn_invalid") }
        }
        let contact = ResidentContact(phone: validator.phone("phone", phone), email: validator.email("email", email),
                                      forVolunteers: contact_for_volunteers == "on")
        let street = validator.text("street", street, maxLength: 120)
        var postcodeValue: String?
        if let raw = validator.text("postcode", postcode, maxLength: 10) {
            postcodeValue = Postcode.normalized(raw)
            if postcodeValue == nil { validator.add("postcode", "validation.postcode_invalid") }
        }
        let city = validator.text("city", city, maxLength: 80)
        let neighbourhood = validator.text("neighbourhood_code", neighbourhood_code, required: false, maxLength: 20)
        let chosen = Set((domains ?? []).compactMap(LifeDomain.init(rawValue:)))
        if chosen.isEmpty { validator.add("domains", "validation.domains_required") }
        var method: ConsentMethod?
        var purpose: String?
        if partner {
            method = consent_method.flatMap(ConsentMethod.init(rawValue:))
            if method == nil || method == .portal { validator.add("consent_method", "validation.consent_required") }
            purpose = validator.text("consent_purpose", consent_purpose, maxLength: 200)
        }
        guard validator.isValid, let givenName, let familyName, let birthDate, let street, let postcodeValue, let city else {
            return .failure(ValidationFailure(issues: validator.issues))
        }
        return .success(Valid(
            givenName: givenName, familyName: familyName, birthDate: birthDate, bsn: bsnValue, contact: contact,
            street: street, postcode: postcodeValue, city: city, neighbourhoodCode: neighbourhood,
            domains: chosen, consentMethod: method, consentPurpose: purpose
        ))
    }
}

/// Dutch postcodes: four digits (not starting with 0) and two letters.
enum Postcode {
    static func normalized(_ raw: String) -> String? {
        let compact = raw.uppercased().filter { !$0.isWhitespace }
        guard compact.count == 6 else { return nil }
        let digits = compact.prefix(4), letters = compact.suffix(2)
        guard digits.allSatisfy({ $0.isASCII && $0.isNumber }), digits.first != "0",
              letters.allSatisfy({ $0.isASCII && $0.isLetter })
        else { return nil }
        return "\(digits) \(letters)"
    }
}
