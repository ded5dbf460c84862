import Foundation
import Testing
@testable import JournalCore

@Suite("Journal")
struct JournalTests {
    let day = LocalDate(iso: "2026-11-26")!
    let t0 = Date(timeIntervalSince1970: 1_795_000_000)

    func rating(_ slug: String, _ grade: Int, note: String? = nil, revision: Int = 1, on day: LocalDate? = nil) -> Entry {
        let d = day ?? self.day
        return Entry(id: SymptomRating.entryID(day: d, symptom: slug), revision: revision, recordedAt: t0, day: d,
                     body: .symptom(SymptomRating(symptom: slug, grade: grade, note: note)))
    }

    @Test("the newest revision is current; every revision stays in the history")
    func revisions() {
        var journal = Journal()
        journal.apply(rating("headache", 1))
        journal.apply(rating("headache", 3, note: "worse in the evening", revision: 2))
        #expect(journal.symptomRating(on: day, symptom: "headache")?.grade == 3)
        #expect(journal.history(of: SymptomRating.entryID(day: day, symptom: "headache")).map(\.revision) == [1, 2])
        #expect(journal.currentRecordCount == 1)
        #expect(journal.revisions.count == 2)
    }

    @Test("a retraction hides the record but keeps its history")
    func retraction() {
        var journal = Journal()
        journal.apply(rating("dry-skin", 2))
        let id = SymptomRating.entryID(day: day, symptom: "dry-skin")
        journal.apply(JournalChange.retract(id: id, day: day, reason: "wrong day").entry(after: 1, recordedAt: t0))
        #expect(journal.symptomRatings(on: day).isEmpty)
        #expect(journal.current(id) == nil)
        #expect(journal.history(of: id).count == 2)
        #expect(journal.history(of: id).last?.reason == "wrong day")
        #expect(journal.daysWithEntries.isEmpty)
    }

    @Test("entries are grouped by day and a range is ordered by day")
    func byDay() {
        var journal = Journal()
        let yesterday = day.adding(days: -1)
        journal.apply(rating("headache", 1))
        journal.apply(rating("chapped-lips", 2, on: yesterday))
        journal.apply(rating("dry-eyes", 1))
        #expect(journal.symptomRatings(on: day).map(\.symptom) == ["headache", "dry-eyes"])
        #expect(journal.entries(from: yesterday, to: day).map(\.day) == [yesterday, day, day])
        #expect(journal.daysWithEntries == [yesterday, day])
    }

    @Test("a change becomes the next revision of its record")
    func changeToEntry() {
        let change = JournalChange.put(SymptomRating.entryID(day: day, symptom: "rash"), day: day,
                                       body: .symptom(SymptomRating(symptom: "rash", grade: 1)))
        let entry = change.entry(after: 4, recordedAt: t0)
        #expect(entry.revision == 5)
        #expect(entry.recordedAt == t0)
        #expect(entry.id.rawValue == "symptom-2026-11-26-rash")
    }
}

@Suite("Catalogues")
struct CatalogueTests {
    @Test("the shipped symptom catalogue has the slugs the command line documents")
    func symptomSlugs() {
        #expect(SymptomCatalogue.shipped.symptoms.map(\.slug) == [
            "chapped-lips", "dry-skin", "nosebleed", "dry-eyes", "joint-pain", "back-pain", "muscle-ache",
            "headache", "low-mood", "night-vision", "rash", "sun-sensitivity", "other",
        ])
        #expect(SymptomCatalogue.shipped.scale.map(\.grade) == [0, 1, 2, 3])
        #expect(SymptomCatalogue.shipped.label(forGrade: 2) == "limits some activities")
        #expect(SymptomCatalogue.shipped.symptom(slug: "other")?.needsDescription == true)
    }

    @Test("near misses suggest the right slug", arguments: [
        ("headach", "headache"), ("chapped-lip", "chapped-lips"), ("lips", "chapped-lips"),
        ("nosebleeds", "nosebleed"), ("mood", "low-mood"), ("dryskin", "dry-skin"),
    ])
    func suggestions(typed: String, expected: String) {
        #expect(SymptomCatalogue.shipped.nearestSlug(to: typed) == expected)
    }

    @Test("nonsense gets no suggestion")
    func noSuggestion() {
        #expect(SymptomCatalogue.shipped.nearestSlug(to: "xylophone") == nil)
    }

    @Test("the red-flag catalogue covers the label's six groups for everyone, and three pregnancy risks for those who can get pregnant")
    func redFlags() {
        let catalogue = RedFlagCatalogue.shipped
        #expect(catalogue.flags(for: .cannotGetPregnant).count == 6)
        #expect(catalogue.flags(for: nil).map(\.id) == catalogue.flags(for: .cannotGetPregnant).map(\.id))
        #expect(catalogue.flags(for: .canGetPregnant).map(\.id).suffix(3) == ["late-period", "unprotected-sex", "stopped-contraception"])
        #expect(catalogue.notice.contains("contact your prescriber now"))
        #expect(catalogue.notice.contains("emergency number"))
        #expect(catalogue.notice(for: "late-period").contains("pregnancy test"))
        #expect(catalogue.source.contains("label"))
        #expect(Set(catalogue.flags.map(\.id)).count == 9)
        #expect(catalogue.flags.filter(\.showsCrisisGuidance).map(\.id) == ["mood-self-harm"])
    }
}
