/// Whether a service can take someone now: shown before a referral is sent.
public enum ServiceCapacity: String, CaseIterable, Codable, Sendable {
    case available
    case waitingList = "waiting_list"
    case noCapacity = "no_capacity"
}

/// HSDS 3.0 service status.
public enum ServiceStatus: String, CaseIterable, Codable, Sendable {
    case active, inactive, defunct
    case temporarilyClosed = "temporarily closed"
}
