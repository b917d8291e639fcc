import Domain
import Fluent
import Vapor

struct GoalForm: Content {
    var domain: String?
    var title: String?
    var target: String?
    var status: String?
    var version: Int?

    init(domain: String? = nil, title: String? = nil, target: String? = nil, status: String? = nil, version: Int? = nil) {
        self.domain = domain
        self.title = title
        self.target = target
        self.status = status
        self.version = version
    }

    init(_ goal: Goal) {
        self.init(domain: goal.domain, title: goal.title, target: goal.target, status: goal.status, version: goal.version)
    }
}
