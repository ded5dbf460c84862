#!/bin/sh
# Speed at scale: builds the release binary and prints the benchmark tables and the README summary
# (see README, "Performance"). Peers (calcurse, remind) are measured when installed, skipped otherwise.
# Usage: scripts/benchmark.sh [--static] [--sizes 1000,3650,50000,200000] [--peer-sizes 3650] [--repetitions 15] [--work DIR]
#   --static  build with --static-swift-stdlib (the recommended install build) into .build-release-static
set -eu
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--static" ]; then
    shift
    swift build -c release --static-swift-stdlib --scratch-path .build-release-static >&2
    exec python3 scripts/benchmark.py .build-release-static/release/isojournal "$@"
fi
swift build -c release --scratch-path .build-release >&2
exec python3 scripts/benchmark.py .build-release/release/isojournal "$@"
