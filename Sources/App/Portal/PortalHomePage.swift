import Domain
import Fluent
import Vapor

/// The resident's home in the portal: their plan, consents, measurements
/// and the forms to take part, from the household opened for them.
struct PortalHomePage: Encodable {
    let data: PortalData
    let progress: [AssessmentProgress.Member]
    let organizations: [Option]
    let domains: [Option]
    /// What was typed as the consent's purpose, when the form was refused.
    let purpose: String
    let nextVersion: Int
    /// What went wrong in one of its forms, shown beside the fields.
    var errors: FormErrors = .none

    static func build(_ opened: ResidentAccess.Opened, in context: Context, errors: FormErrors = .none, typedConsent: PortalConsentForm = .init()) async throws -> PortalHomePage {
        let progress = try await ResidentAccess(context: context).ownResident()
            .asyncFlatMap { try await PortalAssessmentController.progress(opened, resident: $0, in: context) } ?? []
        let data = try await PortalData.gather(opened, in: context)
        let organizations = try await context.organizationNames(in: opened.household.tenantID)
        return PortalHomePage(
            data: data, progress: progress,
            organizations: organizations.sorted { $0.value < $1.value }.map { Option(value: $0.key.uuidString, label: $0.value, selected: $0.key.uuidString == typedConsent.organization_id) },
            domains: LifeDomain.allCases.map { Option(value: $0.rawValue, label: context.t("domain.\($0.rawValue)"), selected: typedConsent.domains?.contains($0.rawValue) == true) },
            purpose: typedConsent.purpose ?? "",
            nextVersion: (data.versions.first?.number ?? 0) + 1, errors: errors
        )
    }
}
