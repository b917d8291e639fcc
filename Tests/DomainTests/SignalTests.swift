import Foundation
import PropertyBased
import Testing
@testable import Domain

@Suite("Early signals: checking, combining into cases, triage order")
struct SignalTests {
    let today = CivilDay("2026-12-03")!
    let all = Dictionary(uniqueKeysWithValues: ArrearsKind.allCases.map { ($0, SignalConditions.defaults) })

    func submission(_ change: (inout SignalSubmission) -> Void = { _ in }) -> SignalSubmission {
        var s = SignalSubmission(reference: "WC-1001", kind: "rent", amount: "1.234,56", months: "2", signalledOn: "1-12-2026", reminderSent: true,
                                 givenName: "Fatima", familyName: "El Amrani", birthDate: "21-03-1984", street: "Lindelaan 12", postcode: "1234 ab",
                                 city: "Voorbeeld", bsn: "111222333")
        change(&s)
        return s
    }

    @Test func aGoodSignalReadsAsFacts() throws {
        let facts = try #require(SignalCheck.check(submission(), allowed: all, today: today).facts)
        #expect(facts.kind == .rent && facts.amountCents == 123_456 && facts.months == 2 && facts.person.postcode == "1234AB" && facts.bsn == "111222333")
        #expect(SignalCheck.cents("80") == 8_000 && SignalCheck.cents("€ 80,5") == 8_050 && SignalCheck.cents("1234.56") == 123_456)
        #expect(SignalCheck.cents("-5") == nil && SignalCheck.cents("tien") == nil && SignalCheck.cents("") == nil)
    }

    @Test func everyProblemIsNamedByItsField() {
        let problems = SignalCheck.check(submission {
            $0.reference = " "; $0.kind = "telefoon"; $0.amount = "-10"; $0.months = "veel"; $0.signalledOn = "2027-01-01"
            $0.familyName = nil; $0.birthDate = "31-02-1984"; $0.postcode = "0123 AB"; $0.bsn = "123456789"
        }, allowed: all, today: today).problems
        let named = Dictionary(problems.map { ($0.field, $0.problem) }, uniquingKeysWith: { a, _ in a })
        #expect(named == ["reference": .missingReference, "kind": .unknownKind, "amount": .invalidAmount, "months": .invalidMonths,
                          "signalledOn": .dateInFuture, "familyName": .missingName, "birthDate": .invalidBirthDate,
                          "postcode": .invalidPostcode, "bsn": .invalidBSN])
    }

    @Test func theConditionsOfThePartnerHold() {
        let rentOnly: [ArrearsKind: SignalConditions] = [.rent: .init(minimumMonths: 2, minimumAmountCents: 50_000, reminderRequired: true)]
        #expect(SignalCheck.check(submission { $0.kind = "water" }, allowed: rentOnly, today: today).problems.first?.problem == .kindNotAllowed)
        #expect(SignalCheck.check(submission { $0.months = "1" }, allowed: rentOnly, today: today).problems.first?.problem == .belowMinimumMonths)
        #expect(SignalCheck.check(submission { $0.amount = "100" }, allowed: rentOnly, today: today).problems.first?.problem == .belowMinimumAmount)
        #expect(SignalCheck.check(submission { $0.reminderSent = false }, allowed: rentOnly, today: today).problems.first?.problem == .noReminder)
        #expect(SignalCheck.check(submission(), allowed: rentOnly, today: today).facts != nil)
    }

    @Test func signalsCombineByPersonOrAddressAndUncertainOnesWaitForAPerson() {
        let fatima = SignalMatch.Key(bsnLookup: nil, familyName: "El Amrani", birthDate: "1984-03-21", postcode: "1234AB", street: "Lindelaan 12")
        let sameAddress = SignalMatch.Key(bsnLookup: nil, familyName: "Jansen", birthDate: nil, postcode: "1234AB", street: "lindelaan 12")
        let moved = SignalMatch.Key(bsnLookup: nil, familyName: "el amrani", birthDate: "1984-03-21", postcode: "5678CD", street: "Kerkstraat 1")
        let neighbour = SignalMatch.Key(bsnLookup: nil, familyName: "El Amrani", birthDate: nil, postcode: "1234AB", street: "Lindelaan 14")
        let stranger = SignalMatch.Key(bsnLookup: nil, familyName: "De Vries", birthDate: "1990-01-01", postcode: "9999ZZ", street: "Dorpsweg 3")
        #expect(SignalMatch.compare(fatima, sameAddress) == .same)
        #expect(SignalMatch.compare(fatima, moved) == .uncertain)
        #expect(SignalMatch.compare(fatima, neighbour) == .uncertain)
        #expect(SignalMatch.compare(fatima, stranger) == .different)
        let withBSN = SignalMatch.Key(bsnLookup: "h1", familyName: "X", birthDate: nil, postcode: "9999ZZ", street: "Elders 1")
        #expect(SignalMatch.compare(withBSN, SignalMatch.Key(bsnLookup: "h1", familyName: "Y", birthDate: nil, postcode: "1111AA", street: "Weg 2")) == .same)
        #expect(SignalMatch.compare(withBSN, SignalMatch.Key(bsnLookup: "h2", familyName: "X", birthDate: nil, postcode: "9999ZZ", street: "Anders 9")) == .different)

        let open = CaseCombining.OpenCase(id: UUID(), keys: [fatima], lastSignalled: today.adding(days: -10))
        let old = CaseCombining.OpenCase(id: UUID(), keys: [fatima], lastSignalled: today.adding(days: -45))
        #expect(CaseCombining.place(sameAddress, on: today, among: [old, open]).join == open.id, "within 30 days only")
        #expect(CaseCombining.place(sameAddress, on: today, among: [old]).join == nil)
        let placed = CaseCombining.place(moved, on: today, among: [open])
        #expect(placed.join == nil && placed.uncertain == [open.id], "never merged silently")
    }

    @Test func triageTakesSeveralPartnersThenMonthsThenMoneyThenWaiting() {
        let base = CaseWeight(totalArrearsCents: 50_000, partners: 1, longestMonths: 2, firstSignalled: today)
        #expect(CaseWeight.precedes(.init(totalArrearsCents: 10_000, partners: 2, longestMonths: 1, firstSignalled: today), base))
        #expect(CaseWeight.precedes(.init(totalArrearsCents: 10_000, partners: 1, longestMonths: 3, firstSignalled: today), base))
        #expect(CaseWeight.precedes(.init(totalArrearsCents: 90_000, partners: 1, longestMonths: 2, firstSignalled: today), base))
        #expect(CaseWeight.precedes(.init(totalArrearsCents: 50_000, partners: 1, longestMonths: 2, firstSignalled: today.adding(days: -1)), base))
        #expect(!CaseWeight.precedes(base, base))
    }

    /// The queue's index sorts the key as text; it must be triage's order.
    @Test func theQueueKeySortsAsTriageOrders() async {
        let weight = zip(Gen.int(in: 0...4), Gen.int(in: 0...14), Gen.int(in: 0...3), Gen.int(in: -400...0))
            .map { partners, months, money, days in
                CaseWeight(totalArrearsCents: [0, 9_999, 10_000, 123_456_789][money], partners: partners, longestMonths: months,
                           firstSignalled: CivilDay("2026-12-03")!.adding(days: days))
            }
        await propertyCheck(input: weight, weight) { a, b in
            #expect(CaseWeight.precedes(a, b) == (a.queueKey < b.queueKey))
            #expect(a.queueKey.count == 28 && a.queueKey.allSatisfy(\.isNumber))
        }
        let huge = CaseWeight(totalArrearsCents: Int.max, partners: 5_000, longestMonths: 99_999, firstSignalled: today)
        #expect(huge.queueKey == "000" + "0000" + "0000000000000" + "20261203", "past the width sorts as the largest")
    }
}
