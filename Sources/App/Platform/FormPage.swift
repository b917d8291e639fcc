import Vapor

/// A page that is one form: a title, a line saying what it is about, the
/// form's fields, and a way back. Drawn by `forms/page.leaf`, so forms that
/// need nothing else are only data.
struct FormPage: Encodable {
    struct Form: Encodable {
        let action: String
        let parts: [FormPart]
        let submit: String
        let cancelHref: String
        /// Hidden values sent back as they came (an edit's version).
        var hidden: [Hidden] = []
        /// "multipart/form-data" for a form that sends a file.
        var enctype: String? = nil
    }

    struct Hidden: Encodable { let name: String; let value: String }

    /// Only the fields, for a page that draws its form's frame itself
    /// (a list with a form under it): `partials/form-parts` reads `content.form.parts`.
    struct Parts: Encodable { let parts: [FormPart] }

    let title: String
    let lead: String?
    let form: Form
    let errors: FormErrors
}

extension Request {
    /// A form page; `errors` decides the status: refused input is 422, and the form keeps what was typed.
    func formPage(_ page: FormPage, status: HTTPStatus? = nil) async throws -> Response {
        try await self.page("forms/page", title: page.title, page, status: status ?? (page.errors.summary.isEmpty ? .ok : .unprocessableEntity))
    }
}
