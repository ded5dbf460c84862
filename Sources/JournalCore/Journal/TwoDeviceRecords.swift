import Foundation

/// What Today and the reports say about records changed on two machines while apart.
public enum TwoDeviceRecords {
    /// After a record's line on the timeline; `isojournal sync status` lists the versions.
    public static let mark = "⇄ changed on two devices"

    /// A planned intake recorded as taken on two machines: possibly one dose logged twice,
    /// possibly a dose taken twice. Only the person can say which.
    public struct DoubleDose: Equatable, Sendable {
        public let day: LocalDate
        public let slot: String
        /// "laptop 08:02, desktop 08:15".
        public let versions: [String]
    }

    /// Doses that a merge found recorded as taken on two devices, not yet confirmed.
    public static func doubleDoses(in journal: Journal, timeZone: TimeZone) -> [DoubleDose] {
        journal.recordsChangedOnTwoDevices.compactMap { id in
            let taken = journal.competingVersions(of: id).filter {
                if case .dose(let intake)? = $0.body { return intake.status == .taken } else { return false }
            }
            guard taken.count >= 2, case .dose(let intake)? = taken[0].body else { return nil }
            let versions = taken.map { entry in
                journal.deviceLabel(entry.origin?.device) + " " + Timestamp.clockText(minuteOfDay: Timestamp.minuteOfDay(of: entry.occurredAt ?? entry.recordedAt, in: timeZone))
            }
            return DoubleDose(day: taken[0].day, slot: intake.slot, versions: versions)
        }
    }

    /// The alert line for a double dose.
    public static func text(_ dose: DoubleDose) -> String {
        "The \(dose.slot) dose of \(dose.day.iso) was recorded as taken on two devices (\(dose.versions.joined(separator: ", "))). "
            + "If it was taken twice, tell your prescriber; then confirm which record stands (isojournal sync confirm dose-\(dose.day.iso)-\(dose.slot))."
    }
}
