import Foundation
import JournalResources

/// The symptoms a patient can grade each day, and the words of the 0–3 scale.
/// Loaded from `Resources/symptoms.json`, which is compiled into the binary.
public struct SymptomCatalogue: Sendable, Decodable {
    public struct Symptom: Sendable, Decodable, Equatable {
        public let slug: String
        public let name: String
        /// "Other" is only meaningful with a description in its note.
        public let needsDescription: Bool

        enum CodingKeys: String, CodingKey { case slug, name, needsDescription }
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            slug = try c.decode(String.self, forKey: .slug)
            name = try c.decode(String.self, forKey: .name)
            needsDescription = try c.decodeIfPresent(Bool.self, forKey: .needsDescription) ?? false
        }
    }

    public struct Grade: Sendable, Decodable, Equatable {
        public let grade: Int
        public let label: String
    }

    public let sources: [String]
    public let scale: [Grade]
    public let symptoms: [Symptom]

    enum CodingKeys: String, CodingKey { case sources, scale, symptoms }

    /// The catalogue shipped in the binary. A broken resource is a build defect, caught by tests.
    public static let shipped: SymptomCatalogue = {
        do {
            return try JSONDecoder().decode(SymptomCatalogue.self, from: Data(EmbeddedResources.symptomCatalogue))
        } catch {
            fatalError("Resources/symptoms.json does not decode: \(error)")
        }
    }()

    public func symptom(slug: String) -> Symptom? { symptoms.first { $0.slug == slug } }

    /// "limits some activities" for 2.
    public func label(forGrade grade: Int) -> String {
        scale.first { $0.grade == grade }?.label ?? "grade \(grade)"
    }

    public func name(of slug: String) -> String { symptom(slug: slug)?.name ?? slug }

    /// The slug closest to a mistyped name (for "did you mean …?"), if any is reasonably close.
    public func nearestSlug(to text: String) -> String? {
        let lowered = text.lowercased()
        let scored = symptoms.map { ($0.slug, editDistance(lowered, $0.slug)) }
        guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
        if best.1 <= max(2, best.0.count / 3) { return best.0 }
        // A prefix or a word of the slug ("lips", "mood") is a good guess too.
        return symptoms.first { $0.slug.hasPrefix(lowered) || $0.slug.split(separator: "-").contains(Substring(lowered)) }?.slug
    }
}

/// Levenshtein distance, for suggestions on small strings.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}
