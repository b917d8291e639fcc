import Domain
import Foundation
import SnapshotTesting
import Testing
import Vapor
@testable import App

/// The main pages, built from fixed data without HTTP and rendered: a change
/// to one shows up as a diff of its golden file under `__Snapshots__`, to
/// review and commit (delete the file to record it again).
@Suite("Page snapshots")
struct PageSnapshotTests {
    @Test func householdPageForItsCoordinator() async throws {
        try await withApp { app in
            let data = try await PageSnapshotData.make(app)
            let context = data.context(data.coordinator)
            let opened = try await ResidentAccess(context: context).open(data.household.id, .identity, event: "household.view")
            let page = try await HouseholdPage.build(opened, in: context)
            try await assertPage("households/show", page, data)
        }
    }

    /// A refused form: each message beside its field, the summary naming and linking the field, what was typed kept.
    @Test func aRefusedGoalForm() async throws {
        try await withApp { app in
            let data = try await PageSnapshotData.make(app)
            let context = data.context(data.coordinator)
            let opened = try await ResidentAccess(context: context).open(data.household.id, .identity, event: "goal.form")
            var validator = FormValidator()
            validator.text("goal_title", String(repeating: "a", count: 301), maxLength: 300)
            let errors = FormErrors(validator.issues + [.init(field: "goal_domain", messageKey: "validation.choose_option")], localizer: context)
            let page = try GoalNewPage.build(opened, typed: GoalForm(domain: "", title: "Rust <in> huis", target: "Binnen drie maanden"), errors: errors, in: context)
            try await assertPage("forms/page", page, data)
        }
    }

    @Test func worklistOfTheContactPerson() async throws {
        try await withApp { app in
            let data = try await PageSnapshotData.make(app)
            try await assertPage("households/worklist", try await WorklistPage.build(in: data.context(data.coordinator)), data)
        }
    }

    @Test func portalHomeOfTheResident() async throws {
        try await withApp { app in
            let data = try await PageSnapshotData.make(app)
            let context = data.context(data.resident)
            let opened = try await ResidentAccess(context: context).open(data.household.id, .identity, event: "portal.view")
            try await assertPage("portal/home", try await PortalHomePage.build(opened, in: context), data)
        }
    }

    @Test func referralForItsReceiver() async throws {
        try await withApp { app in
            let data = try await PageSnapshotData.make(app)
            let context = data.context(data.partnerWorker)
            let (referral, goal, opened) = try await ResidentAccess(context: context).openReferral(data.referral.id, acting: false, event: "referral.view")
            let page = try await ReferralView.build(referral, goal: goal, opened: opened, in: context)
            try await assertPage("referrals/show", page, data)
        }
    }

    @Test func socialMapSearch() async throws {
        try await withApp { app in
            let data = try await PageSnapshotData.make(app)
            let context = data.context(data.coordinator)
            let page = try await SocialMapSearchPage.build(
                .init(), tenantID: data.household.tenantID, action: SiteRoute.socialMap.path(), heading: context.t("socialmap.title"),
                isPublic: false, link: { SiteRoute.socialMapService.path($0) }, language: context, on: context.db
            )
            try await assertPage("socialmap/search", page, data)
        }
    }

    /// Renders `template` in the layout with fixed chrome and compares it,
    /// ids made stable, with the golden file named after the test.
    private func assertPage<Content: Encodable>(
        _ template: String, _ content: Content, _ data: PageSnapshotData,
        fileID: StaticString = #fileID, file: StaticString = #filePath, testName: String = #function, line: UInt = #line, column: UInt = #column
    ) async throws {
        let layout = Layout(
            lang: "nl", title: "Samenspel", csrf: "csrf-token", user: .init(name: "Test", role: "Test"), nav: [],
            otherLanguage: .init(href: "?lang=en", label: "English", current: false), otherLanguageCode: "en", requestID: "request-id"
        )
        let view = try await data.app.view.render(template, PageView(layout: layout, content: content)).get()
        let html = PageSnapshot.stable(String(buffer: view.data))
        assertSnapshot(of: html, as: .lines, named: nil, fileID: fileID, file: file, testName: testName, line: line, column: column)
    }
}

enum PageSnapshot {
    /// Each distinct UUID replaced, in order of first appearance, by `id-1`,
    /// `id-2`…: the rows' ids change every run, the page's shape does not.
    static func stable(_ html: String) -> String {
        let pattern = try! NSRegularExpression(pattern: "[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}")
        var names: [String: String] = [:]
        var out = ""
        var rest = html.startIndex
        for match in pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
            let range = Range(match.range, in: html)!
            let id = html[range].lowercased()
            let name = names[id] ?? "id-\(names.count + 1)"
            names[id] = name
            out += html[rest..<range.lowerBound] + name
            rest = range.upperBound
        }
        return out + html[rest...]
    }
}

/// One way to draw a field and the CSRF input: templates use the partials,
/// so a label, hint, message and `aria-describedby` cannot be forgotten on one form.
@Suite("Forms use the field partials")
struct FormPartialTests {
    @Test func noTemplateWritesAFieldOrTheCSRFInputByHand() throws {
        let views = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../Resources/Views").standardized
        var offenders: [String] = []
        for file in FileManager.default.enumerator(atPath: views.path)?.compactMap({ $0 as? String }).filter({ $0.hasSuffix(".leaf") && !$0.hasPrefix("partials/") }) ?? [] {
            let text = try String(contentsOf: views.appendingPathComponent(file), encoding: .utf8)
            if text.contains(#"<div class="field"#) || text.contains(#"name="_csrf""#) { offenders.append(file) }
        }
        #expect(offenders.isEmpty, "drawn by hand: \(offenders)")
    }
}
