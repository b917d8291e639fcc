import Vapor

/// An error a feature raises with its own status and localized message key;
/// `AppErrorMiddleware` renders it like `AppError` (page or problem+json).
protocol KeyedAppError: Error {
    var status: HTTPResponseStatus { get }
    var messageKey: String { get }
}
