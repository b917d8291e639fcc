import Domain
import Fluent
import Vapor

/// A professional's worklist: the households they are the contact for,
/// actions due this week and overdue — only where they may see the domain —
/// and how many of their organisation's households still need a contact.
struct WorklistController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.worklist, use: show)
    }

    func show(req: Request) async throws -> Response {
        let context = try req.context()
        guard context.actor.role == .professional else { throw AppError.notFound }
        let page = try await WorklistPage.build(in: context)
        return try await req.page("households/worklist", title: req.t("worklist.title"), page)
    }
}
