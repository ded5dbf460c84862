#!/usr/bin/env python3
"""Speed at scale: times the real isojournal binary on synthetic journals and prints tables.

Usage: scripts/benchmark.py BINARY [--sizes 1000,3650,50000,200000] [--peer-sizes 3650] [--repetitions 15]
                                   [--work DIR] [--timeout 600]

For each size it writes a synthetic journal (`isojournal bench generate`, seed 1, last day
today), runs one read-write warm-up (`log symptom`, so a cache the first run builds exists
before anything is timed), then measures whole processes from outside: wall time and peak
RSS (wait4's ru_maxrss). Every measured command also runs once untimed before its samples.
Screens are timed in a pseudo-terminal (80x24):
  - first full Today screen: from spawn until the hint bar's last word ("quit") has arrived;
  - History first open: from writing "h" on the Today screen until History's hint bar
    ("Esc back", drawn last) has arrived.
It also asks `isojournal bench inprocess --json` for the in-process numbers.

Peers, when installed: calcurse and remind get a data set of the same size over the same
days (N appointments / N REM lines); we time calcurse's first full screen, `calcurse -i`
of a one-event .ics into a fresh copy of the data folder, and `remind -q FILE TODAY`.

Prints a detail table per size (median, min-max, peak MB), then a markdown summary for the
README: medians per size, the largest÷smallest ratio, peak MB at the largest size, the peer
ratios at 3,650 entries, and each target of the constant-time-start issue as met/unmet.
"""
import argparse, datetime, fcntl, json, os, pty, re, select, shutil, signal, struct, subprocess, sys, tempfile, termios, time

# Terminal escapes (CSI, charset switches) that curses may put between the letters of a word,
# e.g. a style change between a hint's key and its action, or "\x1b[?7l" before the last column.
ESCAPES = rb"(?:\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][0-9A-Za-z])*"


def drawn(text):
    """A pattern for `text` as it reaches the terminal, escapes allowed between its characters."""
    return re.compile(ESCAPES.join(re.escape(c.encode()) for c in text))


TODAY_DONE = drawn("quit")          # the Today hint bar's last word, drawn last
HISTORY_DONE = drawn("Esc back")    # History's hint bar ends "Esc back"; the body may say "Back pain"
CALCURSE_DONE = drawn("OtherCmd")   # calcurse's status bar, drawn after its panels and calendar

# The rows of the summary, in order: key, label.
SUMMARY_ROWS = [
    ("screen", "first full screen"),
    ("log symptom", "log symptom"),
    ("log dose", "log dose"),
    ("remind", "remind"),
    ("status", "status --json"),
    ("history", "History first open"),
    ("report csv", "report csv month"),
    ("report json", "report json month"),
]
# The targets (whole processes, release build).
FAST_ROWS = ["screen", "log symptom", "log dose", "remind", "status"]
FAST_MS, FAST_SIZES, MAX_RATIO, MAX_MB = 20.0, (50000, 200000), 1.3, 30.0
SLOW_ROWS, SLOW_MS, SLOW_SIZE = ["history", "report csv", "report json"], 100.0, 50000
PEER_SIZE = 3650


# ---- running and timing --------------------------------------------------------------------

def run_process(argv, env, cwd=None):
    """Wall ms, peak RSS kB, exit code and stderr of one whole process."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            env=env, cwd=cwd)
    # Read stderr before waiting so a chatty process cannot block on a full pipe.
    err = proc.stderr.read().decode(errors="replace")
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = (time.perf_counter() - start) * 1000
    proc.returncode = os.waitstatus_to_exitcode(status)
    proc.stderr.close()
    return elapsed, usage.ru_maxrss, proc.returncode, err


class PtySession:
    """One program on a fresh 80x24 pseudo-terminal, read until a pattern has been drawn."""

    def __init__(self, argv, env, timeout):
        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        self.timeout = timeout
        self.seen = b""
        self.start = time.perf_counter()
        self.proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env,
                                     start_new_session=True, close_fds=True)
        os.close(slave)

    def wait_for(self, pattern, since, timeout=None):
        """Milliseconds from `since` until `pattern` is in the output read since the last settle(); None on timeout."""
        deadline = time.perf_counter() + (timeout or self.timeout)
        while time.perf_counter() < deadline:
            ready, _, _ = select.select([self.master], [], [], 0.5)
            if not ready:
                continue
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                return None
            if not chunk:
                return None
            self.seen += chunk
            if pattern.search(self.seen):
                return (time.perf_counter() - since) * 1000
        return None

    def settle(self):
        """Read what is still coming (e.g. the cursor move after a screen) and forget all output so far."""
        while select.select([self.master], [], [], 0.05)[0]:
            try:
                if not os.read(self.master, 65536):
                    break
            except OSError:
                break
        self.seen = b""

    def send(self, keys):
        os.write(self.master, keys)

    def finish(self, keys):
        """Send the quit keys, then drain until exit so the child never blocks on a full pty; peak RSS kB."""
        try:
            os.write(self.master, keys)
        except OSError:
            pass
        deadline = time.perf_counter() + 10
        while True:
            pid, status, usage = os.wait4(self.proc.pid, os.WNOHANG)
            if pid:
                break
            ready, _, _ = select.select([self.master], [], [], 0.1)
            if ready:
                try:
                    os.read(self.master, 65536)
                except OSError:
                    pass
            if time.perf_counter() > deadline:
                os.kill(self.proc.pid, signal.SIGKILL)
        os.close(self.master)
        return usage.ru_maxrss

    def fail(self, what):
        self.finish(b"q")
        raise SystemExit("%s never showed its marker within %d s; output was: %r" % (what, self.timeout, self.seen[-400:]))


def first_screen(argv, marker, quit_keys, env, timeout, what):
    session = PtySession(argv, env, timeout)
    elapsed = session.wait_for(marker, session.start)
    if elapsed is None:
        session.fail(what)
    return elapsed, session.finish(quit_keys)


def history_open(binary, data_dir, env, timeout):
    """From the Today screen, time "h" until History has drawn its hint bar."""
    session = PtySession([binary, "--data-dir", data_dir], env, timeout)
    if session.wait_for(TODAY_DONE, session.start) is None:
        session.fail("the Today screen")
    session.settle()
    start = time.perf_counter()
    session.send(b"h")
    elapsed = session.wait_for(HISTORY_DONE, start)
    if elapsed is None:
        session.fail("the History screen")
    # q goes back to Today; once it is drawn again, q quits.
    session.settle()
    session.send(b"q")
    session.wait_for(TODAY_DONE, time.perf_counter(), timeout=10)
    return elapsed, session.finish(b"q")


def sample(measure, reps):
    """One untimed warm-up, then `reps` samples of (ms, peak kB)."""
    measure()
    samples = [measure() for _ in range(reps)]
    return [s[0] for s in samples], [s[1] for s in samples]


def command(argv, env, name, ok=(0,), cwd=None):
    """A measure function for a command-line process that must exit with one of `ok`."""
    def measure():
        elapsed, rss, code, err = run_process(argv, env, cwd)
        if code not in ok:
            raise SystemExit("%s failed (%d): %s" % (name, code, err.strip()[-400:]))
        return elapsed, rss
    return measure


# ---- peer data sets ------------------------------------------------------------------------

def spread(size, first, last):
    """`size` (day, minute of day) pairs over the days first..last, like a journal's entries."""
    days = (last - first).days + 1
    for i in range(size):
        yield first + datetime.timedelta(days=i * days // size), 8 * 60 + (i * 7) % (14 * 60)


def write_calcurse(folder, size, first, last):
    os.makedirs(folder)
    with open(os.path.join(folder, "apts"), "w") as apts:
        for day, minute in spread(size, first, last):
            # calcurse's apts line: MM/DD/YYYY @ HH:MM -> MM/DD/YYYY @ HH:MM |text
            date = day.strftime("%m/%d/%Y")
            end = minute + 5
            apts.write("%s @ %02d:%02d -> %s @ %02d:%02d |Symptom headache grade 1\n"
                       % (date, minute // 60, minute % 60, date, end // 60, end % 60))
    open(os.path.join(folder, "todo"), "w").close()
    # No "really quit?" question, so one q ends the screen measurement.
    with open(os.path.join(folder, "conf"), "w") as conf:
        conf.write("general.confirmquit=no\n")


def write_ics(path, today):
    stamp = today.strftime("%Y%m%d")
    with open(path, "w") as ics:
        ics.write("\r\n".join([
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//isojournal//benchmark//EN",
            "BEGIN:VEVENT", "UID:benchmark-1@isojournal", "DTSTAMP:%sT090000Z" % stamp,
            "DTSTART:%sT090000" % stamp, "DTEND:%sT090500" % stamp,
            "SUMMARY:Symptom headache grade 1", "END:VEVENT", "END:VCALENDAR", ""]))


def write_remind(path, size, first, last):
    with open(path, "w") as rem:
        for day, minute in spread(size, first, last):
            rem.write("REM %d %s %d AT %02d:%02d MSG Symptom headache grade 1\n"
                      % (day.day, day.strftime("%b"), day.year, minute // 60, minute % 60))


def calcurse_import(folder, scratch, ics, env):
    """Import into a fresh copy each time (copy untimed) so every sample loads and saves N appointments."""
    def measure():
        shutil.rmtree(scratch, ignore_errors=True)
        shutil.copytree(folder, scratch)
        return command(["calcurse", "-D", scratch, "-i", ics], env, "calcurse -i")()
    return measure


# ---- tables --------------------------------------------------------------------------------

def median(samples):
    s = sorted(samples)
    return s[len(s) // 2]


def row(name, ms, rss_kb=None):
    s = sorted(ms)
    rss = "" if rss_kb is None else "%6.1f" % (max(rss_kb) / 1024)
    return "| %-56s | %9.2f | %9.2f – %-9.2f | %7s |" % (name, median(ms), s[0], s[-1], rss)


def mark(ok):
    return "met" if ok else "**unmet**"


def summary(results, peers, sizes, peer_names):
    smallest, largest = min(sizes), max(sizes)
    print()
    print("## Summary (median ms; whole processes)")
    print()
    scaling = largest != smallest   # a ratio needs two sizes
    header = ["measurement"] + ["%d" % s for s in sizes] + (["%d÷%d" % (largest, smallest)] if scaling else [])
    header.append("peak MB at %d" % largest)
    print("| " + " | ".join(header) + " |")
    print("|" + "|".join(["---"] + ["---:"] * (len(header) - 1)) + "|")
    for key, label in SUMMARY_ROWS:
        cells = [label] + ["%.1f" % median(results[s][key][0]) for s in sizes]
        if scaling:
            cells.append("%.2f" % (median(results[largest][key][0]) / median(results[smallest][key][0])))
        cells.append("%.1f" % (max(results[largest][key][1]) / 1024))
        print("| " + " | ".join(cells) + " |")

    # Peer ratios at 3,650 entries (the size for them), or the nearest size the peers ran at.
    peer_size = min(peers or sizes, key=lambda s: abs(s - PEER_SIZE))
    pairs = [("log symptom", "log symptom", "calcurse -i", "calcurse", 0.8),
             ("remind", "remind", "remind -q", "remind", 1.0),
             ("first full screen", "screen", "calcurse screen", "calcurse", None)]
    ratios = {}
    print()
    print("## Peers at %d entries (IsoJournal ÷ peer, medians)" % peer_size)
    print()
    print("| IsoJournal | ms | peer | ms | ratio | target |")
    print("|---|---:|---|---:|---:|---|")
    for label, key, peer_key, program, limit in pairs:
        if program not in peer_names or peer_size not in peers:
            why = "not installed" if program not in peer_names else "not run (--peer-sizes)"
            print("| %s | %.1f | %s | %s | | |" % (label, median(results[peer_size][key][0]), peer_key, why))
            continue
        ours, theirs = median(results[peer_size][key][0]), median(peers[peer_size][peer_key][0])
        ratios[key] = ours / theirs
        target = "" if limit is None else "≤ %.1f: %s" % (limit, mark(ratios[key] <= limit))
        print("| %s | %.1f | %s | %.1f | %.2f | %s |" % (label, ours, peer_key, theirs, ratios[key], target))

    print()
    print("## Targets")
    print()
    print("| target | measured | |")
    print("|---|---|---|")
    labels = dict(SUMMARY_ROWS)

    def target(text, measured, ok):
        print("| %s | %s | %s |" % (text, measured, "not measured" if ok is None else mark(ok)))

    for key in FAST_ROWS:
        for size in FAST_SIZES:
            if size in results:
                ms = median(results[size][key][0])
                target("%s ≤ %.0f ms at %d" % (labels[key], FAST_MS, size), "%.1f ms" % ms, ms <= FAST_MS)
            else:
                target("%s ≤ %.0f ms at %d" % (labels[key], FAST_MS, size), "size not run", None)
        if 1000 in results and 200000 in results:
            ratio = median(results[200000][key][0]) / median(results[1000][key][0])
            target("%s 200000÷1000 ≤ %.1f" % (labels[key], MAX_RATIO), "%.2f" % ratio, ratio <= MAX_RATIO)
        elif scaling:
            ratio = median(results[largest][key][0]) / median(results[smallest][key][0])
            target("%s 200000÷1000 ≤ %.1f" % (labels[key], MAX_RATIO), "only %d÷%d run: %.2f" % (largest, smallest, ratio), None)
        else:
            target("%s 200000÷1000 ≤ %.1f" % (labels[key], MAX_RATIO), "one size run", None)
        if 200000 in results:
            mb = max(results[200000][key][1]) / 1024
            target("%s peak ≤ %.0f MB at 200000" % (labels[key], MAX_MB), "%.1f MB" % mb, mb <= MAX_MB)
        else:
            mb = max(results[largest][key][1]) / 1024
            target("%s peak ≤ %.0f MB at 200000" % (labels[key], MAX_MB), "only %d run: %.1f MB" % (largest, mb), None)
    for key in SLOW_ROWS:
        if SLOW_SIZE in results:
            ms = median(results[SLOW_SIZE][key][0])
            target("%s ≤ %.0f ms at %d" % (labels[key], SLOW_MS, SLOW_SIZE), "%.1f ms" % ms, ms <= SLOW_MS)
        else:
            target("%s ≤ %.0f ms at %d" % (labels[key], SLOW_MS, SLOW_SIZE), "size not run", None)
    for label, key, peer_key, program, limit in pairs:
        if limit is None:
            continue
        text = "%s ≤ %.1f × %s at %d" % (label, limit, peer_key, PEER_SIZE)
        if key in ratios and peer_size == PEER_SIZE:
            target(text, "%.2f ×" % ratios[key], ratios[key] <= limit)
        elif key in ratios:
            target(text, "only %d run: %.2f ×" % (peer_size, ratios[key]), None)
        else:
            target(text, "%s not installed" % program if program not in peer_names else "peers not run", None)


# ---- main ----------------------------------------------------------------------------------

def generate(binary, size, data_dir, env):
    """Write the synthetic journal; returns its first and last day (the last is today)."""
    shutil.rmtree(data_dir, ignore_errors=True)
    out = subprocess.run([binary, "bench", "generate", "--entries", str(size), "--seed", "1", "--data-dir", data_dir],
                         check=True, capture_output=True, text=True, env=env).stdout
    span = re.search(r"(\d{4}-\d\d-\d\d) to (\d{4}-\d\d-\d\d)", out)
    if not span:
        raise SystemExit("bench generate did not say which days it wrote: %r" % out)
    return tuple(datetime.date.fromisoformat(d) for d in span.groups())


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--sizes", default="1000,3650,50000,200000")
    parser.add_argument("--repetitions", type=int, default=15)
    parser.add_argument("--work", help="keep the journals and peer data here (default: a temporary folder, removed)")
    parser.add_argument("--timeout", type=int, default=600, help="seconds to wait for a screen (default 600)")
    # calcurse needs ~30 s a run at 200,000 appointments; the issue only compares at 3,650.
    parser.add_argument("--peer-sizes", help="sizes to run the peers at (default: every size; e.g. 3650)")
    args = parser.parse_args()
    binary = os.path.abspath(args.binary)
    sizes = sorted({int(s) for s in args.sizes.split(",")})
    work = os.path.abspath(args.work or tempfile.mkdtemp(prefix="isojournal-bench-"))
    os.makedirs(work, exist_ok=True)
    env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8", LC_ALL="C.UTF-8")
    env.pop("ISOJOURNAL_DATA_DIR", None)
    reps = max(1, args.repetitions)
    peer_sizes = set(sizes) if args.peer_sizes is None else {int(s) for s in args.peer_sizes.split(",") if s}
    peer_names = [p for p in ("calcurse", "remind") if shutil.which(p)]
    load = os.getloadavg()
    print("isojournal benchmark: %d repetitions, %d CPUs, load average %.2f %.2f %.2f" % ((reps, os.cpu_count()) + load))
    print("each command: one untimed warm-up, then %d timed runs; medians" % reps)
    for program in ("calcurse", "remind"):
        if program not in peer_names:
            print("peer %s is not installed: its rows and ratios are skipped" % program)
    results, peers = {}, {}
    for size in sizes:
        data_dir = os.path.join(work, str(size))
        first, today = generate(binary, size, data_dir, env)
        # One read-write run first: a cache built by the first run after generation is then in place.
        command([binary, "log", "symptom", "headache", "1", "--data-dir", data_dir], env, "warm-up", ok=(0, 1))()
        print()
        print("### %d entries, %s to %s (%.1f MB journal)" % (size, first, today, os.path.getsize(os.path.join(data_dir, "journal.jsonl")) / 1e6))
        print()
        print("| %-56s | %9s | %-21s | %7s |" % ("measurement", "median ms", "min – max ms", "peak MB"))
        print("|%s|%s|%s|%s|" % ("-" * 58, "-" * 11, "-" * 23, "-" * 9))
        got = results[size] = {}

        got["screen"] = sample(lambda: first_screen([binary, "--data-dir", data_dir], TODAY_DONE, b"q", env, args.timeout,
                                                    "the first Today screen"), reps)
        print(row("first full Today screen (pty, 80x24)", *got["screen"]))
        got["history"] = sample(lambda: history_open(binary, data_dir, env, args.timeout), reps)
        print(row("History first open (h on Today, pty)", *got["history"]))

        # One course month: the 30 days ending today.
        month = ["--from", (today - datetime.timedelta(days=29)).isoformat(), "--to", today.isoformat()]
        commands = [
            ("log symptom", "log symptom headache 1", ["log", "symptom", "headache", "1"]),
            ("log dose", "log dose 20 --slot evening --replace", ["log", "dose", "20", "--slot", "evening", "--replace", "--yes"]),
            ("remind", "remind", ["remind"]),
            ("status", "status --json", ["status", "--json"]),
            ("report", "report (visit summary, markdown)", ["report"]),
            ("report csv", "report --format csv (30 days to today)", ["report", "--format", "csv"] + month),
            ("report json", "report --format json (30 days to today)", ["report", "--format", "json"] + month),
        ]
        for key, name, argv in commands:
            # remind exits 1 when something is due; that is a result, not a failure.
            got[key] = sample(command([binary] + argv + ["--data-dir", data_dir], env, name, ok=(0, 1)), reps)
            print(row(name, *got[key]))

        out = subprocess.run([binary, "bench", "inprocess", "--json", "--repetitions", str(reps), "--data-dir", data_dir],
                             check=True, capture_output=True, env=env).stdout
        for item in json.loads(out):
            if "ms" in item:
                print(row("in-process: " + item["name"], item["ms"]))
            else:
                print("| %-56s | %9s | %-21s | %7.1f |" % ("in-process: " + item["name"], "", "", item["kb"] / 1024))

        # Peers: the same number of items over the same days.
        sys.stdout.flush()
        if size not in peer_sizes:
            continue
        theirs = peers[size] = {}
        if "calcurse" in peer_names:
            folder, ics = os.path.join(work, "calcurse-%d" % size), os.path.join(work, "one.ics")
            shutil.rmtree(folder, ignore_errors=True)
            write_calcurse(folder, size, first, today)
            write_ics(ics, today)
            theirs["calcurse screen"] = sample(lambda: first_screen(["calcurse", "-D", folder], CALCURSE_DONE, b"q", env,
                                                                    args.timeout, "calcurse's first screen"), reps)
            print(row("peer: calcurse first full screen (pty, 80x24)", *theirs["calcurse screen"]))
            theirs["calcurse -i"] = sample(calcurse_import(folder, folder + "-import", ics, env), reps)
            print(row("peer: calcurse -i one.ics (fresh copy each run)", *theirs["calcurse -i"]))
        if "remind" in peer_names:
            path = os.path.join(work, "reminders-%d.rem" % size)
            write_remind(path, size, first, today)
            theirs["remind -q"] = sample(command(["remind", "-q", path, today.isoformat()], env, "remind -q"), reps)
            print(row("peer: remind -q FILE TODAY", *theirs["remind -q"]))
        sys.stdout.flush()

    summary(results, peers, sizes, peer_names)
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
