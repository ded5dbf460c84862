import Foundation

extension FHIRExport.Context {
    /// One Observation per lab result whose specimen day is in the range: the value in the unit
    /// it was entered in (never converted, so it reads back exactly), the LOINC code for that
    /// unit when one is sourced, the lab's upper limit as the reference range, and the flag.
    func labObservations() -> [FHIRExport.Resource] {
        journal.labRecords.results.filter { contains($0.day) }.map { dated in
            let result = dated.result
            var members: [String: JSONValue] = [:]
            var coded: [FHIRCodes.Code] = []
            var noCodeBecause: String?
            if result.test == .pregnancy {
                let entry = codes.pregnancyTest(setting: result.setting)
                coded = entry?.code.map { [$0] } ?? []
                noCodeBecause = entry?.why ?? (entry == nil ? "Where the test was done is not recorded, so no specimen-specific code is given." : nil)
                members["valueCodeableConcept"] = pregnancyOutcome(result.outcome)
            } else if let value = result.value, let unit = result.unit {
                let entry = codes.lab(result.test, unit: unit)
                coded = entry?.code.map { [$0] } ?? []
                noCodeBecause = entry?.why
                members["valueQuantity"] = FHIRParts.quantity(value, unit: unit.rawValue, ucum: entry?.ucum ?? unit.rawValue, system: codes.ucum)
            }
            if let uln = result.upperLimitOfNormal, uln > 0 {
                members["referenceRange"] = [["high": FHIRParts.quantity(uln, unit: LabUnit.unitsPerLiter.rawValue,
                                                                         ucum: codes.lab(result.test, unit: .unitsPerLiter)?.ucum ?? "U/L", system: codes.ucum),
                                              "text": "The lab's upper limit of normal, as printed on the report"]]
            }
            if let highest = dated.highestFlag {
                let level = codes.flagLevels[highest.level.rawValue]
                members["interpretation"] = [FHIRParts.concept(level.map { [$0] } ?? [], text: highest.wording)]
            }
            members["note"] = FHIRParts.notes(labNotes(dated, noCodeBecause: noCodeBecause))
            let text = result.test == .pregnancy ? "Pregnancy test (hCG)" : result.test.name
            return observation(id: FHIRResourceID.from(dated.id.rawValue), day: dated.day, category: codes.categories.laboratory,
                               code: FHIRParts.concept(coded, text: text), effective: dated.day.iso, members: members)
        }
    }

    private func pregnancyOutcome(_ outcome: LabResult.PregnancyOutcome?) -> JSONValue {
        guard let outcome else { return ["text": "not recorded"] }
        return FHIRParts.concept(codes.pregnancyOutcomes[outcome.rawValue].map { [$0] } ?? [], text: outcome.rawValue)
    }

    /// Every flag with its limit and source, why the rules could not judge it, and the person's words.
    private func labNotes(_ dated: DatedLabResult, noCodeBecause: String?) -> [String?] {
        let result = dated.result
        var notes: [String?] = dated.flags.map { "Flag (\($0.limitText)): \($0.wording) Source: \($0.sourceText)" }
        notes.append(dated.notJudgedBecause.map { "Not judged: \($0)." })
        notes.append(result.fasting.map { $0 ? "Fasting sample." : "Not fasting." })
        notes.append(result.setting.map { "Collected at: \($0.rawValue)." })
        notes.append(noCodeBecause)
        notes.append(result.note.map { "Patient's note: \($0)" })
        return notes
    }
}
