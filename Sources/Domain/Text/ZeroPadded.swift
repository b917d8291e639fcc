extension Int {
    /// The number with leading zeros up to `width` digits ("07", "0987"),
    /// for days and times; `String(format:)` goes through printf, slow on Linux.
    public func zeroPadded(to width: Int) -> String {
        let digits = String(magnitude)
        return (self < 0 ? "-" : "") + String(repeating: "0", count: Swift.max(0, width - digits.count)) + digits
    }
}
