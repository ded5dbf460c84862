// Canvas, Style and Key live in TerminalCanvas so the terminal backend builds without the
// journal; re-exported here so every screen keeps using them with `import JournalUI` alone.
@_exported import TerminalCanvas
