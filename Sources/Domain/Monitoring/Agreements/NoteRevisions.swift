import Foundation

/// A note that is never overwritten: an edit adds a revision that replaces
/// the one it was made from, so every earlier wording stays on record and
/// two edits of the same revision cannot both land.
public struct NoteRevision: Hashable, Sendable {
    public let id: UUID
    /// The revision this one replaces; nil for a note's first wording.
    public let replaces: UUID?
    public let createdAt: Date

    public init(id: UUID, replaces: UUID?, createdAt: Date) {
        (self.id, self.replaces, self.createdAt) = (id, replaces, createdAt)
    }
}

/// The current wording of each note in a thread, in the order the notes
/// were first written.
public struct CurrentNote: Hashable, Sendable {
    public let current: NoteRevision
    /// When the note was first written (its first revision's time).
    public let postedAt: Date
    /// How many revisions came before the current one.
    public let edits: Int
}

public enum NoteRevisions {
    /// The thread as it reads now: each chain's last revision. A chain
    /// split by a race (two successors of one revision) cannot happen where
    /// storage enforces one successor; if it did, both are kept, never one lost.
    public static func current(_ revisions: [NoteRevision]) -> [CurrentNote] {
        let byID = Dictionary(revisions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let replaced = Set(revisions.compactMap(\.replaces))
        return revisions.filter { !replaced.contains($0.id) }.map { tip in
            var first = tip, edits = 0
            while let earlier = first.replaces.flatMap({ byID[$0] }), edits < revisions.count {
                first = earlier
                edits += 1
            }
            return CurrentNote(current: tip, postedAt: first.createdAt, edits: edits)
        }
        .sorted { ($0.postedAt, $0.current.id.uuidString) < ($1.postedAt, $1.current.id.uuidString) }
    }
}
