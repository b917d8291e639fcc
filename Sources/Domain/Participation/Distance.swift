import Foundation

/// A point on the map (WGS84), as HSDS locations give it.
public struct Coordinates: Hashable, Sendable {
    public let latitude: Double
    public let longitude: Double

    public init?(latitude: Double, longitude: Double) {
        guard (-90...90).contains(latitude), (-180...180).contains(longitude) else { return nil }
        (self.latitude, self.longitude) = (latitude, longitude)
    }

    /// Kilometres as the crow flies (haversine): travel is longer, which the
    /// profile's distance, chosen by the resident, already allows for.
    public func kilometres(to other: Coordinates) -> Double {
        let radians = { (degrees: Double) in degrees * .pi / 180 }
        let dLat = radians(other.latitude - latitude), dLon = radians(other.longitude - longitude)
        let a = sin(dLat / 2) * sin(dLat / 2) + cos(radians(latitude)) * cos(radians(other.latitude)) * sin(dLon / 2) * sin(dLon / 2)
        return 6371.0 * 2 * atan2(a.squareRoot(), (1 - a).squareRoot())
    }
}
