/// A logged event in words for the privacy officer: what it was about and
/// what happened ("Verwijzing – bijgewerkt"), from `access_log.about.*` and
/// `access_log.did.*`; the code stays beside it, so nothing is lost in translation.
extension Speaking {
    func eventWords(_ event: String) -> String {
        let parts = event.split(separator: ".", maxSplits: 1).map(String.init)
        let about = "access_log.about.\(parts[0])"
        guard localizer.has(about) else { return event }
        guard parts.count > 1 else { return t(about) }
        let did = "access_log.did.\(parts[1].replacingOccurrences(of: ".", with: "_"))"
        return t(about) + " – " + (localizer.has(did) ? t(did) : parts[1])
    }
}
