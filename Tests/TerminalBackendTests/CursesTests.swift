import Testing

/// Everything that needs a live ncurses screen or the C library's locale. ncurses keeps one
/// global state per process, so these tests run one at a time; the topics are in extensions
/// (KeyReadingTests.swift, CellTextTests.swift, StylePaletteTests.swift).
@Suite("ncurses: keys read, cell text, style palette", .serialized)
struct CursesTests {}
