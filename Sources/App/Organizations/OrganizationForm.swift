import Domain
import Foundation
import Vapor

/// What the organisation form sends, and its validation.
struct OrganizationForm: Content {
    var name: String?
    var kind: String?
    var kvk_number: String?
    var intake_email: String?
    var part_of_municipality: String?
    var version: Int?

    struct Valid {
        let name: String
        let kind: OrganizationKind
        let kvkNumber: String?
        let intakeEmail: String?
        let partOfMunicipality: Bool
    }

    func validate() -> Result<Valid, ValidationFailure> {
        var validator = FormValidator()
        let name = validator.text("name", name, maxLength: 120)
        let kind = kind.flatMap(OrganizationKind.init(rawValue:))
        if kind == nil { validator.add("kind", "validation.choose_option") }
        var kvk: String?
        if let raw = validator.text("kvk_number", kvk_number, required: false, maxLength: 20) {
            kvk = KvKNumber(raw)?.value
            if kvk == nil { validator.add("kvk_number", "validation.kvk_invalid") }
        }
        let intakeEmail = validator.email("intake_email", intake_email)
        guard validator.isValid, let name, let kind else { return .failure(ValidationFailure(issues: validator.issues)) }
        return .success(Valid(name: name, kind: kind, kvkNumber: kvk, intakeEmail: intakeEmail, partOfMunicipality: part_of_municipality == "on"))
    }
}

struct ValidationFailure: Error { let issues: [ValidationIssue] }
