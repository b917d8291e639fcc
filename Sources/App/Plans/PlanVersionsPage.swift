import Domain
import Fluent
import Vapor

struct PlanVersionsPage: Encodable {
    let backHref: String
    let action: String
    /// The two versions to compare.
    let fromField: FormField
    let toField: FormField
    let fromLabel: String
    let toLabel: String
    let changes: [ChangeRow]
    let compared: Bool

    struct ChangeRow: Encodable { let label: String; let title: String; let details: [String] }
}
