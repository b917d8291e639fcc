import Domain
import Fluent
import Vapor

/// The tenant admin sets how long each kind of data is kept, within the
/// law: a period shorter than a statute allows is refused, with its source.
struct RetentionSettingsController {
    struct Page: Encodable {
        struct Kind: Encodable { let title: String; let source: String; let months: FormField; let erasable: FormField }
        let kinds: [Kind]
        let errors: FormErrors
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.retentionSettings, use: show)
        routes.post(SiteRoute.retentionSettings, use: save)
    }

    func show(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let settings = try await req.application.retentionRules.settings(tenantID: actor.tenantID, on: req.db)
        let typed = Dictionary(uniqueKeysWithValues: settings.flatMap { kind, setting in
            [("months_\(kind.rawValue)", String(setting.months)), ("erasable_\(kind.rawValue)", setting.erasableOnRequest ? "on" : "")]
        })
        return try await render(req, typed: typed)
    }

    func save(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let typed = try req.content.decode([String: String].self)
        let rules = req.application.retentionRules
        var validator = FormValidator()
        var chosen: [RetentionKind: RetentionSetting] = [:]
        for kind in RetentionKind.allCases {
            let field = "months_\(kind.rawValue)"
            guard let text = validator.text(field, typed[field], maxLength: 5) else { continue }
            guard let months = Int(text) else { validator.add(field, "retention.months_invalid"); continue }
            switch rules.rule(kind).check(months: months) {
            case .shorterThanTheLaw: validator.add(field, "retention.shorter_than_law.\(kind.rawValue)")
            case .outOfRange: validator.add(field, "retention.months_invalid")
            case nil: chosen[kind] = RetentionSetting(months: months, erasableOnRequest: typed["erasable_\(kind.rawValue)"] == "on")
            }
        }
        guard validator.isValid else { return try await render(req, typed: typed, issues: validator.issues) }
        let now = Date()
        let settings = chosen
        try await req.db.transaction { tx in
            try await RetentionSettingRow.scoped(to: actor.tenantID, on: tx).delete()
            for (kind, setting) in settings {
                try await RetentionSettingRow(tenantID: actor.tenantID, kind: kind, setting: setting, at: now).create(on: tx)
            }
            try await req.audit("retention.settings", outcome: .success, basis: .administration, objectType: "retention_settings", on: tx)
        }
        return req.redirect(to: SiteRoute.retentionSettings.path(), notice: .retentionSaved)
    }

    private func render(_ req: Request, typed: [String: String], issues: [ValidationIssue] = []) async throws -> Response {
        var fields = FieldBuilder(req, errors: FormErrors(issues, req: req))
        let kinds = RetentionKind.allCases.map { kind in
            let rule = req.application.retentionRules.rule(kind)
            return Page.Kind(
                title: req.t("retention.kind.\(kind.rawValue)"), source: rule.source[req.locale.rawValue] ?? rule.source["nl"] ?? "",
                months: fields.field("months_\(kind.rawValue)", .number, label: "retention.months",
                                     hint: rule.statutoryMinimumMonths > 0 ? "retention.minimum.\(kind.rawValue)" : nil,
                                     value: typed["months_\(kind.rawValue)"], inputMode: "numeric", required: true,
                                     min: rule.statutoryMinimumMonths, max: RetentionRule.longestMonths),
                erasable: fields.field("erasable_\(kind.rawValue)", .checkbox, label: "retention.erasable_on_request",
                                       checked: typed["erasable_\(kind.rawValue)"] == "on")
            )
        }
        let page = Page(kinds: kinds, errors: fields.namedErrors)
        return try await req.page("admin/retention", title: req.t("retention.title"), page, status: issues.isEmpty ? .ok : .unprocessableEntity)
    }
}
