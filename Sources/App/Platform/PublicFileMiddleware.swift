import Vapor

/// Vapor's `FileMiddleware`, with requests no file could answer kept away from
/// the file system: a path segment longer than a file name may be (255 bytes)
/// made `stat` fail with "file name too long", and anyone could turn that into
/// a 500. Such requests go on to the routes, which answer 404.
struct PublicFileMiddleware: AsyncMiddleware {
    static let maximumSegmentBytes = 255
    static let maximumPathBytes = 1024

    let files: FileMiddleware

    init(publicDirectory: String) {
        files = FileMiddleware(publicDirectory: publicDirectory)
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard Self.couldBeAFile(request.url.path) else { return try await next.respond(to: request) }
        return try await files.respond(to: request, chainingTo: next)
    }

    static func couldBeAFile(_ path: String) -> Bool {
        path.utf8.count <= maximumPathBytes && !path.split(separator: "/").contains { $0.utf8.count > maximumSegmentBytes }
    }
}
