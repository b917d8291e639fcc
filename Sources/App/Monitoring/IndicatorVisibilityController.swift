import Domain
import Vapor

/// The tenant admin's list of the indicator library with, for each, whether
/// the tenant's monitor shows it. Hidden indicators are gone from every
/// monitor page, CSV and API answer of the tenant (`MonitorAudience`).
struct IndicatorVisibilityController {
    /// Boxes come as `shown[]`; `shown_before[]` says which were ticked when the page was drawn.
    struct Form: Content { var shown: [String]?; var shown_before: [String]? }

    struct Page: Encodable {
        struct Row: Encodable { let id: String; let name: String; let question: String; let shown: Bool; let label: String }
        let action: String
        let rows: [Row]
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.indicatorVisibility, use: show)
        routes.post(SiteRoute.indicatorVisibility, use: save)
    }

    func show(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let hidden = try await IndicatorVisibility.hidden(in: actor.tenantID, on: req.db)
        let rows = req.indicators.all.map { indicator in
            let name = indicator.name.text(req.locale.rawValue)
            return Page.Row(id: indicator.id, name: name, question: req.t("monitor.question.\(indicator.question.rawValue)"),
                            shown: !hidden.contains(indicator.id), label: req.t("indicators.show_label", name))
        }
        return try await req.page("admin/indicator-visibility", title: req.t("indicators.title"),
                                  Page(action: SiteRoute.indicatorVisibility.path(), rows: rows))
    }

    func save(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let form = try req.content.decode(Form.self)
        let changes = IndicatorVisibility.changes(library: req.indicators.all, shownBefore: Set(form.shown_before ?? []), shownNow: Set(form.shown ?? []))
        if !changes.isEmpty {
            try await req.db.transaction { tx in
                try await IndicatorVisibility.save(changes, in: actor.tenantID, on: tx)
                let what = changes.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value ? "hidden" : "shown")" }.joined(separator: " ")
                try await req.audit("tenant.settings", outcome: .success, basis: .administration, objectType: "monitor_indicators",
                                    objectID: String(what.prefix(500)), on: tx)
            }
        }
        return req.redirect(to: SiteRoute.indicatorVisibility.path(), notice: .indicatorsSaved)
    }
}
