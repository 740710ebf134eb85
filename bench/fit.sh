#!/usr/bin/env bash
# Speed and memory of `cclab fit` (issue 17, docs/performance.md): a 1-million-row contact log
# (the Erlang-A 1M benchmark run's contacts.csv) fitted on one core. Prints the median wall time
# of 3 runs and the peak resident memory, without and with the replay of the busiest day.
# Usage: bash bench/fit.sh [path/to/cclab]   (default build/cclab; build it first)
set -euo pipefail
cd "$(dirname "$0")/.."
cclab=${1:-build/cclab}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
"$cclab" run bench/erlang-a-1m.yaml -r 1 -j 1 -q --engine plain --out "$tmp/log" >/dev/null
rows=$(($(wc -l <"$tmp/log/contacts.csv") - 1))
echo "log: $rows rows, $(du -m "$tmp/log/contacts.csv" | cut -f1) MB (bench/erlang-a-1m.yaml, seed 1)"
fit_case() {  # name extra-args...
  local name=$1
  shift
  local times=() rss=0
  for i in 1 2 3; do
    /usr/bin/time -f '%e %M' -o "$tmp/t" taskset -c 0 "$cclab" fit "$tmp/log" --out "$tmp/fit" -q \
      "$@" >/dev/null 2>&1
    read -r t m <"$tmp/t"
    times+=("$t")
    [ "$m" -gt "$rss" ] && rss=$m
  done
  printf '%-36s %8s s %8d KiB peak RSS\n' "$name" "$(printf '%s\n' "${times[@]}" | median)" "$rss"
}
fit_case "fit 1M rows, no replay" --replay-day none
fit_case "fit 1M rows, replay of the busiest day" --replay-day busiest
fit_case "fit 1M rows, 15-minute intervals" --replay-day none --interval-minutes 15
