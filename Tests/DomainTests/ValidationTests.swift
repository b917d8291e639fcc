import Testing
@testable import Domain

@Suite("Input validation")
struct ValidationTests {
    @Test(arguments: ["12345678", " 1234 5678 ", "12.34.56.78"])
    func validKvK(_ raw: String) {
        #expect(KvKNumber(raw)?.value == "12345678")
    }

    @Test(arguments: ["1234567", "123456789", "1234567a", "00000000", "", "١٢٣٤٥٦٧٨"])
    func invalidKvK(_ raw: String) {
        #expect(KvKNumber(raw) == nil)
    }

    @Test func usernames() {
        #expect(Username.normalized("  Sanne.de-Vries@Team ") == "sanne.de-vries@team")
        #expect(Username.normalized("ab") == nil)
        #expect(Username.normalized("a b c") == nil)
        #expect(Username.normalized("<script>") == nil)
        #expect(Username.normalized(String(repeating: "a", count: 65)) == nil)
    }

    @Test func passwords() {
        #expect(PasswordPolicy.check("correct horse battery", confirmation: "correct horse battery").isEmpty)
        #expect(PasswordPolicy.check("short", confirmation: "short").map(\.messageKey) == ["validation.password_too_short"])
        #expect(PasswordPolicy.check(String(repeating: "é", count: 40), confirmation: String(repeating: "é", count: 40)).map(\.messageKey) == ["validation.password_too_long"])
        #expect(PasswordPolicy.check("correct horse battery", confirmation: "other").map(\.messageKey) == ["validation.password_mismatch"])
    }

    @Test func textFields() {
        var validator = FormValidator()
        #expect(validator.text("a", "  hello ") == "hello")
        #expect(validator.text("b", "   ") == nil)
        #expect(validator.text("c", String(repeating: "x", count: 201)) == nil)
        #expect(validator.text("d", "bell\u{7}") == nil)
        #expect(validator.text("e", nil, required: false) == nil)
        #expect(validator.issues.map(\.messageKey) == ["validation.required", "validation.too_long", "validation.invalid_characters"])
    }
}

@Suite("Base32")
struct Base32Tests {
    // RFC 4648 test vectors, without padding.
    @Test(arguments: [("", ""), ("f", "MY"), ("fo", "MZXQ"), ("foo", "MZXW6"), ("foob", "MZXW6YQ"), ("fooba", "MZXW6YTB"), ("foobar", "MZXW6YTBOI")])
    func vectors(_ plain: String, _ encoded: String) {
        #expect(Base32.encode(Array(plain.utf8)) == encoded)
        #expect(Base32.decode(encoded) == Array(plain.utf8))
        #expect(Base32.decode(encoded.lowercased()) == Array(plain.utf8))
    }

    @Test func rejectsOtherCharacters() {
        #expect(Base32.decode("MZ1W") == nil)
    }
}
