import Foundation

extension FHIRExport.Context {
    /// isotretinoin, coded when the data file has a code, with the product as the person named it.
    func medication(product: String?) -> JSONValue {
        FHIRParts.concept([codes.medication], text: product ?? codes.medication.display ?? "isotretinoin")
    }

    func milligrams(_ value: Double) -> JSONValue {
        FHIRParts.quantity(value, unit: codes.doseUnit.unit, ucum: codes.doseUnit.ucum, system: codes.ucum)
    }

    /// One statement per plan step in force at some day of the range, and one per intake
    /// recorded in it (taken, or not taken when skipped).
    func medicationStatements() -> [FHIRExport.Resource] {
        planStatements() + intakeStatements()
    }

    private func planStatements() -> [FHIRExport.Resource] {
        journal.courses.flatMap { course -> [FHIRExport.Resource] in
            guard let records = journal.courseRecords(number: course.number) else { return [] }
            return records.steps.enumerated().compactMap { index, step in
                let nextStart = index + 1 < records.steps.count ? records.steps[index + 1].startDate : records.nextCourseStart
                let end = [nextStart?.adding(days: -1), records.settings.lastDoseDate].compactMap { $0 }.min()
                guard step.startDate <= range.to, (end ?? range.to) >= range.from else { return nil }
                var period: [String: JSONValue] = ["start": .string(step.startDate.iso)]
                if let end { period["end"] = .string(max(end, step.startDate).iso) }
                var body: [String: JSONValue] = [
                    // Ended steps are history; the open one is what the person is meant to take now.
                    "status": .string(end == nil ? "active" : "completed"),
                    "medicationCodeableConcept": medication(product: records.settings.product),
                    "subject": patient,
                    "effectivePeriod": .object(period),
                    "informationSource": patient,
                    "dosage": .array(planDosage(step, slots: records.settings.intakeSlots)),
                ]
                body["note"] = FHIRParts.notes(["Course \(course.number) plan from \(step.startDate.iso): \(step.summary)"
                                                + (step.cycle.count > 1 ? " (a \(step.cycle.count)-day cycle)" : "") + ", as the patient recorded it."])
                return FHIRExport.Resource(type: "MedicationStatement", id: FHIRResourceID.from(DoseStep.entryID(startDate: step.startDate).rawValue),
                                           day: step.startDate, body: body)
            }
        }
    }

    /// One dosage per intake with a dose on each day of the cycle (day 1 of 2 …), at its time.
    private func planDosage(_ step: DoseStep, slots: [IntakeSlot]) -> [JSONValue] {
        var dosages: [JSONValue] = []
        for (dayIndex, amounts) in step.cycle.enumerated() {
            for (slotIndex, mg) in amounts.enumerated() where mg > 0 && slotIndex < slots.count {
                let slot = slots[slotIndex]
                let clock = Timestamp.clockText(minuteOfDay: slot.minuteOfDay)
                let cycleText = step.cycle.count > 1 ? "day \(dayIndex + 1) of \(step.cycle.count): " : ""
                dosages.append([
                    "sequence": .integer(dosages.count + 1),
                    "text": .string("\(cycleText)\(MilligramText.format(mg)) mg, \(slot.name) (\(clock))"),
                    "timing": ["repeat": ["frequency": .integer(1), "period": .integer(step.cycle.count), "periodUnit": "d",
                                          "timeOfDay": [.string(clock + ":00")]]],
                    "doseAndRate": [["doseQuantity": milligrams(mg)]],
                ])
            }
        }
        return dosages
    }

    private func intakeStatements() -> [FHIRExport.Resource] {
        let courses = journal.courses
        return entries(of: .dose).compactMap { entry in
            guard case .dose(let intake)? = entry.body else { return nil }
            // The product of the course the intake belongs to (the latest that started by then).
            let product = (courses.last { $0.settings.startDate <= entry.day } ?? courses.first)?.settings.product
            var body: [String: JSONValue] = [
                "medicationCodeableConcept": medication(product: product),
                "subject": patient,
                "effectiveDateTime": .string(FHIRParts.time(day: entry.day, at: entry.occurredAt, offsetSeconds: entry.occurredOffsetSeconds)),
                "dateAsserted": .string(Timestamp.utcText(entry.recordedAt)),
                // Patient-reported: the person said it was taken (or not); nobody else writes "taken".
                "informationSource": patient,
            ]
            switch intake.status {
            case .taken:
                body["status"] = "completed"
                let food = intake.withFood.map { $0 ? ", with food" : ", without food" } ?? ""
                body["dosage"] = [["text": .string("\(MilligramText.format(intake.milligrams ?? 0)) mg, \(intake.slot)\(food)"),
                                   "doseAndRate": [["doseQuantity": milligrams(intake.milligrams ?? 0)]]]]
                body["note"] = FHIRParts.notes([intake.recordedWhile.map {
                    "Taken while the course was \($0.replacingOccurrences(of: "-", with: " ")) (no dose was expected); the patient confirmed it."
                }])
            case .skipped:
                body["status"] = "not-taken"
                // The journal keeps no reason for a skipped dose beyond what the person typed as the
                // record's reason; without one the statement says only that it was skipped.
                body["statusReason"] = [["text": .string(entry.reason.map { "Skipped: \($0)" } ?? "Skipped (recorded by the patient; no reason given)")]]
                body["dosage"] = [["text": .string("\(intake.slot) dose")]]
            }
            return FHIRExport.Resource(type: "MedicationStatement", id: FHIRResourceID.from(entry.id.rawValue), day: entry.day, body: body)
        }
    }
}
