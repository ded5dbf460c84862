import Testing
import JournalCore

/// The one rule for a symptom rating, used by the form, the shell and the plain mode.
@Suite("Symptom rating: one rule for every way of logging")
struct SymptomRatingRuleTests {
    let other = SymptomCatalogue.shipped.symptom(slug: "other")!
    let lips = SymptomCatalogue.shipped.symptom(slug: "chapped-lips")!

    @Test("'other' needs words when graded; a blank note is no words; grade 0 needs none")
    func otherNeedsDescription() {
        #expect(SymptomRating(symptom: "other", grade: 2).problem(other) == .needsDescription)
        #expect(SymptomRating(symptom: "other", grade: 2, note: "  ").problem(other) == .needsDescription)
        #expect(SymptomRating(symptom: "other", grade: 2, note: "itchy scalp").problem(other) == nil)
        #expect(SymptomRating(symptom: "other", grade: 0).problem(other) == nil)
        #expect(SymptomRating(symptom: "chapped-lips", grade: 3).problem(lips) == nil)
    }

    @Test("a grade outside 0–3 is refused whatever the symptom")
    func gradeRange() {
        #expect(SymptomRating(symptom: "chapped-lips", grade: 4).problem(lips) == .gradeOutOfRange)
        #expect(SymptomRating(symptom: "other", grade: -1, note: "x").problem(other) == .gradeOutOfRange)
    }
}
