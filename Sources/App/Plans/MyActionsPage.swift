import Domain
import Fluent
import Vapor

struct MyActionsPage: Encodable {
    struct Row: Encodable { let description: String; let household: String; let due: String; let status: String; let doneAction: String? }
    let rows: [Row]
}
