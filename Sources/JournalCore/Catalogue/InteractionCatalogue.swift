import Foundation
import JournalResources

/// Medicines and supplements that deserve a warning when logged with isotretinoin.
/// Loaded from `Resources/interactions.json`, compiled into the binary.
public struct InteractionCatalogue: Sendable, Decodable {
    public struct Interaction: Sendable, Decodable, Equatable {
        public let id: String
        public let names: [String]
        public let warning: String
        public let source: String
    }

    public let interactions: [Interaction]

    public static let shipped: InteractionCatalogue = {
        do {
            return try JSONDecoder().decode(InteractionCatalogue.self, from: Data(EmbeddedResources.interactionCatalogue))
        } catch {
            fatalError("Resources/interactions.json does not decode: \(error)")
        }
    }()

    /// The interaction a medicine's name matches, if any: a listed name appearing as a word
    /// (or words) in what the person typed, ignoring case ("Doxycycline 100mg" matches).
    public func interaction(forMedicine name: String) -> Interaction? {
        let words = Self.words(of: name)
        return interactions.first { interaction in
            interaction.names.contains { Self.contains(words, Self.words(of: $0)) }
        }
    }

    static func words(of text: String) -> [String] {
        text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
    }

    private static func contains(_ words: [String], _ phrase: [String]) -> Bool {
        guard !phrase.isEmpty, words.count >= phrase.count else { return false }
        for start in 0...(words.count - phrase.count) where Array(words[start..<start + phrase.count]) == phrase {
            return true
        }
        return false
    }
}
