import Domain
import Fluent
import Vapor

struct PlanVersionsPage: Encodable {
    let backHref: String
    let action: String
    let versions: [Option]
    let toOptions: [Option]
    let fromLabel: String
    let toLabel: String
    let changes: [ChangeRow]
    let compared: Bool

    struct ChangeRow: Encodable { let label: String; let title: String; let details: [String] }
}
