#!/usr/bin/env bash
# Speed and memory of the simulation core (issue 2), reported in docs/performance.md.
# Usage: bash bench/run.sh [path/to/cclab]   (default: build/cclab; build it first)
# Runs each case 3 times on one core (--jobs 1, one replication) and prints the median wall time
# and the peak resident memory of the replication process.
set -euo pipefail
cd "$(dirname "$0")/.."
cclab=${1:-build/cclab}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
run_case() {  # name scenario extra-args...
  local name=$1 sc=$2
  shift 2
  local times=() rss=0
  for i in 1 2 3; do
    /usr/bin/time -f '%e %M' -o "$tmp/t" taskset -c 0 "$cclab" run "$sc" -r 1 -j 1 -q \
      --out "$tmp/out" "$@" >/dev/null
    read -r t m <"$tmp/t"
    times+=("$t")
    [ "$m" -gt "$rss" ] && rss=$m
  done
  local med
  med=$(printf '%s\n' "${times[@]}" | median)
  local contacts
  local what
  what=$(python3 -c "
import json
j = json.load(open('$tmp/out/summary.json'))
if 'shop' in j:
    print('%d visits, %d contacts' % (j['shop']['visits']['mean'], j['shop']['contacts']['mean']))
else:
    print('%d contacts' % j['channels']['phone']['offered']['mean'])" 2>/dev/null || echo "?")
  printf '%-34s %30s %8s s %8d KiB peak RSS\n' "$name" "$what" "$med" "$rss"
}
echo "cclab $("$cclab" --version | awk '{print $2}') on $(nproc) cores: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
run_case "erlang-a 100k, no contact log" bench/erlang-a-100k.yaml --no-contacts
run_case "erlang-a 1M, no contact log" bench/erlang-a-1m.yaml --no-contacts
run_case "erlang-a 1M, with contacts.csv" bench/erlang-a-1m.yaml
run_case "erlang-a 1M, plain engine" bench/erlang-a-1m.yaml --no-contacts --engine plain
run_case "shop day 1M visits, no contact log" bench/shop-day-1m.yaml --no-contacts
run_case "shop day 1M visits, with contacts" bench/shop-day-1m.yaml
run_case "shop day 1M visits, plain engine" bench/shop-day-1m.yaml --no-contacts --engine plain
# Loyalty model (issue 23): a quarter of about 1 million visits from 260 000 customers; memory is
# bounded by the population, not by the visits (docs/performance.md).
run_case "loyalty quarter 1M visits" bench/loyalty-quarter-1m.yaml --no-contacts
