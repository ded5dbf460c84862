#ifndef ISOJOURNAL_CNCURSESW_SHIM_H
#define ISOJOURNAL_CNCURSESW_SHIM_H

// Wide-character API (wget_wch, wint_t) is only declared with this set.
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <langinfo.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <fcntl.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// These helpers are stateless on purpose: a `static` variable in this header could end up
// as one copy per Swift object file. Keep shared state in Swift.

// Attribute macros do not import into Swift; expose them as functions.
static inline attr_t isoj_attr_bold(void) { return A_BOLD; }
static inline attr_t isoj_attr_reverse(void) { return A_REVERSE; }
static inline attr_t isoj_attr_underline(void) { return A_UNDERLINE; }
static inline attr_t isoj_attr_dim(void) { return A_DIM; }
static inline attr_t isoj_attr_normal(void) { return A_NORMAL; }
static inline int isoj_key_code_yes(void) { return KEY_CODE_YES; }
static inline int isoj_key_f(int n) { return KEY_F(n); }

// C globals are shared mutable state to Swift 6; read them through accessors.
static inline int isoj_colors(void) { return COLORS; }
static inline int isoj_color_pairs(void) { return COLOR_PAIRS; }
// The window newterm created for the current screen (read once, right after set_term).
static inline WINDOW *isoj_stdscr(void) { return stdscr; }
static inline FILE *isoj_stdout(void) { return stdout; }
static inline FILE *isoj_stdin(void) { return stdin; }

// How many columns the C library (and so ncurses) gives a character; -1 if unprintable.
// wcwidth is only declared by <wchar.h> under _XOPEN_SOURCE, so declare it here.
extern int wcwidth(wchar_t character);
static inline int isoj_wcwidth(wchar_t character) { return wcwidth(character); }

// The character set the C library decodes with, e.g. "UTF-8" or "ANSI_X3.4-1968".
static inline const char *isoj_codeset(void) { return nl_langinfo(CODESET); }

// The kernel's idea of the terminal size; 0 on success.
static inline int isoj_terminal_size(int fd, int *rows, int *columns) {
    struct winsize size;
    memset(&size, 0, sizeof size);
    if (ioctl(fd, TIOCGWINSZ, &size) != 0) return -1;
    *rows = size.ws_row;
    *columns = size.ws_col;
    return 0;
}

// --- Standard error while curses owns the screen. ---------------------------------------
// Anything written to fd 2 then (a Swift "Fatal error: …" line, a library warning) would
// scribble over the screen and vanish with the alternate screen. It is diverted into an
// anonymous in-memory file and replayed once the terminal is restored. Async-signal-safe.

extern int memfd_create(const char *name, unsigned int flags); // <sys/mman.h> with _GNU_SOURCE

// An in-memory file to hold diverted output, or -1.
static inline int isoj_stderr_capture_file(void) {
    return memfd_create("isojournal-stderr", 1 /* MFD_CLOEXEC */);
}

// Points fd 2 at `capture`; returns a close-on-exec duplicate of the real stderr, or -1.
static inline int isoj_stderr_divert(int capture) {
    int saved = fcntl(2, F_DUPFD_CLOEXEC, 3);
    if (saved < 0) return -1;
    if (dup2(capture, 2) < 0) { close(saved); return -1; }
    return saved;
}

// Points fd 2 back at the real stderr, closes `saved`, and writes out what was captured.
static inline void isoj_stderr_restore(int saved, int capture) {
    char buffer[4096];
    ssize_t count;
    dup2(saved, 2);
    close(saved);
    if (lseek(capture, 0, SEEK_SET) != 0) return;
    while ((count = read(capture, buffer, sizeof buffer)) > 0) {
        ssize_t done = 0;
        while (done < count) {
            ssize_t written = write(2, buffer + done, (size_t)(count - done));
            if (written <= 0) return;
            done += written;
        }
    }
    if (ftruncate(capture, 0) == 0) lseek(capture, 0, SEEK_SET);
}

// --- Signals: sigaction's handler union is awkward from Swift. -------------------------

typedef void (*isoj_signal_function)(int);
typedef void (*isoj_signal_info_function)(int, siginfo_t *, void *);

// Installs `handler` for `signal_number`, storing the previous action in `previous`.
static inline int isoj_catch_signal(int signal_number, isoj_signal_function handler, int flags,
                                    struct sigaction *previous) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    sigemptyset(&action.sa_mask);
    action.sa_handler = handler;
    action.sa_flags = flags;
    return sigaction(signal_number, &action, previous);
}

static inline int isoj_catch_signal_info(int signal_number, isoj_signal_info_function handler, int flags,
                                         struct sigaction *previous) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    sigemptyset(&action.sa_mask);
    action.sa_sigaction = handler;
    action.sa_flags = flags | SA_SIGINFO;
    return sigaction(signal_number, &action, previous);
}

static inline int isoj_restore_signal(int signal_number, const struct sigaction *action) {
    return sigaction(signal_number, action, NULL);
}

static inline int isoj_default_signal(int signal_number, struct sigaction *previous) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    sigemptyset(&action.sa_mask);
    action.sa_handler = SIG_DFL;
    return sigaction(signal_number, &action, previous);
}

static inline int isoj_ignore_signal(int signal_number) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    sigemptyset(&action.sa_mask);
    action.sa_handler = SIG_IGN;
    return sigaction(signal_number, &action, NULL);
}

static inline int isoj_signal_is_ignored(const struct sigaction *action) {
    return !(action->sa_flags & SA_SIGINFO) && action->sa_handler == SIG_IGN;
}

// Calls a saved handler (for chaining), unless it is the default action or "ignore".
static inline void isoj_forward_signal(const struct sigaction *action, int signal_number,
                                       siginfo_t *info, void *context) {
    if (action->sa_flags & SA_SIGINFO) {
        if (action->sa_sigaction != NULL) action->sa_sigaction(signal_number, info, context);
    } else if (action->sa_handler != SIG_DFL && action->sa_handler != SIG_IGN && action->sa_handler != NULL) {
        action->sa_handler(signal_number);
    }
}

// Unblocks every signal for the calling thread (a parent may hand down a blocked mask).
static inline int isoj_unblock_all_signals(void) {
    sigset_t none;
    sigemptyset(&none);
    return pthread_sigmask(SIG_SETMASK, &none, NULL);
}

#endif
