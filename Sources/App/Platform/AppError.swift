import Vapor

/// The errors Samenspel raises on purpose. Each maps to a status and a
/// localized message; none carries internal detail to the user.
enum AppError: Error {
    case csrfRefused
    /// Someone else saved first; the form is shown again with what changed.
    case conflict
    case forbidden
    case notFound

    var status: HTTPResponseStatus {
        switch self {
        case .csrfRefused, .forbidden: .forbidden
        case .conflict: .conflict
        case .notFound: .notFound
        }
    }

    var messageKey: String {
        switch self {
        case .csrfRefused: "error.csrf"
        case .conflict: "error.conflict"
        case .forbidden: "error.forbidden"
        case .notFound: "error.not_found"
        }
    }
}
