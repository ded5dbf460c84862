#!/usr/bin/env bash
# The full reliability run behind the figures in the README ("How your data is kept safe"):
#   - 1,000 kill -9s of writers at random moments (KillTests)
#   - 2 and 4 writers × 300 entries at once, with a reader (TwoWriterTests)
#   - 10,000 journals with random bytes changed, opened, checked and repaired (CheckAndRepairTests)
#   - every system call of a save failing, a real full disk, truncations, bit flips (JournalStoreTests)
#   - bad files, ulimit -f, terminal faults, privacy and network (EndToEndTests)
#   - reports and exports never onto the journal, an existing file or a link; every call of an
#     output write failing (OutputFileTests, OutputEndToEndTests)
#   - links and named pipes in the journal folder, unsafe folders (FileSafetyTests, FileSafetyEndToEndTests);
#     a named pipe, a folder, a device or a link as --snapshot (SnapshotFileKindTests, SnapshotPipeEndToEndTests)
#   - a stale edit on every screen asks (StaleScreenTests, StaleLabFormEndToEndTests); future-dated
#     records marked on screen (FutureMarkTests)
#   - a hostile note through every output (HostileTextEndToEndTests); extreme numbers in every
#     record kind and on every screen (ExtremeNumber*); the year range and check's odd lines
#   - the order of every save: nothing unsynced when "saved" (DurabilityOrderTests)
# The default `swift test` runs the same tests with smaller sizes.
#
#   scripts/reliability.sh                 # about 3–5 minutes on 2 cores
#   KILLS=5000 scripts/reliability.sh      # more kills
#   SCRATCH_PATH=.build-rel scripts/reliability.sh
# Fuzzing is separate: scripts/fuzz.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
scratch="${SCRATCH_PATH:-.build}"

swift build --scratch-path "$scratch" --build-tests

export ISOJOURNAL_KILL_TEST_ROUNDS="${KILLS:-1000}"
export ISOJOURNAL_KILL_TEST_SEED="${SEED:-1}"
export ISOJOURNAL_WRITERS="${WRITERS:-2,4}"
export ISOJOURNAL_WRITER_ENTRIES="${ENTRIES:-300}"
export ISOJOURNAL_BYTE_CHANGE_ROUNDS="${BYTE_CHANGES:-10000}"

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
swift test --scratch-path "$scratch" --skip-build \
    --filter 'KillTests|TwoWriterTests|CheckAndRepairTests|FaultInjectionTests|DiskFullTests|DamagedFileTests|TwoCopiesTests|PrivacyTests|BadFileTests|TerminalFaultTests|PrivacyEndToEndTests|OutputFileTests|OutputEndToEndTests|FileSafety|HostileText|ExtremeNumber|YearRangeTests|JournalAuditTests|CheckAuditEndToEndTests|DurabilityOrderTests|SnapshotFileKindTests|SnapshotPipeEndToEndTests|StaleScreenTests|StaleLabFormEndToEndTests|StaleFormTests|StaleFormEndToEndTests|FutureMarkTests' \
    > "$log" 2>&1 || status=$?

echo
echo "== Figures =="
grep -E '^(KILL TEST|WRITERS|BYTE CHANGES|NETWORK):' "$log" || true
grep -E 'skipped' "$log" | sed 's/^/skipped: /' || true
echo
grep -E '^(✔|✘) Test run' "$log" || tail -20 "$log"
if [ "$status" -ne 0 ]; then
    echo "== Failures =="
    grep -E '✘' "$log" | head -50
fi
exit "$status"
