import Domain
import Fluent
import Vapor

struct ProviderFormPage: Encodable {
    struct Location: Encodable { let name: String; let address: String; let deleteAction: String }
    let action: String
    let isNew: Bool
    let isAdmin: Bool
    let name: String, description: String, email: String, website: String, phones: String
    let informal: Bool
    let organizations: [Option]
    let version: Int
    let errors: FormErrors
    let conflictName: String?
    let locations: [Location]
    let locationAction: String?
    let locationErrors: FormErrors
    let location: ProviderEditing.LocationForm
}
