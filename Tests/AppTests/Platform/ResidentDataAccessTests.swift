import Foundation
import Testing

/// DESIGN.md §3: no controller reads resident data around the choke point.
/// Resident rows are read through the opened household (`Sources/App/Access`),
/// so this test scans the other sources for a query of a resident table — a
/// Fluent query on one of its models or hand-written SQL naming one — and
/// fails on any it does not know the reason for.
@Suite("Resident data only through the access folder")
struct ResidentDataAccessTests {
    static let models = ["Household", "Resident", "Involvement", "Consent", "Goal", "PlanAction", "Note", "Assessment",
                         "AssessmentScore", "Referral", "Representation", "PlanVersion", "Conversation", "Message", "MessageRevision", "Document", "Appointment"]
    static let tables = ["households", "residents", "involvements", "consents", "goals", "plan_actions", "notes", "assessments",
                         "assessment_scores", "referrals", "representations", "plan_versions", "conversations", "messages", "message_revisions", "documents", "appointments"]

    /// Files that query resident tables for a reason other than reading one household.
    static let exceptions: [String: String] = [
        // Lists across households: each selects by the organisation's own active involvement
        // (or its received referrals) in SQL, shows names and dates only, and every row
        // opens through the choke point when followed; access is decided for all rows at once.
        "Households/Worklist.swift": "the caseload: households by the organisation's own involvement",
        "Households/HouseholdList.swift": "my households: by the organisation's own involvement",
        "Assessments/ReassessmentReminders.swift": "due reassessments in the caseload, per visible domain",
        "Referrals/Referral+Queries.swift": "referral queues by sending or receiving organisation",
        "Referrals/ReferralQueueController.swift": "the organisation's referral queues",
        // Creating a household, and finding out whether a person is already known (logged, rate-limited).
        "Households/HouseholdIntake.swift": "intake: creates the household; BSN and name lookups before any access exists",
        "Households/HouseholdController.swift": "search by BSN within the organisation's households, and the intake's duplicate notice",
        // The emergency opening itself, and the privacy officer's review of openings.
        "BreakTheGlass/BreakTheGlassController.swift": "an emergency opening must find the household before access exists",
        "BreakTheGlass/BreakTheGlassReviewController.swift": "the review names the households opened",
        "AccessLog/AccessLogController.swift": "the privacy officer's log names the households its entries are about",
        // A portal code links a resident to an account before that account can open anything.
        "Portal/PortalActivationController.swift": "activation: the code names the resident",
        // The monitor counts every household for aggregates; nothing it reads is shown per resident.
        "Monitoring/MonitorSources.swift": "the monitor derives aggregate facts from every household of the tenant",
        // Reminders find what fell due across households and tell the one person it concerns;
        // a notification names the household, never a domain, and its link opens through the choke point.
        "Mail/Reminders.swift": "overdue referrals and plan reviews due, for their requester or coordinator",
        // Erasure: finding a file's state and emptying every resident table of one household,
        // for the retention job and the privacy officer; nothing is shown but counts and a name.
        "Retention/HouseholdErasure.swift": "erases one household's file across the resident tables",
        "Retention/HouseholdFiles.swift": "when files closed, minors and legal holds, for retention",
        "Retention/Erasures.swift": "the privacy officer finds the household of a request by BSN",
        "Retention/ErasureController.swift": "the privacy officer's list of legal holds names their households",
        // Known debt, to move onto the opened household's readers next (issue: one access path).
    ]

    /// The resident-table queries in `source`, as the matched text.
    static func queries(in source: String) -> [String] {
        let fluent = #"\b(?:\#(models.joined(separator: "|")))\.(?:query|scoped|select|find|chosen)\("#
        let sql = #"(?i)\b(?:FROM|JOIN|UPDATE|INTO)\s+(?:\#(tables.joined(separator: "|")))\b"#
        return [fluent, sql].flatMap { pattern in
            let regex = try! NSRegularExpression(pattern: pattern)
            return regex.matches(in: source, range: NSRange(source.startIndex..., in: source)).map { String(source[Range($0.range, in: source)!]) }
        }
    }

    @Test func theScannerFindsBothKindsOfQuery() {
        #expect(Self.queries(in: "let goals = try await Goal.scoped(to: tenantID, on: db).all()").count == 1)
        #expect(Self.queries(in: #"db.sql.raw("SELECT id FROM notes WHERE tenant_id = 1")"#).count == 1)
        #expect(Self.queries(in: "opened.goals(on: db); Organization.query(on: db)").isEmpty)
    }

    @Test func noFileOutsideTheAccessFolderQueriesResidentTables() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../Sources/App").standardized
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)!.compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
        #expect(files.count > 100)
        var offenders: [String] = [], stale: Set<String> = Set(Self.exceptions.keys)
        for file in files {
            let relative = String(file.standardized.path.dropFirst(root.path.count + 1))
            // The choke point itself; the synthetic generator and demo data; migrations, which define the tables.
            if relative.hasPrefix("Access/") || relative.hasPrefix("Demo/") { continue }
            let name = file.lastPathComponent
            if name.hasPrefix("Create") || name.hasPrefix("Update") { continue }
            let found = Self.queries(in: try String(contentsOf: file, encoding: .utf8))
            if found.isEmpty { continue }
            if Self.exceptions[relative] != nil { stale.remove(relative); continue }
            offenders.append("\(relative): \(found.joined(separator: "; "))")
        }
        #expect(offenders.isEmpty, "read resident rows through the opened household (Sources/App/Access) instead:\n\(offenders.joined(separator: "\n"))")
        // An exception that no longer queries anything is taken off the list.
        #expect(stale.isEmpty, "no longer needed: \(stale.sorted())")
    }
}
