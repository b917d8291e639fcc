import Domain
import Fluent
import SQLKit
import Vapor

struct PortalActivatePage: Encodable { let code: String; let username: String; let errors: FormErrors }
