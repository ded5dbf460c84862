#!/usr/bin/env bash
# Regenerates Resources/isojournal.1, the manual page, from the commands' help, keeping every
# non-ASCII character ("1–366", "0–3", "…").
#
# Why not just `swift package generate-manual`: swift-argument-parser's generate-manual tool
# (1.8.2, Tools/generate-manual/MDoc/String+Escaping.swift) writes only the ASCII characters
# of each text and drops the rest, so "1–366" became "1366". Here its input is made ASCII
# first: the help it reads from `isojournal --experimental-dump-help` goes through a filter
# that writes each non-ASCII character as a marker (@@U+2013@@), and the markers in the page
# are then turned into roff escapes (\(en, \(em, \[u2026]) that groff and mandoc render.
#
# Usage: scripts/generate-man.sh   (from anywhere; needs swift and perl, which Debian always has)
set -euo pipefail
cd "$(dirname "$0")/.."

# Builds the program and the plugin's generate-manual tool (the page it writes there is not used).
swift package --allow-writing-to-package-directory generate-manual --configuration debug \
  --authors "IsoJournal developers" >/dev/null
bin="$(swift build --show-bin-path)"
tool=""
for candidate in "$bin/generate-manual-tool" "$bin/generate-manual"; do
  if [[ -x "$candidate" ]]; then tool="$candidate"; break; fi
done
[[ -n "$tool" ]] || { echo "generate-manual tool not found in $bin" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# The tool runs "<program> --experimental-dump-help"; this stand-in answers with ASCII only.
cat > "$work/isojournal" <<WRAPPER
#!/bin/sh
"$bin/isojournal" "\$@" | perl -CS -pe 's/([^\\x00-\\x7F])/sprintf("\\@\\@U+%04X\\@\\@", ord(\$1))/ge'
WRAPPER
chmod +x "$work/isojournal"
mkdir "$work/out"
"$tool" "$work/isojournal" --output-directory "$work/out" --authors "IsoJournal developers"

# Markers to roff escapes: named ones for the dashes, \[uXXXX] for every other character.
perl -pe 's/\@\@U\+2013\@\@/\\(en/g; s/\@\@U\+2014\@\@/\\(em/g; s/\@\@U\+([0-9A-F]{4,6})\@\@/\\[u$1]/g' \
  "$work/out/isojournal.1" > Resources/isojournal.1
if LC_ALL=C grep -q '[^[:print:][:space:]]\|@@U+' Resources/isojournal.1; then
  echo "Resources/isojournal.1 still has a raw non-ASCII character or a marker" >&2
  exit 1
fi
echo "Wrote Resources/isojournal.1"
