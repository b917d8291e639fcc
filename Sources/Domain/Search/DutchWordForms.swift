/// Dutch word forms for searching the social map by substring: "schulden"
/// should find what "schuld" finds, "wonen" the "woon"-stichting, and a
/// compound like "taalles" or "huurschuld" what its parts find. Deliberately
/// small rules, not a full stemmer: search looks for these as substrings, so
/// a stem a letter short still matches, while a word a letter long does not.
public enum DutchWordForms {
    /// The forms to look for, any of which may match: the stem, and the word
    /// itself when the stem is not part of it ("talen" → "taal", "talen").
    public static func forms(_ word: String) -> [String] {
        let stem = stem(word)
        return stem == word ? [word] : word.contains(stem) ? [stem] : [stem, word]
    }

    /// The known words a compound is made of ("taalles" → "taal", "les";
    /// "mantelzorgers" → "mantelzorg"): a second try when a word finds nothing.
    public static func parts(_ word: String) -> [String] {
        var found: [String] = []
        for whole in Set([word, stem(word)]) {
            for known in lexicon.sorted() where whole != known {
                if whole.hasPrefix(known), whole.count - known.count >= 2 {
                    found.append(known)
                    let rest = String(whole.dropFirst(known.count))
                    if lexicon.contains(rest) || rest.count >= 5 { found.append(rest) }
                } else if whole.hasSuffix(known), whole.count - known.count >= 4 {
                    found.append(known)
                }
            }
        }
        return found.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
    }

    /// Plural and inflected endings off: "schulden" → "schuld", "lessen" →
    /// "les", "talen" → "taal", "brieven" → "brief", "huizen" → "huis",
    /// "vrijwilligers" → "vrijwilliger", "maatjes" → "maatje".
    public static func stem(_ word: String) -> String {
        var w = Array(word)
        if w.count >= 4, w.suffix(2) == ["'", "s"] { return String(w.dropLast(2)) }
        if w.count >= 7, String(w.suffix(5)) == "heden" { return String(w.dropLast(5)) + "heid" }
        if w.count >= 5, w.suffix(2) == ["e", "n"] {
            w.removeLast(2)
            if let last = w.last, w.count >= 3, w[w.count - 2] == last, !isVowel(last) { w.removeLast(); return String(w) }
            if w.last == "z" { w[w.count - 1] = "s" } else if w.last == "v" { w[w.count - 1] = "f" }
            // An open syllable had a long vowel: "tal" was "taal", "schol" was "school".
            if w.count >= 3, !isVowel(w[w.count - 1]), "aou".contains(w[w.count - 2]), !isVowel(w[w.count - 3]) {
                w.insert(w[w.count - 2], at: w.count - 2)
            }
            return String(w)
        }
        if w.count >= 5, w.last == "s", let before = w.dropLast().last, "erlnj".contains(before) { return String(w.dropLast()) }
        return word
    }

    static func isVowel(_ c: Character) -> Bool { "aeiouy".contains(c) }

    /// Words compounds in the social domain are often made of.
    static let lexicon: Set<String> = [
        "taal", "les", "cursus", "café", "cafe", "schuld", "hulp", "geld", "budget", "coach", "werk", "baan", "zorg", "mantelzorg",
        "thuis", "huis", "woon", "huur", "wijk", "buurt", "jeugd", "jongeren", "gezin", "ouder", "ouderen", "kind", "kinder", "school",
        "studie", "opleiding", "vrijwillig", "vrijwilliger", "maatje", "administratie", "formulier", "brief", "post", "voedsel", "pakket",
        "kleding", "armoede", "inkomen", "uitkering", "bijstand", "toeslag", "energie", "water", "psychisch", "verslaving", "sport",
        "bewegen", "beweeg", "eenzaam", "ontmoeting", "inloop", "spreekuur", "advies", "wet", "recht", "juridisch", "gezondheid",
        "dag", "activiteit", "computer", "digitaal", "koffie", "maaltijd", "vervoer", "verpleging", "verzorging", "opvoeding",
    ]
}
