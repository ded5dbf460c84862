import Foundation

/// The demo's labs, visits, monthly checklists, mood checks and its one red flag.
extension DemoPlan {
    mutating func labsAndVisits() {
        func test(_ n: Int) {
            put(LabResult.entryID(day: day(n), test: .pregnancy), day(n), 17 * 60,
                .labResult(.pregnancyTest(.negative, setting: .clinic)))
        }
        func appointment(_ n: Int, _ what: LabAppointment.What, status: LabAppointment.Status = .done, minute: Int? = nil, note: String? = nil) {
            put(LabAppointment.entryID(day: day(n), what: what), day(n), 18 * 60,
                .labAppointment(LabAppointment(what: what, minuteOfDay: minute, note: note, status: status)))
        }
        func result(_ n: Int, _ test: LabTest, _ value: Double, _ unit: LabUnit, uln: Double? = nil, note: String? = nil) {
            var lab = LabResult.measured(test, value, unit, upperLimitOfNormal: uln, fasting: test.group == .lipid ? true : nil)
            lab.note = note
            if let flag = LabFlagging.highest(for: lab, on: day(n)), flag.level > .noted { lab.noticeShown = flag.wording }
            put(LabResult.entryID(day: day(n), test: test), day(n), 19 * 60, .labResult(lab), savedOn: day(n + 1))
        }
        // Before the course: two pregnancy tests and the baseline bloods.
        test(-20); test(-2)
        appointment(-9, .lipidsAndLiver)
        result(-9, .triglycerides, 110, .milligramsPerDeciliter)
        result(-9, .totalCholesterol, 172, .milligramsPerDeciliter)
        result(-9, .alt, 22, .unitsPerLiter, uln: 40)
        appointment(1, .pharmacyPickup)
        // Month 2 visit: triglycerides up past the "tell your prescriber" level.
        test(28)
        appointment(28, .prescriberVisit)
        appointment(28, .lipidsAndLiver)
        result(28, .triglycerides, 545, .milligramsPerDeciliter, note: "fasted 10 hours")
        result(28, .totalCholesterol, 214, .milligramsPerDeciliter)
        result(28, .alt, 47, .unitsPerLiter, uln: 40)
        appointment(30, .pharmacyPickup)
        appointment(52, .lipids)
        result(52, .triglycerides, 390, .milligramsPerDeciliter, note: "less butter, no alcohol")
        result(52, .alt, 38, .unitsPerLiter, uln: 40)
        // Month 3: this month's test, visit and pickup; the next bloods are booked.
        test(61)
        appointment(61, .prescriberVisit)
        appointment(63, .pharmacyPickup)
        let lastDay = DemoJournal.courseDaysSoFar + 1
        put(LabAppointment.entryID(day: day(lastDay + 4), what: .lipids), day(lastDay + 4), 18 * 60,
            .labAppointment(LabAppointment(what: .lipids, minuteOfDay: 8 * 60 + 30, note: "Main St lab", status: .scheduled)),
            savedOn: day(61))
        put(LabAppointment.entryID(day: day(91), what: .prescriberVisit), day(91), 18 * 60,
            .labAppointment(LabAppointment(what: .prescriberVisit, minuteOfDay: 15 * 60 + 40, status: .scheduled)), savedOn: day(61))
    }

    mutating func checklists() {
        func tick(_ month: Int, _ item: String, on n: Int, note: String? = nil) {
            put(ChecklistTick.entryID(month: month, item: item), day(n), 20 * 60 + 30,
                .checklistTick(ChecklistTick(month: month, item: item, done: true, note: note)))
        }
        for item in ["contraception-1", "contraception-2", "programme-confirmation"] { tick(1, item, on: -1) }
        for item in ["contraception-1", "contraception-2", "programme-confirmation"] { tick(2, item, on: 29) }
        // The current month is under way: one contraception confirmed, the rest still to do.
        tick(3, "contraception-1", on: 61, note: "IUD checked at the visit")
        let custom = ChecklistCustomItem(month: 3, title: "Order more lip balm")
        put(ChecklistCustomItem.entryID(month: 3, itemID: custom.itemID), day(62), 20 * 60, .checklistItem(custom))
    }

    mutating func moodAndRedFlag() {
        let checks: [(Int, [Int])] = [(14, [0, 1]), (50, [2, 1, 1, 1, 0, 1, 1, 0, 0]), (70, [1, 0])]
        for (n, answers) in checks {
            put(MoodCheck.entryID(day: day(n)), day(n), 21 * 60 + 10, .moodCheck(MoodCheck(answers: answers)))
        }
        let flag = Self.redFlag
        let read = Timestamp.instant(of: day(Self.redFlagDay), minuteOfDay: 21 * 60 + 2, in: zone)
        put(RedFlagReport.entryID(day: day(Self.redFlagDay), flag: flag), day(Self.redFlagDay), 21 * 60 + 2,
            .redFlag(RedFlagReport(flag: flag, noticeShown: RedFlagCatalogue.shipped.notice, acknowledgedAt: read)))
    }
}
