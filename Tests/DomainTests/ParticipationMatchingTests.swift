import Foundation
import PropertyBased
import Testing
@testable import Domain

@Suite("Participation: matching people and offers, explained")
struct ParticipationMatchingTests {
    static let talents = ["gardening", "sorting", "returns", "cooking", "music"]
    static let talentSet = Gen.int(in: 0...4).map { talents[$0] }.set(ofAtMost: 0...3)
    static let halfDays = Gen.int(in: 0...(1 << 21) - 1).map { HalfDays(mask: $0 & [0, 0b111, 0b1_0000_0001, -1][$0 % 4]) }
    static let needs = Gen.int(in: 0...6).map { SupportKind.allCases[$0] }.set(ofAtMost: 0...2)
    static let kind = Gen.int(in: 0...5).map { OfferKind.allCases[$0] }
    static let wish = zip(talentSet, halfDays, Gen.int(in: 0...30), needs, kind.set(ofAtMost: 0...1), Gen.int(in: 0...6))
        .map { talents, availability, kilometres, needs, notWanted, rung in
            ParticipationWish(talents: talents, availability: availability, travel: .bike, maxKilometres: kilometres, needs: needs,
                              notWanted: notWanted, rung: rung == 0 ? nil : rung)
        }
    static let offer = zip(kind, talentSet, Gen.int(in: 1...6), halfDays, needs, Gen.int(in: 0...2))
        .map { kind, talents, rung, times, support, places in
            OfferTerms(kind: kind, talents: talents, rung: rung, times: times, support: support, placesFree: places)
        }
    static let distance = Gen.int(in: -1...40).map { $0 < 0 ? nil : Double($0) + 0.4 }

    @Test func eachReasonAndMisfitAppearsExactlyWhenItsConditionHolds() async {
        await propertyCheck(input: Self.wish, Self.offer, Self.distance) { wish, offer, kilometres in
            guard let explained = ParticipationMatching.explain(wish, offer, kilometres: kilometres) else {
                #expect(wish.notWanted.contains(offer.kind), "left out only when the kind is not wanted")
                return
            }
            #expect(!wish.notWanted.contains(offer.kind))
            let shared = wish.talents.intersection(offer.talents)
            #expect(explained.reasons.contains(.sharedTalents(shared.sorted())) == !shared.isEmpty)
            #expect(explained.misfits.contains(.noSharedTalent) == shared.isEmpty)

            let common = wish.availability.intersection(offer.times)
            let timesKnown = !wish.availability.isEmpty && !offer.times.isEmpty
            #expect(explained.reasons.contains(.fitsTimes(common)) == (timesKnown && !common.isEmpty))
            #expect(explained.misfits.contains(.noCommonTime) == (timesKnown && common.isEmpty))

            #expect(explained.misfits.contains(.distanceUnknown) == (kilometres == nil))
            let reach = explained.reasons.contains { if case .withinReach = $0 { true } else { false } }
            let far = explained.misfits.contains { if case .tooFar = $0 { true } else { false } }
            #expect(reach == (kilometres.map { $0 <= Double(wish.maxKilometres) } ?? false))
            #expect(far == (kilometres.map { $0 > Double(wish.maxKilometres) } ?? false))

            let missing = wish.needs.subtracting(offer.support)
            #expect(explained.misfits.contains(.supportMissing(SupportKind.allCases.filter(missing.contains))) == !missing.isEmpty)
            let support = explained.reasons.contains { if case .supportThere = $0 { true } else { false } }
            #expect(support == (!wish.needs.isEmpty && missing.isEmpty))

            let up = wish.rung.map { offer.rung > $0 && offer.rung <= $0 + 2 } ?? false
            let big = wish.rung.map { offer.rung > $0 + 2 } ?? false
            #expect(explained.reasons.contains { if case .stepUp = $0 { true } else { false } } == up)
            #expect(explained.misfits.contains { if case .bigStep = $0 { true } else { false } } == big)
            #expect(explained.misfits.contains(.noPlaceFree) == (offer.placesFree == 0))
        }
    }

    @Test func theBottleCollectorsBestMatchIsTheSupermarketsReturns() throws {
        let bottles = ParticipationWish(talents: ["collecting", "returns", "sorting"], availability: HalfDays(codes: ["MO-am", "TU-am", "WE-am"])!,
                                        travel: .bike, maxKilometres: 5, needs: [.jobCoach], notWanted: [.course], rung: 3)
        let returns = OfferTerms(kind: .supportedJob, talents: ["returns", "sorting", "stock"], rung: 5, times: HalfDays(codes: ["TU-am", "TH-am"])!,
                                 support: [.jobCoach, .quietPlace], placesFree: 1)
        let choir = OfferTerms(kind: .volunteering, talents: ["music"], rung: 4, times: HalfDays(codes: ["TH-ev"])!, placesFree: 3)
        let course = OfferTerms(kind: .course, talents: ["sorting", "administration"], rung: 3, times: HalfDays(), placesFree: 9)
        let ranked = ParticipationMatching.rank([(1, bottles, choir, 1.0), (2, bottles, returns, 2.3), (3, bottles, course, 0.5)])
        #expect(ranked.map(\.id) == [2], "the course is not wanted, and the choir shares no talent: neither is proposed")
        let best = try #require(ranked.first?.explanation)
        #expect(best.reasons == [.sharedTalents(["returns", "sorting"]), .fitsTimes(HalfDays(codes: ["TU-am"])!),
                                 .withinReach(kilometres: 3, most: 5), .supportThere([.jobCoach]), .stepUp(from: 3, to: 5)])
        #expect(best.misfits.isEmpty)
        // Explained on its own (as the host's page would for someone who signed up before its talents changed), the choir says why not.
        #expect(ParticipationMatching.explain(bottles, choir, kilometres: 1.0)?.misfits == [.noSharedTalent, .noCommonTime, .supportMissing([.jobCoach])])
    }

    /// Only matches are ranked: exactly the offers that share a talent and are of a kind not ruled out.
    @Test func onlyOffersSharingATalentAndNotRuledOutAreRanked() async {
        await propertyCheck(input: Self.wish, Self.offer.array(of: 0...6)) { wish, offers in
            let ranked = ParticipationMatching.rank(offers.enumerated().map { (id: $0.offset, wish: wish, offer: $0.element, kilometres: nil) })
            let expected = offers.indices.filter { !wish.notWanted.contains(offers[$0].kind) && !wish.talents.isDisjoint(with: offers[$0].talents) }
            #expect(Set(ranked.map(\.id)) == Set(expected))
        }
    }

    /// Ranking weighs thousands of offers without their words and explains
    /// only those it keeps: the order is the one of every offer explained and
    /// sorted (score, then fewer misfits, then id), and each kept explanation
    /// is the one `explain` gives.
    @Test func rankingWithoutWordsKeepsTheOrderOfTheExplained() async {
        await propertyCheck(input: Self.wish, zip(Self.offer, Self.distance).array(of: 0...12), Gen.int(in: 0...8)) { wish, offers, limit in
            let candidates = offers.enumerated().map { (id: $0.offset, wish: wish, offer: $0.element.0, kilometres: $0.element.1) }
            for candidate in candidates {
                let explained = ParticipationMatching.explain(wish, candidate.offer, kilometres: candidate.kilometres)
                let standing = ParticipationMatching.standing(wish, candidate.offer, kilometres: candidate.kilometres)
                #expect(standing?.score == explained?.score && standing?.misfits == explained?.misfits.count)
            }
            let everyOneExplained = candidates.filter { ParticipationMatching.isMatch(wish, $0.offer) }
                .compactMap { c in ParticipationMatching.explain(wish, c.offer, kilometres: c.kilometres).map { (id: c.id, explanation: $0) } }
                .sorted { a, b in
                    (a.explanation.score, -a.explanation.misfits.count, -a.id) > (b.explanation.score, -b.explanation.misfits.count, -b.id)
                }
            let ranked = ParticipationMatching.rank(candidates, limit: limit)
            #expect(ranked.map(\.id) == Array(everyOneExplained.prefix(limit).map(\.id)))
            #expect(ranked.map(\.explanation) == Array(everyOneExplained.prefix(limit).map(\.explanation)))
            #expect(ParticipationMatching.order(candidates) == everyOneExplained.map(\.id))
        }
    }

    @Test func equalScoresKeepOneOrder() {
        let wish = ParticipationWish(talents: ["music"], availability: HalfDays(), travel: .walking, maxKilometres: 2)
        let offer = OfferTerms(kind: .volunteering, talents: ["music"], rung: 3, times: HalfDays(), placesFree: 1)
        let ranked = ParticipationMatching.rank([("b", wish, offer, nil), ("a", wish, offer, nil), ("c", wish, offer, 1.0)])
        #expect(ranked.map(\.id) == ["c", "a", "b"])
        #expect(ParticipationMatching.rank([("b", wish, offer, nil), ("a", wish, offer, nil)], limit: 1).map(\.id) == ["a"])
    }

    @Test func halfDaysReadAndWriteTheirCodes() {
        let days = HalfDays(codes: ["WE-pm", "MO-am", ""])
        #expect(days?.codes == "MO-am,WE-pm")
        #expect(HalfDays(codes: ["MO-am", "XX-pm"]) == nil && HalfDays(codes: ["MO"]) == nil && HalfDays(codes: ["MO-am-pm"]) == nil)
        #expect(HalfDays(mask: -1).days.count == 21 && HalfDays(mask: -1).days.first == HalfDay(.monday, .morning))
        #expect(HalfDays(HalfDay.week).mask == (1 << 21) - 1)
    }

    @Test func distancesAreAsTheCrowFlies() throws {
        let dam = try #require(Coordinates(latitude: 52.3731, longitude: 4.8926))
        let utrecht = try #require(Coordinates(latitude: 52.0907, longitude: 5.1214))
        #expect(abs(dam.kilometres(to: utrecht) - 34.9) < 0.5)
        #expect(dam.kilometres(to: dam) == 0)
        #expect(Coordinates(latitude: 91, longitude: 0) == nil)
    }

    @Test func theShippedTaxonomyLoads() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Resources/Participation/talents.json")
        let taxonomy = try TalentTaxonomy.load(try Data(contentsOf: url))
        #expect(taxonomy.codes.contains("returns") && taxonomy.label(of: "returns")?.nl == "Statiegeld en retouren")
        let duplicate = #"{"version":1,"groups":[{"code":"a","label":{"nl":"A","en":"A"},"talents":[{"code":"a","label":{"nl":"B","en":"B"}}]}]}"#
        #expect(throws: TalentTaxonomy.Problem.duplicateCode("a")) { try TalentTaxonomy.load(Data(duplicate.utf8)) }
        let untranslated = #"{"version":1,"groups":[{"code":"g","label":{"nl":"G","en":" "},"talents":[{"code":"t","label":{"nl":"T","en":"T"}}]}]}"#
        #expect(throws: TalentTaxonomy.Problem.incompleteText("g")) { try TalentTaxonomy.load(Data(untranslated.utf8)) }
        let empty = #"{"version":1,"groups":[{"code":"g","label":{"nl":"G","en":"G"},"talents":[]}]}"#
        #expect(throws: TalentTaxonomy.Problem.emptyGroup("g")) { try TalentTaxonomy.load(Data(empty.utf8)) }
        let bad = #"{"version":1,"groups":[{"code":"G G","label":{"nl":"G","en":"G"},"talents":[{"code":"t","label":{"nl":"T","en":"T"}}]}]}"#
        #expect(throws: TalentTaxonomy.Problem.badCode("G G")) { try TalentTaxonomy.load(Data(bad.utf8)) }
    }
}

@Suite("Participation: checking profiles and offers")
struct ParticipationChecksTests {
    let known: Set<String> = ["returns", "sorting", "music"]

    @Test func aProfileFormIsCheckedWhole() throws {
        let good = ProfileSubmission(talents: ["returns"], available: ["MO-am"], travelMode: "bike", kilometres: " 5 ", needs: ["job_coach"], notWanted: ["course"])
        let checked = try ProfileCheck.check(good, talents: known).get()
        #expect(checked.wish.maxKilometres == 5 && checked.wish.needs == [.jobCoach] && checked.wish.notWanted == [.course])
        let words = ProfileSubmission(ownWords: "Ik verzamel flessen", travelMode: "walking", kilometres: "0")
        #expect(try ProfileCheck.check(words, talents: known).get().texts.ownWords == "Ik verzamel flessen", "own words alone are enough")
        let bad = ProfileSubmission(talents: ["knives"], available: ["XX-am"], travelMode: "rocket", kilometres: "101", needs: ["magic"], notWanted: ["war"])
        guard case .failure(let invalid) = ProfileCheck.check(bad, talents: known) else { Issue.record("accepted"); return }
        #expect(invalid.issues.map(\.field) == ["talents", "available", "travel_mode", "max_km", "needs", "not_wanted"])
        guard case .failure(let nothing) = ProfileCheck.check(ProfileSubmission(travelMode: "bike", kilometres: "-1"), talents: known) else { return }
        #expect(nothing.issues.map(\.messageKey) == ["participation.talent_or_words", "participation.kilometres_range"])
    }

    @Test func anOfferNeedsAPlaceTimesThatParseAndPlacesThatAddUp() throws {
        let good = OfferSubmission(kind: "supported_job", talents: ["returns"], rung: "5", times: ["TU-am"], postcode: "1011 ab", support: ["job_coach"],
                                   places: "2", placesFree: "1")
        let checked = try OfferCheck.check(good, talents: known).get()
        #expect(checked.postcode == "1011AB" && checked.postcode4 == "1011" && checked.terms.placesFree == 1 && checked.terms.rung == 5)
        let bad = OfferSubmission(kind: "party", talents: [], rung: "9", times: ["Monday"], postcode: "", support: ["x"], places: "1", placesFree: "3")
        guard case .failure(let invalid) = OfferCheck.check(bad, talents: known) else { Issue.record("accepted"); return }
        #expect(invalid.issues.map(\.field) == ["offer_kind", "offer_talents", "offer_rung", "offer_times", "offer_postcode", "offer_support", "offer_places_free"])
        #expect(invalid.issues.first { $0.field == "offer_postcode" }?.messageKey == "participation.offer_needs_place")
        guard case .failure(let nowhere) = OfferCheck.check(OfferSubmission(kind: "job", talents: ["music"], rung: "6", postcode: "ABCD", places: "x", placesFree: "0"),
                                                           talents: known) else { return }
        #expect(nowhere.issues.map(\.messageKey) == ["participation.invalid_postcode", "participation.invalid_places"])
    }
}
