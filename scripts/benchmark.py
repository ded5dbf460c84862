#!/usr/bin/env python3
"""Speed at scale: times the real isojournal binary on synthetic journals and prints a table.

Usage: scripts/benchmark.py BINARY [--sizes 3650,50000] [--repetitions 15] [--work DIR]

For each size it writes a synthetic journal (`isojournal bench generate`, seed 1, last day
today), then measures whole processes from outside (wall time and peak RSS from wait4's
ru_maxrss) and asks `isojournal bench inprocess --json` for the in-process numbers.
The first Today screen is timed in a pseudo-terminal (80x24): from spawn until the hint bar
("quit", drawn last) has arrived. Prints medians with min-max spread. No pass/fail.
"""
import argparse, fcntl, json, os, pty, re, select, shutil, signal, struct, subprocess, sys, tempfile, termios, time

# The hint bar's last word, drawn last; curses may split its final letter to fill the last column.
MARKER = re.compile(rb"qui(?:\x1b\[\?7l)?t")


def run_process(argv, env):
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = (time.perf_counter() - start) * 1000
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    return elapsed, usage.ru_maxrss, proc.returncode, err


def first_screen(binary, data_dir, env):
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    start = time.perf_counter()
    proc = subprocess.Popen([binary, "--data-dir", data_dir], stdin=slave, stdout=slave, stderr=slave,
                            env=env, start_new_session=True, close_fds=True)
    os.close(slave)
    seen = b""
    elapsed = None
    deadline = start + 20
    while time.perf_counter() < deadline:
        ready, _, _ = select.select([master], [], [], 0.5)
        if not ready:
            continue
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
        if MARKER.search(seen):
            elapsed = (time.perf_counter() - start) * 1000
            break
    os.write(master, b"q")
    # Drain until exit so the child never blocks on a full pty.
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        ready, _, _ = select.select([master], [], [], 0.1)
        if ready:
            try:
                os.read(master, 65536)
            except OSError:
                pass
        if time.perf_counter() > deadline + 5:
            os.kill(proc.pid, signal.SIGKILL)
    os.close(master)
    if elapsed is None:
        raise SystemExit("the first screen never showed its hint bar; output was: %r" % seen[-400:])
    return elapsed, usage.ru_maxrss


def stats(samples):
    s = sorted(samples)
    return s[len(s) // 2], s[0], s[-1]


def row(name, ms, rss_kb=None):
    median, low, high = stats(ms)
    rss = "" if rss_kb is None else "%6.1f" % (max(rss_kb) / 1024)
    return "| %-56s | %9.2f | %9.2f – %-9.2f | %7s |" % (name, median, low, high, rss)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--sizes", default="3650,50000")
    parser.add_argument("--repetitions", type=int, default=15)
    parser.add_argument("--work")
    args = parser.parse_args()
    binary = os.path.abspath(args.binary)
    work = args.work or tempfile.mkdtemp(prefix="isojournal-bench-")
    env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8", LC_ALL="C.UTF-8")
    env.pop("ISOJOURNAL_DATA_DIR", None)
    reps = max(1, args.repetitions)
    load = os.getloadavg()
    print("isojournal benchmark: %d repetitions, %d CPUs, load average %.2f %.2f %.2f" % ((reps, os.cpu_count()) + load))
    for size in [int(s) for s in args.sizes.split(",")]:
        data_dir = os.path.join(work, str(size))
        shutil.rmtree(data_dir, ignore_errors=True)
        subprocess.run([binary, "bench", "generate", "--entries", str(size), "--seed", "1", "--data-dir", data_dir],
                       check=True, stdout=subprocess.DEVNULL, env=env)
        print()
        print("### %d entries (%.1f MB journal)" % (size, os.path.getsize(os.path.join(data_dir, "journal.jsonl")) / 1e6))
        print()
        print("| %-56s | %9s | %-21s | %7s |" % ("measurement", "median ms", "min – max ms", "peak MB"))
        print("|%s|%s|%s|%s|" % ("-" * 58, "-" * 11, "-" * 23, "-" * 9))
        # Warm the page cache once; every measurement is then a cold *process* on a warm disk cache.
        run_process([binary, "status", "--json", "--data-dir", data_dir], env)

        samples = [first_screen(binary, data_dir, env) for _ in range(reps)]
        print(row("first full Today screen (pty, 80x24)", [s[0] for s in samples], [s[1] for s in samples]))

        commands = [
            ("log symptom headache 1", ["log", "symptom", "headache", "1"]),
            ("log dose 20 --slot evening --replace", ["log", "dose", "20", "--slot", "evening", "--replace", "--yes"]),
            ("remind", ["remind"]),
            ("status --json", ["status", "--json"]),
            ("report (visit summary, markdown)", ["report"]),
        ]
        for name, argv in commands:
            timings, peaks = [], []
            for _ in range(reps):
                elapsed, rss, code, err = run_process([binary] + argv + ["--data-dir", data_dir], env)
                if code not in (0, 1):
                    raise SystemExit("%s failed (%d): %s" % (name, code, err))
                timings.append(elapsed)
                peaks.append(rss)
            print(row(name, timings, peaks))

        out = subprocess.run([binary, "bench", "inprocess", "--json", "--repetitions", str(reps), "--data-dir", data_dir],
                             check=True, capture_output=True, env=env).stdout
        for item in json.loads(out):
            if "ms" in item:
                print(row("in-process: " + item["name"], item["ms"]))
            else:
                print("| %-56s | %9s | %-21s | %7.1f |" % ("in-process: " + item["name"], "", "", item["kb"] / 1024))
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
