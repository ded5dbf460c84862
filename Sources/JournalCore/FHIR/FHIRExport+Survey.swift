import Foundation

extension FHIRExport.Context {
    /// Symptom grades, red-flag answers and mood checks: what the person reported, category survey.
    func surveyObservations() -> [FHIRExport.Resource] {
        symptomObservations() + redFlagObservations() + moodObservations()
    }

    private func symptomObservations() -> [FHIRExport.Resource] {
        let catalogue = SymptomCatalogue.shipped
        return entries(of: .symptom).compactMap { entry in
            guard case .symptom(let rating)? = entry.body else { return nil }
            let code = FHIRParts.concept(codes.symptoms[rating.symptom].map { [$0] } ?? [], text: catalogue.name(of: rating.symptom))
            let grade = "Grade \(rating.grade) on the journal's 0–3 scale: \(catalogue.label(forGrade: rating.grade)) "
                + "(how much it limited the day; modelled on CTCAE wording, not a CTCAE grade)."
            var members: [String: JSONValue] = ["valueInteger": .integer(rating.grade)]
            members["note"] = FHIRParts.notes([grade, rating.note.map { "Patient's note: \($0)" }])
            return observation(id: FHIRResourceID.from(entry.id.rawValue), day: entry.day, category: codes.categories.survey,
                               code: code, effective: entry.day.iso, members: members)
        }
    }

    /// A yes to a red-flag question, when it was answered, and the notice the person was shown.
    private func redFlagObservations() -> [FHIRExport.Resource] {
        entries(of: .redFlag).compactMap { entry in
            guard case .redFlag(let report)? = entry.body else { return nil }
            let question = RedFlagCatalogue.shipped.flag(id: report.flag)?.question ?? report.flag
            let notes: [String?] = ["Notice shown: \(report.noticeShown)",
                                    report.acknowledgedAt.map { "Notice read and closed at \(Timestamp.utcText($0))." }]
            let effective = FHIRParts.time(day: entry.day, at: entry.occurredAt ?? entry.recordedAt,
                                          offsetSeconds: entry.occurredAt == nil ? nil : entry.occurredOffsetSeconds)
            return observation(id: FHIRResourceID.from(entry.id.rawValue), day: entry.day, category: codes.categories.survey,
                               code: FHIRParts.concept([], text: "Red flag: \(question)"), effective: effective,
                               members: ["valueBoolean": true, "note": .array(notes.compactMap { $0 }.map { ["text": .string($0)] })])
        }
    }

    /// A PHQ-2 (or PHQ-9 when it stepped up): the total as the value, each answer a component,
    /// and item 9 (thoughts of self-harm) marked when answered other than "not at all".
    private func moodObservations() -> [FHIRExport.Resource] {
        let wording = Questionnaire.phq
        return entries(of: .moodCheck).compactMap { entry in
            guard case .moodCheck(let check)? = entry.body else { return nil }
            let isPHQ9 = check.answers.count == 9
            let total = isPHQ9 ? codes.phq.phq9Total : codes.phq.phq2Total
            let components: [JSONValue] = check.answers.enumerated().map { index, answer in
                let itemCode = index < codes.phq.items.count ? [codes.phq.items[index]] : []
                let itemText = index < wording.items.count ? wording.items[index] : "Item \(index + 1)"
                let answerText = answer < wording.answers.count ? wording.answers[answer] : "\(answer)"
                return ["code": FHIRParts.concept(itemCode, text: "Item \(index + 1): \(itemText)"),
                        "valueCodeableConcept": FHIRParts.concept(answer < codes.phq.answers.count ? [codes.phq.answers[answer]] : [],
                                                                  text: "\(answer) — \(answerText)")]
            }
            var members: [String: JSONValue] = ["valueInteger": .integer(isPHQ9 ? (check.phq9Score ?? 0) : check.phq2Score),
                                                "component": .array(components)]
            if check.selfHarmAnswered {
                members["interpretation"] = [["text": "Item 9 (thoughts of being better off dead or of self-harm) answered other than \"not at all\"."]]
                members["note"] = FHIRParts.notes([check.crisisGuidanceShownAt.map { "Crisis guidance shown and closed at \(Timestamp.utcText($0))." }])
            }
            return observation(id: FHIRResourceID.from(entry.id.rawValue), day: entry.day, category: codes.categories.survey,
                               code: FHIRParts.concept([total], text: isPHQ9 ? "PHQ-9 total score" : "PHQ-2 total score"),
                               effective: FHIRParts.time(day: entry.day, at: entry.occurredAt, offsetSeconds: entry.occurredOffsetSeconds),
                               members: members)
        }
    }

    /// Body weight in kg (what the journal calculates with), with what was typed when it was lb.
    func weightObservations() -> [FHIRExport.Resource] {
        entries(of: .weight).compactMap { entry in
            guard case .weight(let weight)? = entry.body else { return nil }
            let weightCode = codes.bodyWeight
            let entered = weight.enteredUnit == .kilograms ? nil
                : "Entered as \(MilligramText.format(weight.enteredValue)) \(weight.enteredUnit.rawValue)."
            var members: [String: JSONValue] = ["valueQuantity": FHIRParts.quantity(weight.kilograms, unit: weightCode.unit,
                                                                                    ucum: weightCode.ucum, system: codes.ucum)]
            members["note"] = FHIRParts.notes([entered])
            return observation(id: FHIRResourceID.from(entry.id.rawValue), day: entry.day, category: codes.categories.vitalSigns,
                               code: FHIRParts.concept([weightCode.code], text: "Body weight"), effective: entry.day.iso, members: members)
        }
    }
}
