import Foundation
import Testing
import JournalCore

@Suite("FHIR export: the Bundle built from the journal")
struct FHIRExportTests {
    let now = Date(timeIntervalSince1970: 1_796_000_000)
    let loinc = "http://loinc.org|"

    func build(_ range: ReportRange = FHIRFixture.whole, _ type: FHIRExport.BundleType = .collection,
               journal: Journal = FHIRFixture.journal) throws -> FHIRExport.Exported {
        try FHIRExport.bundle(journal: journal, range: range, generatedAt: now, type: type).get()
    }

    @Test("one Patient, a statement per plan step and per intake, an Observation per result, grade, red flag, mood check and weight")
    func counts() throws {
        let exported = try build()
        #expect(exported.counts == ["Patient": 1, "MedicationStatement": 5, "Observation": 13])
        #expect(exported.bundle["resourceType"] == "Bundle")
        #expect(exported.bundle["type"] == "collection")
        #expect(exported.bundle.resources.count == 19)
        #expect(exported.bundle.resources.first?["resourceType"] == "Patient")
        #expect(exported.bundle.resources.first?["name"]?.array.first?["text"] == "Maya R.")
    }

    @Test("every resource points at the one Patient; ids follow FHIR's id rule")
    func references() throws {
        let bundle = try build().bundle
        let patientID = try #require(bundle.resources.first?["id"]?.string)
        for resource in bundle.resources.dropFirst() {
            #expect(resource["subject"]?["reference"]?.string == "Patient/" + patientID, "\(resource)")
            #expect(FHIRResourceID.isValid(resource["id"]?.string ?? ""), "\(resource)")
        }
        let statements = bundle.resources.filter { $0["resourceType"] == "MedicationStatement" }
        #expect(statements.allSatisfy { $0["informationSource"]?["reference"]?.string == "Patient/" + patientID })
    }

    @Test("ids are the record ids (a slot name with a space is hashed) and the same on every export")
    func stableIDs() throws {
        let first = try build().bundle.resources.compactMap { $0["id"]?.string }
        let again = try FHIRExport.bundle(journal: FHIRFixture.journal, range: FHIRFixture.whole, generatedAt: now.addingTimeInterval(86_400),
                                          type: .transaction).get().bundle.resources.compactMap { $0["id"]?.string }
        #expect(first == again)
        #expect(first.contains("lab-result-2026-11-05-triglycerides") && first.contains("dose-2026-11-03-morning") && first.contains("plan-2026-11-02"))
        #expect(!first.contains("dose-2026-11-04-late night"))
        #expect(first.contains(FHIRResourceID.from("dose-2026-11-04-late night")))
        #expect(FHIRResourceID.from("dose-2026-11-04-late night").hasPrefix("h-"))
        #expect(FHIRResourceID.from(String(repeating: "a", count: 65)).count <= 64)
        #expect(Set(first).count == first.count)
        #expect(first[0].hasPrefix("patient-"))
    }

    @Test("a transaction bundle PUTs each resource at Type/id, so posting it again updates")
    func transaction() throws {
        let bundle = try build(FHIRFixture.whole, .transaction).bundle
        #expect(bundle["type"] == "transaction")
        for entry in bundle["entry"]?.array ?? [] {
            let resource = try #require(entry["resource"])
            #expect(entry["request"]?["method"] == "PUT")
            #expect(entry["request"]?["url"]?.string == "\(resource["resourceType"]?.string ?? "")/\(resource["id"]?.string ?? "")")
        }
        #expect(try build().bundle["entry"]?.array.allSatisfy { $0["request"] == nil } == true)
    }

    @Test("intakes: taken with the dose in UCUM mg, skipped as not-taken with the reason, isotretinoin in RxNorm")
    func intakes() throws {
        let bundle = try build().bundle
        let taken = try #require(bundle.resource("MedicationStatement", "dose-2026-11-03-morning"))
        #expect(taken["status"] == "completed")
        #expect(taken["effectiveDateTime"] == "2026-11-03T08:05:00+01:00")
        let dose = taken["dosage"]?.array.first?["doseAndRate"]?.array.first?["doseQuantity"]
        #expect(dose == ["value": .number(20), "unit": "mg", "system": "http://unitsofmeasure.org", "code": "mg"])
        #expect(taken["medicationCodeableConcept"]?.codings == ["http://www.nlm.nih.gov/research/umls/rxnorm|6064"])
        #expect(taken["medicationCodeableConcept"]?["text"] == "Absorica")
        let skipped = try #require(bundle.resource("MedicationStatement", "dose-2026-11-03-evening"))
        #expect(skipped["status"] == "not-taken")
        #expect(skipped["statusReason"]?.array.first?["text"] == "Skipped: felt sick")
        #expect(skipped["effectiveDateTime"] == "2026-11-03")
    }

    @Test("plan steps: a period each, a dosage per intake of the cycle, the open step active")
    func planSteps() throws {
        let bundle = try build().bundle
        let first = try #require(bundle.resource("MedicationStatement", "plan-2026-11-02"))
        #expect(first["status"] == "completed")
        #expect(first["effectivePeriod"] == ["start": "2026-11-02", "end": "2026-11-09"])
        #expect(first["dosage"]?.array.count == 2)
        let second = try #require(bundle.resource("MedicationStatement", "plan-2026-11-10"))
        #expect(second["status"] == "active")
        #expect(second["effectivePeriod"]?["end"] == nil)
        let dosages = second["dosage"]?.array ?? []
        #expect(dosages.count == 3)
        #expect(dosages.map { $0["doseAndRate"]?.array.first?["doseQuantity"]?["value"]?.double } == [40, 40, 40])
        #expect(dosages.first?["timing"]?["repeat"]?["period"] == .integer(2))
        #expect(dosages.first?["text"] == "day 1 of 2: 40 mg, morning (08:00)")
    }

    @Test("lab values keep their number and unit exactly, with the LOINC code for that unit")
    func labRoundTrip() throws {
        let bundle = try build().bundle
        let expected: [(id: String, code: String?, value: Double, unit: String)] = [
            ("lab-result-2026-11-05-triglycerides", "35217-9", 6.2, "mmol/L"),
            ("lab-result-2026-11-06-triglycerides", "2571-8", 910, "mg/dL"),
            ("lab-result-2026-11-05-total-cholesterol", "2093-3", 212.5, "mg/dL"),
            ("lab-result-2026-11-05-hdl", nil, 1.31, "mmol/L"),
            ("lab-result-2026-11-05-alt", "1742-6", 62, "U/L"),
        ]
        for want in expected {
            let observation = try #require(bundle.resource("Observation", want.id))
            let quantity = observation["valueQuantity"]
            #expect(quantity?["value"]?.double == want.value, "\(want.id)")
            #expect(quantity?["unit"]?.string == want.unit && quantity?["code"]?.string == want.unit)
            #expect(quantity?["system"] == "http://unitsofmeasure.org")
            #expect(observation["code"]?.codings == (want.code.map { [loinc + $0] } ?? []), "\(want.id)")
            #expect(observation["category"]?.array.first?.codings == ["http://terminology.hl7.org/CodeSystem/observation-category|laboratory"])
            #expect(observation["effectiveDateTime"]?.string == String(want.id.dropFirst("lab-result-".count).prefix(10)))
        }
        // Through the JSON text as written, both units read back exactly.
        let reread = try #require(JSONValue.parse(bundle.text))
        #expect(reread.resource("Observation", "lab-result-2026-11-05-triglycerides")?["valueQuantity"]?["value"]?.double == 6.2)
        #expect(reread.resource("Observation", "lab-result-2026-11-05-hdl")?["valueQuantity"]?["value"]?.double == 1.31)
        #expect(reread.resource("Observation", "lab-result-2026-11-06-triglycerides")?["valueQuantity"]?["value"]?.double == 910)
    }

    @Test("flags are interpretation H/HH with the rule's words; the lab's ULN is the reference range")
    func flagsAndRanges() throws {
        let bundle = try build().bundle
        let v3 = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation|"
        let high = try #require(bundle.resource("Observation", "lab-result-2026-11-06-triglycerides"))
        #expect(high["interpretation"]?.array.first?.codings == [v3 + "HH"])
        #expect(high["interpretation"]?.array.first?["text"]?.string?.hasPrefix("Contact your prescriber promptly") == true)
        let tell = try #require(bundle.resource("Observation", "lab-result-2026-11-05-triglycerides"))
        #expect(tell["interpretation"]?.array.first?.codings == [v3 + "H"])
        let alt = try #require(bundle.resource("Observation", "lab-result-2026-11-05-alt"))
        #expect(alt["referenceRange"]?.array.first?["high"] == ["value": .number(40), "unit": "U/L", "system": "http://unitsofmeasure.org", "code": "U/L"])
        #expect(alt["interpretation"]?.array.first?.codings == [v3 + "H"])
        let plain = try #require(bundle.resource("Observation", "lab-result-2026-11-05-total-cholesterol"))
        #expect(plain["interpretation"] == nil && plain["referenceRange"] == nil)
    }

    @Test("pregnancy tests: coded positive/negative; a home test is urine hCG, a clinic test's specimen is unknown")
    func pregnancy() throws {
        let bundle = try build().bundle
        let v3 = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation|"
        let home = try #require(bundle.resource("Observation", "lab-result-2026-11-05-pregnancy"))
        #expect(home["code"]?.codings == [loinc + "2106-3"])
        #expect(home["valueCodeableConcept"]?.codings == [v3 + "NEG"])
        let clinic = try #require(bundle.resource("Observation", "lab-result-2026-11-07-pregnancy"))
        #expect(clinic["code"]?.codings == [])
        #expect(clinic["valueCodeableConcept"]?.codings == [v3 + "POS"])
        #expect(clinic["interpretation"]?.array.first?["text"] == "Stop taking isotretinoin and contact your prescriber at once.")
    }

    @Test("symptoms: survey, the grade as an integer, MedDRA where sourced, words only otherwise")
    func symptoms() throws {
        let bundle = try build().bundle
        let lips = try #require(bundle.resource("Observation", "symptom-2026-11-05-chapped-lips"))
        #expect(lips["valueInteger"] == .integer(2))
        #expect(lips["code"]?.codings == ["http://terminology.hl7.org/CodeSystem/mdr|10008417"])
        #expect(lips["category"]?.array.first?.codings == ["http://terminology.hl7.org/CodeSystem/observation-category|survey"])
        #expect(lips["note"]?.array.contains { $0["text"]?.string?.contains("limits some activities") == true } == true)
        let headache = try #require(bundle.resource("Observation", "symptom-2026-11-05-headache"))
        #expect(headache["code"]?.codings == [] && headache["code"]?["text"] == "Headache")
    }

    @Test("red flags keep their time and notice; PHQ-2 and PHQ-9 totals with item 9 marked; weight in kg")
    func surveysAndWeight() throws {
        let bundle = try build().bundle
        let flag = try #require(bundle.resource("Observation", "red-flag-2026-11-08-hearing"))
        #expect(flag["effectiveDateTime"] == "2026-11-08T14:30:00+00:00")
        #expect(flag["valueBoolean"] == true)
        #expect(flag["note"]?.array.first?["text"] == "Notice shown: Stop and call.")
        let phq2 = try #require(bundle.resource("Observation", "mood-2026-11-09"))
        #expect(phq2["code"]?.codings == [loinc + "55758-7"] && phq2["valueInteger"] == .integer(1))
        #expect(phq2["component"]?.array.map { $0["code"]?.codings ?? [] } == [[loinc + "44250-9"], [loinc + "44255-8"]])
        #expect(phq2["interpretation"] == nil)
        #expect(phq2["component"]?.array.map { $0["valueCodeableConcept"]?.codings ?? [] } == [[loinc + "LA6569-3"], [loinc + "LA6568-5"]])
        #expect(phq2["component"]?.array.first?["valueCodeableConcept"]?["text"] == "1 — Several days")
        let phq9 = try #require(bundle.resource("Observation", "mood-2026-11-12"))
        #expect(phq9["code"]?.codings == [loinc + "44261-6"] && phq9["valueInteger"] == .integer(7))
        #expect(phq9["component"]?.array.last?["code"]?.codings == [loinc + "44260-8"])
        #expect(phq9["interpretation"]?.array.first?["text"]?.string?.hasPrefix("Item 9") == true)
        let weight = try #require(bundle.resource("Observation", "weight-2026-11-02"))
        #expect(weight["code"]?.codings == [loinc + "29463-7"])
        #expect(weight["valueQuantity"]?["code"] == "kg")
        #expect(abs((weight["valueQuantity"]?["value"]?.double ?? 0) - 61.23496995) < 1e-6)
        #expect(weight["category"]?.array.first?.codings == ["http://terminology.hl7.org/CodeSystem/observation-category|vital-signs"])
    }

    @Test("a range keeps only what happened in it; the plan step in force is kept")
    func range() throws {
        let exported = try build(ReportRange(from: FHIRFixture.d(5), to: FHIRFixture.d(5)))
        let ids = exported.bundle.resources.compactMap { $0["id"]?.string }
        #expect(ids.contains("plan-2026-11-02") && !ids.contains("plan-2026-11-10"))
        #expect(!ids.contains("dose-2026-11-03-morning") && ids.contains("lab-result-2026-11-05-alt"))
        #expect(exported.counts["Observation"] == 7)
    }

    @Test("an empty range says so in words and builds nothing; an anonymous patient has no name")
    func emptyRangeAndAnonymous() throws {
        let empty = ReportRange(from: LocalDate(iso: "2025-01-01")!, to: LocalDate(iso: "2025-01-31")!)
        switch FHIRExport.bundle(journal: FHIRFixture.journal, range: empty, generatedAt: now, type: .collection) {
        case .success: Issue.record("an empty range built a bundle")
        case .failure(let problem): #expect(problem.message.hasPrefix("Nothing to export from 2025-01-01 to 2025-01-31"))
        }
        let anonymous = Journal(revisions: FHIRFixture.entries.filter { $0.id.rawValue != "programme-settings" })
        let patient = try build(journal: anonymous).bundle.resources.first
        #expect(patient?["name"] == nil)
        #expect(patient?["id"] == (try build().bundle.resources.first?["id"]))
    }

    @Test("the JSON text has no nulls (FHIR forbids them), unescaped units, and the same bytes for the same input")
    func text() throws {
        let text = try build().bundle.text
        #expect(!text.contains("null") && !text.contains("\\/"))
        #expect(text.contains("\"mg/dL\"") && text.contains("\"resourceType\" : \"Bundle\""))
        #expect(text == (try build().bundle.text))
    }

    @Test("every code in the data file has a source, and every lab test and unit is listed")
    func dataFile() {
        let codes = FHIRCodes.shipped
        for test in LabTest.allCases where test.hasValue {
            for unit in test.units { #expect(codes.lab(test, unit: unit) != nil, "\(test) \(unit)") }
        }
        for lab in codes.labs { #expect((lab.code == nil) != (lab.why == nil), "\(lab.test) \(lab.unit): a code or why not") }
        let all = [codes.medication, codes.bodyWeight.code, codes.phq.phq2Total, codes.phq.phq9Total] + codes.phq.items + codes.phq.answers
            + codes.labs.compactMap(\.code) + Array(codes.symptoms.values) + Array(codes.flagLevels.values)
        #expect(all.allSatisfy { !$0.source.isEmpty && !$0.code.isEmpty })
        #expect(codes.phq.items.count == 9 && codes.phq.answers.count == 4)
    }
}
