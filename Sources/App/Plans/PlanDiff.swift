/// What changed between two versions of a plan, goal by goal: the basis of
/// "compare any two versions" and of "changed since it was signed".
enum PlanDiff {
    struct Change: Encodable, Equatable {
        enum Kind: String, Encodable { case added, removed, changed }
        let kind: Kind
        let title: String
        let details: [String]
    }

    static func compare(_ old: [PortalData.GoalItem], _ new: [PortalData.GoalItem]) -> [Change] {
        let before = Dictionary(old.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let after = Dictionary(new.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var changes: [Change] = []
        for goal in new {
            guard let previous = before[goal.id] else {
                changes.append(Change(kind: .added, title: goal.title, details: goal.actions.map(\.description)))
                continue
            }
            var details: [String] = []
            if previous.title != goal.title { details.append("\(previous.title) → \(goal.title)") }
            if previous.target != goal.target { details.append("\(previous.target) → \(goal.target)") }
            if previous.status != goal.status { details.append("\(previous.status) → \(goal.status)") }
            let oldActions = Dictionary(previous.actions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            for action in goal.actions {
                if let was = oldActions[action.id] {
                    if was.status != action.status { details.append("\(action.description): \(was.status) → \(action.status)") }
                } else {
                    details.append("+ \(action.description)")
                }
            }
            let newIDs = Set(goal.actions.map(\.id))
            details += previous.actions.filter { !newIDs.contains($0.id) }.map { "− \($0.description)" }
            if !details.isEmpty { changes.append(Change(kind: .changed, title: goal.title, details: details)) }
        }
        for goal in old where after[goal.id] == nil {
            changes.append(Change(kind: .removed, title: goal.title, details: []))
        }
        return changes
    }
}
