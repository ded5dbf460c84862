import ArgumentParser
import Foundation
import JournalCore
import JournalStore

/// `isojournal lab limits`: show the flag limits in force with their sources, or set the
/// patient's own (the prescriber may use other limits than the shipped defaults).
struct LabLimitsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "limits",
        abstract: "Show the limits lab results are flagged at, or set your own.",
        discussion: """
            Rules: triglycerides-tell, triglycerides-promptly, alt-above-normal, alt-tell, ast-above-normal, \
            ast-tell (run without options to see each with its limit and source).
            A limit is in the rule's own terms: mg/dL for triglycerides, a multiple of the upper \
            limit of normal for ALT and AST.
            Examples:
              isojournal lab limits
              isojournal lab limits --set triglycerides-tell=400 --set-by "Dr Okafor"
              isojournal lab limits --unit mmol/L
              isojournal lab limits --reset
            """
    )

    @Option(name: .customLong("set"), help: ArgumentHelp("Your own limit for a rule.", valueName: "rule=N"), completion: Completions.labLimitRules)
    var assignments: [String] = []

    @Option(name: .customLong("set-by"), help: ArgumentHelp("Who set these limits.", valueName: "name"))
    var setBy: String?

    @Option(help: ArgumentHelp("Show lipids in mg/dL or mmol/L.", valueName: "unit"), completion: Completions.lipidUnits)
    var unit: String?

    @Flag(help: "Go back to the default limits.")
    var reset = false

    @OptionGroup var location: DataDirectoryOption

    static var adjustableRules: [LabFlagRules.Rule] {
        LabFlagRules.shipped.ruleSets.last?.rules.filter { $0.threshold != nil } ?? []
    }

    func run() throws {
        try reportingFailures {
            var limits: [String: Double] = [:]
            for assignment in assignments {
                let parts = assignment.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2, let rule = Self.adjustableRules.first(where: { $0.id == parts[0] }) else {
                    throw CommandFailure.badInput("'\(assignment)' is not rule=N. Rules: "
                        + Self.adjustableRules.map(\.id).joined(separator: ", ") + ".")
                }
                // mg/dL for triglyceride limits, a multiple of the upper limit for ALT/AST ("3", "3x", "2,5×").
                let units = rule.timesUpperLimit == nil ? ["mg/dL"] : ["x", "×"]
                let value: Double
                do throws(NumberInput.Problem) {
                    value = try NumberInput.read(parts[1], field: rule.id, units: units, aliases: ["×ULN": "×", "xULN": "x"]).value
                } catch {
                    throw CommandFailure.badInput(error.message)
                }
                guard value > 0, rule.timesUpperLimit == nil || value <= 50, rule.limit == nil || value <= 20_000 else {
                    throw CommandFailure.badInput("'\(parts[1])' is not a usable limit for \(rule.id).")
                }
                limits[rule.id] = value
            }
            var preferred: LabUnit?
            if let unit {
                guard let parsed = LabUnit(text: unit), parsed != .unitsPerLiter else {
                    throw CommandFailure.badInput("Lipids are shown in mg/dL or mmol/L, not '\(unit)'.")
                }
                preferred = parsed
            }
            let changing = reset || !limits.isEmpty || preferred != nil || setBy != nil
            let store = try location.openStore(mode: changing ? .readWrite : .readOnly)
            var settings = store.journal.labRecords.settings
            if changing {
                let today = Timestamp.localDate(of: Date(), in: .current)
                try saveLabChanges(store) { journal in
                    var own = reset ? LabFlagSettings() : journal.labRecords.settings
                    own.limits.merge(limits) { $1 }
                    if let preferred { own.preferredLipidUnit = preferred }
                    if let setBy { own.setBy = setBy }
                    settings = own
                    return [.put(LabFlagSettings.entryID, day: today, body: .labFlagSettings(own))]
                }
                say("Saved your lab limits.")
            }
            say(Self.describe(settings))
        }
    }

    static func describe(_ settings: LabFlagSettings) -> String {
        var lines: [String] = []
        for rule in LabFlagRules.shipped.ruleSets.last?.rules ?? [] {
            let limit: String
            if let (value, overridden) = LabFlagging.threshold(of: rule, settings: settings), let compare = rule.compare {
                let amount = rule.timesUpperLimit != nil ? "\(LabValueText.format(value, .unitsPerLiter))× ULN"
                    : LabValueText.withUnit(value, rule.unit ?? .milligramsPerDeciliter)
                limit = "\(compare.symbol) \(amount)" + (overridden ? " (your own limit)" : "")
            } else {
                limit = rule.outcome?.rawValue ?? "–"
            }
            lines.append("\(rule.id): \(rule.test.rawValue) \(limit) → \(rule.level.mark)")
            lines.append("  Source: \(rule.source)")
        }
        if let setBy = settings.setBy { lines.append("Your limits were set by \(setBy).") }
        lines.append("Lipids shown in \(settings.preferredLipidUnit?.rawValue ?? "the unit you enter most").")
        return lines.joined(separator: "\n")
    }
}
