import Domain
import Foundation
import Vapor

/// One agreement as both sides read it: per period its targets with the
/// partner's current figure and where it stands (the rule stated in words),
/// then the conversation about that period, and the forms this reader may use.
struct AgreementPage: Encodable {
    struct TargetRow: Encodable {
        let indicator: String; let href: String; let target: String; let value: String
        let status: String; let statusClass: String; let removeAction: String?
    }
    struct NoteRow: Encodable {
        let side: String; let author: String; let posted: String; let postedISO: String; let edited: String?
        let text: String; let editHref: String?
    }
    struct PeriodSection: Encodable {
        let id: String; let title: String; let targets: [TargetRow]; let notes: [NoteRow]
        let noteLabel: String
    }

    let title: String
    let partner: String
    let rule: String
    let side: String
    let periods: [PeriodSection]
    let upTo: String?
    let targetForm: FormPage.Parts?
    let noteForm: FormPage.Parts
    let errors: FormErrors
    let targetAction: String
    let noteAction: String
    let noteSubmit: String
    let backHref: String

    static func build(_ req: Request, _ agreement: ImpactAgreement, side: AgreementSide, typed: AgreementForms.Typed = .init(),
                      errors: FormErrors = .none) async throws -> AgreementPage {
        let context = try req.context()
        let desk = AgreementDesk(context: context)
        let id = try agreement.requireID()
        let format = MonitorFormat(req)
        let reader = MonitorReader(db: req.db, tenantID: agreement.tenantID)
        let filter = MonitorReader.Filter(dimension: .organization, member: agreement.organizationID.uuidString)
        let targets = try await desk.targets(of: agreement).compactMap { target in
            req.indicators[target.indicator].flatMap { indicator in Period(id: target.period).map { (target, indicator, $0) } }
        }
        let revisions = try await desk.notes(of: agreement)
        let byID = Dictionary(revisions.map { ($0.id!, $0) }, uniquingKeysWith: { a, _ in a })
        let current = NoteRevisions.current(revisions.map(\.revision))
        let periods = Set(targets.map(\.2)).union(revisions.compactMap { Period(id: $0.period) }).sorted()
        let partner = try await context.organizationNames(in: agreement.tenantID)[agreement.organizationID] ?? ""

        var sections: [PeriodSection] = []
        for period in periods {
            var rows: [TargetRow] = []
            for (target, indicator, _) in targets.filter({ $0.2 == period }).sorted(by: { $0.1.id < $1.1.id }) {
                let figure = try await reader.figures(indicator, periods: [period], filter: filter)[period]!
                let status = TargetStatus.of(value: figure.value, target: target.target, direction: indicator.direction)
                rows.append(TargetRow(
                    indicator: indicator.name.text(req.locale.rawValue),
                    href: MonitorChoice.link(SiteRoute.monitorIndicator.path(indicator.id), period: period, filter: side == .municipality ? filter : nil),
                    target: req.t("agreement.target_\(indicator.direction.rawValue)", format.amount(target.target, indicator)),
                    value: format.value(figure, indicator), status: req.t("agreement.status.\(status.rawValue)"), statusClass: status.rawValue,
                    removeAction: side == .municipality ? SiteRoute.agreementTargetDelete.path(id, try target.requireID()) : nil))
            }
            let notes = current.filter { byID[$0.current.id]?.period == period.id }.compactMap { note -> NoteRow? in
                guard let row = byID[note.current.id] else { return nil }
                let noteSide = AgreementSide(rawValue: row.side) ?? .municipality
                return NoteRow(
                    side: noteSide == .partner ? partner : req.t("agreement.side.municipality"), author: row.authorName,
                    posted: req.moment(note.postedAt), postedISO: ISO8601DateFormatter().string(from: note.postedAt), edited: note.edits > 0 ? req.moment(note.current.createdAt) : nil,
                    text: row.text, editHref: noteSide == side ? SiteRoute.monitorNote.path(note.current.id) : nil)
            }
            sections.append(PeriodSection(id: "period-\(period.id)", title: format.period(period), targets: rows, notes: notes,
                                          noteLabel: req.t("agreement.thread", format.period(period))))
        }
        var fields = FieldBuilder(req, errors: errors)
        let targetForm = side == .municipality ? try AgreementForms.targetParts(&fields, typed: typed, req: req) : nil
        let noteParts = AgreementForms.noteParts(&fields, typed: typed, side: side, periods: periods, req: req)
        return AgreementPage(
            title: agreement.title, partner: partner,
            rule: req.t("agreement.rule", String(Int(TargetStatus.margin * 100))),
            side: req.t("agreement.you_speak_for.\(side.rawValue)", partner),
            periods: sections, upTo: try await reader.refreshedAt().map { req.moment($0) },
            targetForm: targetForm, noteForm: FormPage.Parts(parts: noteParts), errors: fields.namedErrors,
            targetAction: SiteRoute.agreementTargets.path(id), noteAction: SiteRoute.agreementNotes.path(id),
            noteSubmit: req.t("agreement.note_submit.\(side.rawValue)"), backHref: SiteRoute.agreements.path())
    }
}
