#!/usr/bin/env bash
# Speed and memory of `cclab fit` (issue 17, docs/performance.md): a 1-million-row contact log
# (the Erlang-A 1M benchmark run's contacts.csv) fitted on one core. Prints the median wall time
# of 3 runs (wall and CPU: on a busy machine the CPU time is what one free core would take) and
# the peak resident memory, without and with the replay of the busiest day.
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
  local times=() cpus=() rss=0
  for i in 1 2 3; do
    /usr/bin/time -f '%e %U %S %M' -o "$tmp/t" taskset -c 0 "$cclab" fit "$tmp/log" --out "$tmp/fit" \
      -q "$@" >/dev/null 2>&1
    read -r t u s m <"$tmp/t"
    times+=("$t")
    cpus+=("$(awk -v u="$u" -v s="$s" 'BEGIN { print u + s }')")
    [ "$m" -gt "$rss" ] && rss=$m
  done
  printf '%-40s %7s s wall %7s s CPU %8d KiB peak RSS\n' "$name" \
    "$(printf '%s\n' "${times[@]}" | median)" "$(printf '%s\n' "${cpus[@]}" | median)" "$rss"
}
fit_case "fit 1M rows, no replay" --replay-day none
fit_case "fit 1M rows, replay of the busiest day" --replay-day busiest
fit_case "fit 1M rows, 15-minute intervals" --replay-day none --interval-minutes 15
fit_case "fit 1M rows, back-test (2 replications)" --replay-day none --backtest -r 2
