import Foundation

/// The journal as one FHIR R4 Bundle a clinic's server can load: the patient, the plan and
/// every recorded intake (MedicationStatement), lab results, symptom grades, red flags, mood
/// checks and weights (Observation). Pure: the same journal, range and time give the same
/// document, and resource ids come from record ids, so a re-export updates the same resources.
public enum FHIRExport {
    public enum BundleType: String, Sendable {
        /// A set of resources to read.
        case collection
        /// PUT requests a server applies at once; re-posting updates rather than duplicates.
        case transaction
    }

    /// Why nothing was exported, in the patient's words.
    public struct Problem: Error, Equatable, Sendable {
        public let message: String
    }

    public struct Exported: Equatable, Sendable {
        public let bundle: JSONValue
        /// Resources by type ("Observation": 12), for the one-line summary.
        public let counts: [String: Int]
    }

    /// One resource before it is wrapped in a Bundle entry.
    struct Resource {
        let type: String
        let id: String
        /// For a stable order: the day it is about.
        let day: LocalDate
        let body: [String: JSONValue]
    }

    public static func bundle(journal: Journal, range: ReportRange, generatedAt: Date, type: BundleType,
                              codes: FHIRCodes = .shipped) -> Result<Exported, Problem> {
        let patient = patientResource(journal)
        let context = Context(journal: journal, range: range, codes: codes, patient: FHIRParts.reference("Patient", patient.id))
        let records = context.medicationStatements() + context.labObservations() + context.surveyObservations() + context.weightObservations()
        guard !records.isEmpty else {
            return .failure(Problem(message: "Nothing to export from \(range.from.iso) to \(range.to.iso): no plan, doses, lab results, "
                                    + "symptoms, red flags, mood checks or weights are recorded in those days. Give other days with --from/--to, --month or --course."))
        }
        let order = ["MedicationStatement": 0, "Observation": 1]
        let sorted = [patient] + records.sorted { ($0.day, order[$0.type] ?? 9, $0.id) < ($1.day, order[$1.type] ?? 9, $1.id) }
        let entries: [JSONValue] = sorted.map { resource in
            var body = resource.body
            body["resourceType"] = .string(resource.type)
            body["id"] = .string(resource.id)
            var entry: [String: JSONValue] = ["resource": .object(body)]
            if type == .transaction {
                entry["request"] = ["method": "PUT", "url": .string("\(resource.type)/\(resource.id)")]
            }
            return .object(entry)
        }
        let bundle: JSONValue = ["resourceType": "Bundle", "type": .string(type.rawValue),
                                 "timestamp": .string(Timestamp.utcText(generatedAt)), "entry": .array(entries)]
        return .success(Exported(bundle: bundle, counts: Dictionary(sorted.map { ($0.type, 1) }, uniquingKeysWith: +)))
    }

    /// The patient: the name from settings if one is set, else nothing that names them. The id
    /// is a hash of the journal's first line, so it is the same on every export of this journal
    /// and says nothing about the person.
    static func patientResource(_ journal: Journal) -> Resource {
        let first = journal.revisions.first.map { $0.id.rawValue + "|" + Timestamp.utcText($0.recordedAt) } ?? "empty"
        let id = "patient-" + String(Checksum.sha256Hex(Array(first.utf8)).prefix(16))
        var body: [String: JSONValue] = [:]
        let name = journal.programmeSettings.patientName?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if !name.isEmpty { body["name"] = [["text": .string(name)]] }
        return Resource(type: "Patient", id: id, day: LocalDate(daysSinceEpoch: 0), body: body)
    }

    /// What every part of the export reads.
    struct Context {
        let journal: Journal
        let range: ReportRange
        let codes: FHIRCodes
        let patient: JSONValue

        func contains(_ day: LocalDate) -> Bool { day >= range.from && day <= range.to }

        /// Current records of a kind inside the range, with their entries.
        func entries(of kind: EntryKind) -> [Entry] {
            journal.currentEntries(of: kind).filter { contains($0.day) }
        }

        func observation(id: String, day: LocalDate, category: FHIRCodes.Code, code: JSONValue,
                         effective: String, members: [String: JSONValue]) -> Resource {
            var body = members
            body["status"] = "final"
            body["category"] = [FHIRParts.concept([category], text: category.display ?? category.code)]
            body["code"] = code
            body["subject"] = patient
            body["effectiveDateTime"] = .string(effective)
            return Resource(type: "Observation", id: id, day: day, body: body)
        }
    }
}
