import Domain
import Fluent
import SQLKit
import Vapor

struct PortalCodePage: Encodable { let name: String; let code: String; let activateURL: String; let backHref: String }
