import Domain
import Fluent
import Vapor

struct IntakePage: Encodable {
    let action: String
    let values: IntakeForm
    let domains: [Option]
    let methods: [Option]
    let partner: Bool
    let errors: FormErrors
    let duplicate: IntakeDuplicate?
}
