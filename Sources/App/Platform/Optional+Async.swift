extension Optional {
    /// `flatMap` for an async transform, e.g. a lookup when a value was given.
    func asyncFlatMap<U>(_ transform: (Wrapped) async throws -> U?) async rethrows -> U? {
        guard let self else { return nil }
        return try await transform(self)
    }
}
