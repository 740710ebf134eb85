#!/usr/bin/env bash
# Speed and memory of `cclab fit` (issue 17, docs/performance.md): a 1-million-row contact log
# (the Erlang-A 1M benchmark run's contacts.csv) fitted on one core. Prints the median wall time
# of 3 runs (wall and CPU: on a busy machine the CPU time is what one free core would take) and
# the peak resident memory, without and with the replay of the busiest day; then the same log as
# call records at whole seconds (Unix times, as telephony platforms write them), whose durations
# take a few thousand distinct values: the duration fits' memory follows distinct values, not rows.
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
measure() {  # name fit-args...: 3 runs of `cclab fit fit-args...` pinned to one core
  local name=$1
  shift
  local times=() cpus=() rss=0
  for i in 1 2 3; do
    /usr/bin/time -f '%e %U %S %M' -o "$tmp/t" taskset -c 0 "$cclab" fit "$@" --out "$tmp/fit" \
      -q >/dev/null 2>&1
    read -r t u s m <"$tmp/t"
    times+=("$t")
    cpus+=("$(awk -v u="$u" -v s="$s" 'BEGIN { print u + s }')")
    [ "$m" -gt "$rss" ] && rss=$m
  done
  printf '%-40s %7s s wall %7s s CPU %8d KiB peak RSS\n' "$name" \
    "$(printf '%s\n' "${times[@]}" | median)" "$(printf '%s\n' "${cpus[@]}" | median)" "$rss"
}
measure "fit 1M rows, no replay" "$tmp/log" --replay-day none
measure "fit 1M rows, replay of the busiest day" "$tmp/log" --replay-day busiest
measure "fit 1M rows, 15-minute intervals" "$tmp/log" --replay-day none --interval-minutes 15
measure "fit 1M rows, back-test (2 replications)" "$tmp/log" --replay-day none --backtest -r 2
# The same contacts as call records at whole seconds (from Monday 2025-11-03 00:00 UTC).
awk -F, 'NR == 1 { print "id,start,answered,ended,outcome,agent"; next }
  function t(x) { return x == "" ? "" : sprintf("%d", 1762128000 + int(x + 0.5)) }
  { printf "c%d,%s,%s,%s,%s,%s\n", $2, t($7), t($8), t($10), $13, $12 }' \
  "$tmp/log/contacts.csv" >"$tmp/calls.csv"
printf '%s\n' "log: call_records" "time_format: epoch_s" \
  "columns: {id: id, arrival: start, answer: answered, end: ended, outcome: outcome, agent: agent}" \
  >"$tmp/calls-mapping.yaml"
echo "call records: $rows rows at whole seconds, $(du -m "$tmp/calls.csv" | cut -f1) MB"
calls=("$tmp/calls.csv" --mapping "$tmp/calls-mapping.yaml")
measure "call records 1M rows, no replay" "${calls[@]}" --replay-day none
measure "call records 1M rows, busiest day" "${calls[@]}" --replay-day busiest
