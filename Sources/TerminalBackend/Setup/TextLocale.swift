import CNcursesw
import Glibc

/// ncurses encodes, decodes and measures text with the C library's locale, which starts as
/// plain ASCII ("C") until the program asks for the user's.
enum TextLocale {
    /// Adopts the user's locale; when that is not UTF-8 (LANG unset, LANG=C, a Latin-1
    /// locale) switches the character type to C.UTF-8. Returns whether text is now UTF-8.
    /// Must run before `newterm`, which reads the locale once.
    static func prepare() -> Bool {
        setlocale(LC_ALL, "")
        // Keep C-level number formatting and parsing locale-independent ("1.5", not "1,5").
        setlocale(LC_NUMERIC, "C")
        if isUTF8 { return true }
        for name in ["C.UTF-8", "C.utf8", "en_US.UTF-8"] where setlocale(LC_CTYPE, name) != nil {
            if isUTF8 { return true }
        }
        return false
    }

    private static var isUTF8: Bool {
        guard let codeset = isoj_codeset() else { return false }
        let name = String(cString: codeset).lowercased()
        return name == "utf-8" || name == "utf8"
    }
}
