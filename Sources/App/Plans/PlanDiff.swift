import Foundation

/// What changed between two versions of a plan, goal by goal: the basis of
/// "compare any two versions" and of "changed since it was signed".
enum PlanDiff {
    struct Change: Encodable, Equatable {
        enum Kind: String, Encodable { case added, removed, changed }
        let kind: Kind
        let title: String
        let details: [String]
    }

    /// With `progress` false only the agreement counts — goals, targets and
    /// the steps with their owners — not how far the steps have come: ticking
    /// a step off does not change what the resident signed.
    static func compare(_ old: [PortalData.GoalItem], _ new: [PortalData.GoalItem], progress: Bool = true) -> [Change] {
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
            if progress, previous.status != goal.status { details.append("\(previous.status) → \(goal.status)") }
            let oldActions = Dictionary(previous.actions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            for action in goal.actions {
                if let was = oldActions[action.id] {
                    if progress, was.status != action.status { details.append("\(action.description): \(was.status) → \(action.status)") }
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

extension PlanVersion {
    /// The signed plan, as it was signed; nil for a snapshot that no longer reads.
    var goals: [PortalData.GoalItem]? { try? JSONDecoder().decode([PortalData.GoalItem].self, from: Data(snapshot.utf8)) }

    /// Whether the plan as it is now is still what this version agreed.
    func stillAgrees(with now: [PortalData.GoalItem]) -> Bool {
        goals.map { PlanDiff.compare($0, now, progress: false).isEmpty } ?? false
    }
}
