import Domain
import Fluent
import Vapor

/// The tenant admin registers early signals (issue 23): which organisations
/// may report which arrears, the conditions before a signal may be sent, and
/// which organisations handle the signals that come in.
struct SignalPartnerController {
    struct Row: Encodable { let name: String; let handles: FormField; let kinds: [FormField] }
    struct Conditions: Encodable { let title: String; let months: FormField; let amount: FormField; let reminder: FormField }
    struct PageContent: Encodable { let action: String; let kinds: [String]; let rows: [Row]; let conditions: [Conditions]; let rules: [FormField]; let errors: FormErrors }

    /// The tenant's rules as form fields: name, label, hint, range, value.
    static let ruleFields: [(name: String, label: String, hint: String, range: ClosedRange<Int>, value: KeyPath<SignalRules, Int>)] = [
        ("contact_working_days", "signal_admin.contact_days", "signal_admin.contact_days_hint", SignalRules.contactRange, \.contactWorkingDays),
        ("combine_days", "signal_admin.combine_days", "signal_admin.combine_days_hint", SignalRules.combineRange, \.combineDays),
        ("kept_months", "signal_admin.kept_months", "signal_admin.kept_months_hint", SignalRules.keptRange, \.keptMonths),
    ]

    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.signalPartners, use: show)
        routes.post(SiteRoute.signalPartners, use: save)
    }

    func show(req: Request) async throws -> Response {
        try await render(req, typed: nil, errors: .none)
    }

    func save(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let form = try req.content.decode([String: String].self)
        var validator = FormValidator()
        var conditions: [ArrearsKind: SignalConditions] = [:]
        for kind in ArrearsKind.allCases {
            let months = Int((form["months_\(kind.rawValue)"] ?? "").trimmingCharacters(in: .whitespaces)).flatMap { (0...24).contains($0) ? $0 : nil }
            if months == nil { validator.add("months_\(kind.rawValue)", "signal_admin.months_invalid") }
            let amount = SignalCheck.cents(form["amount_\(kind.rawValue)"] ?? "")
            if amount == nil { validator.add("amount_\(kind.rawValue)", "signal.problem.invalid_amount") }
            if let months, let amount {
                conditions[kind] = SignalConditions(minimumMonths: months, minimumAmountCents: amount, reminderRequired: form["reminder_\(kind.rawValue)"] == "on")
            }
        }
        var numbers: [String: Int] = [:]
        for rule in Self.ruleFields {
            let value = Int((form[rule.name] ?? "").trimmingCharacters(in: .whitespaces)).flatMap { rule.range.contains($0) ? $0 : nil }
            if value == nil { validator.add(rule.name, "signal_admin.number_between_\(rule.range.lowerBound)_\(rule.range.upperBound)") }
            numbers[rule.name] = value
        }
        guard validator.isValid, let contact = numbers["contact_working_days"], let combine = numbers["combine_days"], let kept = numbers["kept_months"] else { return try await render(req, typed: form, errors: FormErrors(validator.issues, req: req), status: .unprocessableEntity) }
        let organizations = try await Organization.select(in: actor.tenantID, orderBy: "name", on: req.db)
        let (now, chosen) = (Date(), conditions)
        try await req.db.transaction { tx in
            for organization in organizations {
                let id = try organization.requireID()
                let handles = form["handles_\(id.uuidString)"] == "on"
                if (organization.handlesSignals ?? false) != handles {
                    try await tx.sql.update(Organization.schema).set("handles_signals", to: handles)
                        .where("tenant_id", .equal, actor.tenantID).where("id", .equal, id).run()
                }
                let allowed = chosen.filter { form["kind_\(id.uuidString)_\($0.key.rawValue)"] == "on" }
                try await tx.sql.delete(from: SignalPartner.schema).where("tenant_id", .equal, actor.tenantID).where("organization_id", .equal, id).run()
                if !allowed.isEmpty { try await SignalPartner(tenantID: actor.tenantID, organizationID: id, allowed: allowed, at: now).create(on: tx) }
            }
            try await SignalSettings.save(SignalRules(contactWorkingDays: contact, combineDays: combine, keptMonths: kept), tenantID: actor.tenantID, on: tx)
            try await req.audit("signal_partners.saved", outcome: .success, basis: .administration, objectType: "tenant", objectID: actor.tenantID.uuidString, on: tx)
        }
        return req.redirect(to: SiteRoute.signalPartners.path(), notice: .settingsSaved)
    }

    private func render(_ req: Request, typed: [String: String]?, errors: FormErrors, status: HTTPStatus = .ok) async throws -> Response {
        let context = try req.context()
        let tenantID = context.actor.tenantID
        let organizations = try await Organization.select(in: tenantID, orderBy: "name", on: req.db)
        let partners = Dictionary(try await SignalPartner.select(in: tenantID, on: req.db).map { ($0.organizationID, $0.allowed) }, uniquingKeysWith: { a, _ in a })
        // The conditions shown: what was typed, else what partners have, else the covenants' defaults.
        let current = { (kind: ArrearsKind) in partners.values.compactMap { $0[kind] }.first ?? .defaults }
        var fields = FieldBuilder(context, errors: errors)
        let kindName = { (kind: ArrearsKind) in context.t("signal.kind.\(kind.rawValue)") }
        let rows = try organizations.map { organization in
            let organizationID = try organization.requireID()
            let (id, allowed) = (organizationID.uuidString, partners[organizationID] ?? [:])
            return Row(
                name: organization.name,
                handles: fields.field("handles_\(id)", .checkbox, labelText: context.t("signal_admin.handles"), checked: typed.map { $0["handles_\(id)"] == "on" } ?? (organization.handlesSignals ?? false)),
                kinds: ArrearsKind.allCases.map { kind in
                    fields.field("kind_\(id)_\(kind.rawValue)", .checkbox, labelText: kindName(kind),
                                 checked: typed.map { $0["kind_\(id)_\(kind.rawValue)"] == "on" } ?? (allowed[kind] != nil))
                })
        }
        let conditions = ArrearsKind.allCases.map { kind in
            let shown = current(kind)
            return Conditions(
                title: kindName(kind),
                months: fields.field("months_\(kind.rawValue)", .number, label: "signal_admin.minimum_months", value: typed?["months_\(kind.rawValue)"] ?? String(shown.minimumMonths), min: 0, max: 24),
                amount: fields.field("amount_\(kind.rawValue)", label: "signal_admin.minimum_amount", hint: "signal_admin.amount_hint",
                                     value: typed?["amount_\(kind.rawValue)"] ?? Money.euros(shown.minimumAmountCents), inputMode: "decimal"),
                reminder: fields.field("reminder_\(kind.rawValue)", .checkbox, label: "signal_admin.reminder_required",
                                       checked: typed.map { $0["reminder_\(kind.rawValue)"] == "on" } ?? shown.reminderRequired))
        }
        let rules = try await SignalSettings.rules(of: tenantID, on: req.db)
        let ruleFields = Self.ruleFields.map { rule in
            fields.field(rule.name, .number, label: rule.label, hint: rule.hint, value: typed?[rule.name] ?? String(rules[keyPath: rule.value]),
                         min: rule.range.lowerBound, max: rule.range.upperBound)
        }
        let content = PageContent(action: SiteRoute.signalPartners.path(), kinds: ArrearsKind.allCases.map(kindName), rows: rows, conditions: conditions,
                                  rules: ruleFields, errors: fields.namedErrors)
        return try await req.page("admin/signal-partners", title: req.t("signal_admin.title"), content, status: status)
    }
}

/// Amounts in euro as people read them: "1.234,56".
enum Money {
    static func euros(_ cents: Int) -> String {
        let whole = String(cents / 100), rest = String(format: "%02d", cents % 100)
        var grouped = ""
        for (index, digit) in whole.reversed().enumerated() {
            if index > 0, index % 3 == 0 { grouped.append(".") }
            grouped.append(digit)
        }
        return String(grouped.reversed()) + "," + rest
    }
}
