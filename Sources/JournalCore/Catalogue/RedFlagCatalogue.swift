import Foundation
import JournalResources

/// The red-flag questions asked with the daily log, and the notice a yes brings.
/// Loaded from `Resources/red-flags.json`, which is compiled into the binary.
public struct RedFlagCatalogue: Sendable, Decodable {
    public struct Flag: Sendable, Decodable, Equatable {
        public let id: String
        public let question: String
    }

    public let source: String
    public let notice: String
    public let flags: [Flag]

    public static let shipped: RedFlagCatalogue = {
        do {
            return try JSONDecoder().decode(RedFlagCatalogue.self, from: Data(EmbeddedResources.redFlagCatalogue))
        } catch {
            fatalError("Resources/red-flags.json does not decode: \(error)")
        }
    }()

    public func flag(id: String) -> Flag? { flags.first { $0.id == id } }
}
