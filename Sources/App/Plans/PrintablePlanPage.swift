import Domain
import Fluent
import Vapor

/// The plan on paper, for the resident to keep: goals, the steps with who
/// does them and when, and who signed which version — not the team's
/// internal timeline, notes or measurements.
struct PrintablePlanPage: Encodable {
    struct Signature: Encodable { let version: Int; let who: String; let when: String; let how: String }

    let household: String
    let address: String
    let members: [String]
    let printedOn: String
    let coordinator: String?
    let goals: [PortalData.GoalItem]
    let signatures: [Signature]
    let backHref: String

    static func build(_ opened: ResidentAccess.Opened, backHref: String, in context: Context) async throws -> PrintablePlanPage {
        let household = opened.household
        let residents = try await opened.members(on: context.db)
        let names = Dictionary(residents.compactMap { r in r.id.map { ($0, r.fullName) } }, uniquingKeysWith: { a, _ in a })
        let signatures = try await opened.planVersions(on: context.db).map {
            Signature(version: $0.number, who: names[$0.signedByResidentID] ?? "", when: context.day(Day.string($0.signedAt)),
                      how: context.t("consent.method.\($0.method)"))
        }
        return PrintablePlanPage(
            household: household.name, address: "\(household.street), \(household.postcode) \(household.city)",
            members: residents.map(\.fullName), printedOn: context.day(context.today),
            coordinator: try await PortalHomePage.coordinator(opened, in: context),
            goals: try await PortalData.goals(opened, in: context), signatures: signatures, backHref: backHref
        )
    }
}
