import Domain
import Testing

@Suite("Dutch word forms for search")
struct DutchWordFormsTests {
    @Test(arguments: [
        ("schulden", "schuld"), ("lessen", "les"), ("talen", "taal"), ("scholen", "school"), ("wonen", "woon"), ("brieven", "brief"),
        ("huizen", "huis"), ("vrijwilligers", "vrijwilliger"), ("maatjes", "maatje"), ("mogelijkheden", "mogelijkheid"),
        ("ouderen", "ouder"), ("werken", "werk"), ("cursus", "cursus"), ("huis", "huis"), ("taal", "taal"), ("baby's", "baby"),
    ])
    func stems(word: String, stem: String) {
        #expect(DutchWordForms.stem(word) == stem)
    }

    @Test func formsKeepTheWordWhenTheStemIsNotPartOfIt() {
        #expect(DutchWordForms.forms("schulden") == ["schuld"])
        #expect(DutchWordForms.forms("talen") == ["taal", "talen"])
        #expect(DutchWordForms.forms("taal") == ["taal"])
    }

    @Test func compoundsAreSplitIntoKnownWords() {
        #expect(Set(DutchWordForms.parts("taalles")).isSuperset(of: ["taal", "les"]))
        #expect(DutchWordForms.parts("huurschuld").contains("schuld"))
        #expect(DutchWordForms.parts("huurschuld").contains("huur"))
        #expect(DutchWordForms.parts("mantelzorgers").contains("mantelzorg"))
        #expect(DutchWordForms.parts("fiets").isEmpty)
    }
}
