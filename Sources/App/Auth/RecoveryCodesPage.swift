import Domain
import Fluent
import Vapor

struct RecoveryCodesPage: Encodable { let codes: [String] }
