import Foundation

/// The centre of a four-digit postcode area, as a municipality takes it
/// from the CBS's PC4 data (issue 24): what distances between a home and an
/// offer are measured from.
public struct PostcodeCentre: Equatable, Sendable {
    public let postcode4: String
    public let coordinates: Coordinates
}

/// Reads postcode centres from rows of a file: `postcode4` (or `postcode`,
/// `PC4`), `latitude` and `longitude` in degrees (a decimal comma is read
/// too). Every row that is not one is named by its line; the rest are kept,
/// one per area (a later row for the same area wins).
public enum PostcodeCentreCheck {
    /// The Netherlands, with a margin: a centre outside is a mistake (swapped columns, Rijksdriehoek metres).
    public static let latitudes = 50.6...53.7
    public static let longitudes = 3.2...7.3

    public struct Refusal: Equatable, Sendable {
        public let line: Int
        public let reason: Reason
        public enum Reason: String, Sendable { case postcode, coordinates, outsideTheNetherlands = "outside" }
    }

    public static func read(_ rows: [[String: String]]) -> (centres: [PostcodeCentre], refused: [Refusal]) {
        var centres: [String: PostcodeCentre] = [:], order: [String] = [], refused: [Refusal] = []
        for (index, raw) in rows.enumerated() {
            let row = Dictionary(raw.map { ($0.key.trimmingCharacters(in: .whitespaces).lowercased(), $0.value.trimmingCharacters(in: .whitespaces)) },
                                 uniquingKeysWith: { a, _ in a })
            let line = index + 2  // after the header, counted from 1
            guard let postcode = row["postcode4"] ?? row["postcode"] ?? row["pc4"], postcode.count == 4, postcode.allSatisfy(\.isASCII),
                  let code = Int(postcode), (1000...9999).contains(code)
            else { refused.append(Refusal(line: line, reason: .postcode)); continue }
            guard let latitude = Self.number(row["latitude"] ?? row["lat"]), let longitude = Self.number(row["longitude"] ?? row["lon"] ?? row["lng"]),
                  let coordinates = Coordinates(latitude: latitude, longitude: longitude)
            else { refused.append(Refusal(line: line, reason: .coordinates)); continue }
            guard latitudes.contains(latitude), longitudes.contains(longitude) else { refused.append(Refusal(line: line, reason: .outsideTheNetherlands)); continue }
            if centres[postcode] == nil { order.append(postcode) }
            centres[postcode] = PostcodeCentre(postcode4: postcode, coordinates: coordinates)
        }
        return (order.compactMap { centres[$0] }, refused)
    }

    static func number(_ text: String?) -> Double? {
        text.flatMap { Double($0.replacingOccurrences(of: ",", with: ".")) }
    }
}
