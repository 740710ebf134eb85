#!/usr/bin/env bash
# Makes examples/fit/calls.csv, the example log of docs/fitting.md: runs the planted truth
# (truth.yaml, seed 7, one replication) and writes its contacts as a telephony platform's call
# records: calendar times from Monday 2025-11-03 (local time, whole seconds), queue names, outcome
# words, agent names, and the handle time split into talk (85%) and wrap-up (15%).
# Usage: bash examples/fit/make-log.sh [path/to/cclab]   (from the repository root)
set -euo pipefail
cclab=${1:-build/cclab}
here=$(dirname "$0")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$cclab" run "$here/truth.yaml" --seed 7 -r 1 -q --out "$tmp/run" >/dev/null
awk -F, '
  function stamp(t,   d, s) {
    d = int(t / 86400); s = int(t - d * 86400 + 0.5)
    if (s >= 86400) { d++; s -= 86400 }
    return sprintf("2025-11-%02d %02d:%02d:%02d", 3 + d, int(s / 3600), int(s / 60) % 60, s % 60)
  }
  NR == 1 { print "Call ID,Queue,Start,Answered,Ended,Disposition,Agent,Wrap-up (s)"; next }
  {
    queue = $3 == "voice" ? "Voice" : "Web chat"
    disp = $13 == "served" ? "ANSWERED" : $13 == "abandoned" ? "ABANDONED" : "OTHER"
    agent = $12 == "" ? "" : sprintf("%s %s", $12 ~ /^voice/ ? "Ann" : "Bob", substr($12, index($12, "-") + 1))
    answered = $8 == "" ? "" : stamp($8)
    wrap = ""
    end = $10
    if ($13 == "served") { h = $10 - $8; end = $8 + 0.85 * h; wrap = sprintf("%d", 0.15 * h + 0.5) }
    printf "C%06d,%s,%s,%s,%s,%s,%s,%s\n", $2 + 1, queue, stamp($7), answered, stamp(end), disp, agent, wrap
  }' "$tmp/run/contacts.csv" >"$here/calls.csv"
echo "wrote $here/calls.csv ($(($(wc -l <"$here/calls.csv") - 1)) calls)"
