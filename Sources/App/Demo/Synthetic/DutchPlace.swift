/// Names and places for synthetic residents: common Dutch names, and names
/// of the many families who made the Netherlands their home, so pages and
/// searches look like a real caseload.
enum DutchPlace {
    static let givenNames = [
        "Anna", "Emma", "Sophie", "Julia", "Noor", "Fatima", "Sara", "Mila", "Lotte", "Eva", "Fleur", "Iris", "Yasmina", "Aylin",
        "Maria", "Ingrid", "Wilma", "Joke", "Anouk", "Esra", "Priya", "Linh", "Samira", "Hanna",
        "Daan", "Sem", "Lucas", "Levi", "Milan", "Mohammed", "Ahmed", "Noah", "Jan", "Piet", "Kees", "Henk", "Willem", "Ruben",
        "Bram", "Thijs", "Youssef", "Emre", "Mehmet", "Jayden", "Dewi", "Tomasz", "Bogdan", "Kofi",
    ]

    static let familyNames = [
        "de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser", "Smit", "Meijer",
        "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer",
        "El Amrani", "Yilmaz", "Kaya", "Bouzid", "Nguyen", "Kowalski", "Öztürk", "Ramdin", "Boateng", "Sahin",
        "Haddou", "Tahiri", "Demir", "Pinas", "Martina", "Wijngaarde",
    ]

    static let streets = [
        "Dorpsstraat", "Kerkstraat", "Schoolstraat", "Molenweg", "Lindelaan", "Beukenlaan", "Stationsweg", "Julianastraat",
        "Wilhelminaplein", "Oranjestraat", "Vondelstraat", "Rembrandtlaan", "Eikenhof", "Zonnebloemstraat", "Havenkade",
        "Spoorlaan", "Marktplein", "Parkweg", "Tulpstraat", "Populierenlaan",
    ]

    /// A neighbourhood (CBS-style code) and the 4-digit postcode area it lies in.
    struct Neighbourhood { let code: String; let name: String; let postcode: Int }

    static let neighbourhoods: [Neighbourhood] = [
        .init(code: "BU09990101", name: "Centrum", postcode: 1011), .init(code: "BU09990102", name: "Oude Haven", postcode: 1012),
        .init(code: "BU09990201", name: "Noord", postcode: 1021), .init(code: "BU09990202", name: "Vogelbuurt", postcode: 1022),
        .init(code: "BU09990301", name: "Oost", postcode: 1031), .init(code: "BU09990302", name: "Indische Buurt", postcode: 1032),
        .init(code: "BU09990401", name: "Zuid", postcode: 1041), .init(code: "BU09990402", name: "Rivierenbuurt", postcode: 1042),
        .init(code: "BU09990501", name: "West", postcode: 1051), .init(code: "BU09990502", name: "Bloemenbuurt", postcode: 1052),
        .init(code: "BU09990601", name: "Nieuw-West", postcode: 1061), .init(code: "BU09990602", name: "De Akkers", postcode: 1062),
    ]

    /// The district social team a neighbourhood belongs to.
    static let districts = ["Centrum", "Noord", "Oost", "Zuid", "West", "Nieuw-West"]

    static func district(of neighbourhood: Neighbourhood) -> String {
        districts[(Int(neighbourhood.code.suffix(4).prefix(2)) ?? 1) - 1]
    }

    static let letters = Array("ABCDEFGHJKLMNPRSTVWXZ")
}
