// The data files in this folder are compiled into the binary (see Package.swift),
// so a copied or installed `isojournal` never looks for them on disk.
// JournalCore decodes them; nothing else should read these bytes directly.
public enum EmbeddedResources {
    public static var symptomCatalogue: [UInt8] { PackageResources.symptoms_json }
    public static var redFlagCatalogue: [UInt8] { PackageResources.red_flags_json }
    public static var labFlagRules: [UInt8] { PackageResources.lab_flags_json }
    public static var interactionCatalogue: [UInt8] { PackageResources.interactions_json }
    public static var programmeRules: [UInt8] { PackageResources.programme_rules_json }
    public static var phqQuestionnaire: [UInt8] { PackageResources.phq_json }
    public static var courseHoldRules: [UInt8] { PackageResources.course_holds_json }
    public static var fhirCodes: [UInt8] { PackageResources.fhir_codes_json }
}
