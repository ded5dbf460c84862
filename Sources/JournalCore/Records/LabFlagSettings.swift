/// The patient's (or prescriber's) own lab limits, and how lipid values are shown. One
/// record, id "lab-flag-settings"; changes are revisions, so earlier limits stay in history.
public struct LabFlagSettings: Equatable, Codable, Sendable {
    /// Rule id -> the number that replaces the rule's default: a limit in the rule's unit
    /// ("triglycerides-tell": 400 means ≥ 400 mg/dL), or a multiple of the upper limit of
    /// normal ("alt-tell": 2).
    public var limits: [String: Double]
    /// Who set them, in the person's words ("Dr Okafor, 3 Dec").
    public var setBy: String?
    /// How lipid values are shown; nil means the unit of the results entered most.
    public var preferredLipidUnit: LabUnit?

    public init(limits: [String: Double] = [:], setBy: String? = nil, preferredLipidUnit: LabUnit? = nil) {
        self.limits = limits
        self.setBy = setBy
        self.preferredLipidUnit = preferredLipidUnit
    }

    enum CodingKeys: String, CodingKey { case limits, setBy, preferredLipidUnit }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        limits = try c.decodeIfPresent([String: Double].self, forKey: .limits) ?? [:]
        setBy = try c.decodeIfPresent(String.self, forKey: .setBy)
        preferredLipidUnit = try c.decodeIfPresent(LabUnit.self, forKey: .preferredLipidUnit)
    }

    public static let entryID = EntryID("lab-flag-settings")
}
