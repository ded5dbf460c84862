import JournalCore

/// How far into which file the in-memory journal reaches, so a later look at the file can
/// read only what was appended since — or notice the file was replaced and read it afresh.
struct FilePosition {
    var device: UInt64
    var inode: UInt64
    /// Bytes read, through the last "\n".
    var length: Int
    /// Complete lines read, header included (for line numbers in messages).
    var lineCount: Int
    /// The last line read, "\n" included. If those bytes are no longer where they were, the
    /// file was rewritten in place and is read again from the start.
    var lastLine: [UInt8]
    var schemaVersion: Int

    func isSameFile(as status: FileStatus) -> Bool { device == status.device && inode == status.inode }
}

/// The journal after reading whatever the file holds beyond the last position.
struct CatchUp {
    var journal: Journal
    var position: FilePosition?
    var schemaVersion: Int
    /// Bytes after the last "\n" (not part of `journal`).
    var tail: ArraySlice<UInt8> = []
}
