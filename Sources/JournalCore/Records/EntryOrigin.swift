/// Where a revision was written, in a journal kept on several machines (format version 2).
///
/// Each machine appends only to its own log, so lines made on two machines while they were
/// apart meet only when a file-sync tool brings the logs together. These three numbers are
/// what every machine needs to put the union in the same order and to notice a record that
/// was changed on two machines without either seeing the other's change.
public struct EntryOrigin: Equatable, Hashable, Sendable {
    /// The machine's device id (random, made once per machine; see `DeviceID`).
    public var device: String
    /// A Lamport counter: larger than every `sequence` the writer had read from any log when it
    /// wrote this line. Whatever a writer had seen therefore sorts before what it writes.
    public var sequence: Int
    /// How many revisions of this record the writer had in its journal when it wrote this one.
    /// Fewer than stand before it in the merged order means another machine's change was
    /// not seen: the record was changed on two devices.
    public var knownRevisions: Int

    public init(device: String, sequence: Int, knownRevisions: Int) {
        self.device = device
        self.sequence = sequence
        self.knownRevisions = knownRevisions
    }
}
