import Domain
import Fluent
import Vapor

struct HomePage: Encodable {
    struct Tile: Encodable { let href: String; let title: String; let text: String }
    let greeting: String
    let tenant: String
    let tiles: [Tile]
}
