import Vapor

/// Serves the API's OpenAPI 3.1 description (`Resources/OpenAPI/openapi.json`),
/// read once at start-up; a test keeps it in step with the registered routes.
struct OpenAPIController {
    let document: ByteBuffer

    init(directory: DirectoryConfiguration) throws {
        document = ByteBuffer(data: try Data(contentsOf: URL(fileURLWithPath: directory.resourcesDirectory + "OpenAPI/openapi.json")))
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.openAPI, use: serve)
    }

    func serve(req: Request) -> Response {
        let response = Response(status: .ok, body: .init(buffer: document))
        response.headers.contentType = HTTPMediaType(type: "application", subType: "vnd.oai.openapi+json", parameters: ["charset": "utf-8"])
        return response
    }
}
