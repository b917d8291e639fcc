import Domain
import Fluent
import Vapor

struct SocialMapImportForm: Content {
    var package: File?
    var package_text: String?
    var tables: [File]?
}
