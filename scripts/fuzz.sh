#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan) and runs each on its committed seed corpus.
# Usage: bash scripts/fuzz.sh [--smoke] [--time SECONDS] [--runs N] [TARGET...]
#   --smoke       3000 executions per target with a fixed seed: deterministic (part of the suite)
#   --time S      stop each target after S seconds (default 60 when --runs is not given)
#   --runs N      stop each target after N executions (the 10-million runs of docs/robustness.md);
#                 with --time too, whichever comes first
#   --workers K   K processes per target on one corpus (each with the limits above; the
#                 executions reported are their sum)
# Findings (crashing inputs) are written to build-fuzz/findings/TARGET/; the exit code is 1 if any.
set -uo pipefail
cd "$(dirname "$0")/.."
limit=()
workers=1
while [ $# -gt 0 ]; do
  case "$1" in
    --smoke) limit+=(-runs=3000 -seed=1); shift ;;
    --time) limit+=(-max_total_time="$2"); shift 2 ;;
    --runs) limit+=(-runs="$2"); shift 2 ;;
    --workers) workers="$2"; shift 2 ;;
    -*) echo "fuzz.sh: unknown option $1" >&2; exit 2 ;;
    *) break ;;
  esac
done
[ ${#limit[@]} -eq 0 ] && limit=(-max_total_time=60)
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(scenario rubric import eventlog)
cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
  -DCCLAB_FUZZ=ON -DCCLAB_TESTS=OFF -DCCLAB_BENCH=OFF -DCCLAB_WERROR=OFF >/dev/null || exit 2
cmake --build build-fuzz -j "$(nproc)" --target "${targets[@]/#/fuzz_}" >/dev/null || exit 2
rc=0
for t in "${targets[@]}"; do
  work=build-fuzz/corpus/$t
  mkdir -p "$work" "build-fuzz/findings/$t"
  cp -n tests/fuzz/corpus/$t/* "$work/" 2>/dev/null
  # The YAML and CSV readers get inputs up to 8 KB (the largest seed is 7.7 KB), the binary
  # event log up to 64 KB (2000 events).
  maxlen=8192
  [ "$t" = eventlog ] && maxlen=65536
  # Several workers on one corpus pick up each other's new inputs.
  reload=0
  [ "$workers" -gt 1 ] && reload=1
  pids=() logs=()
  for k in $(seq 1 "$workers"); do
    log=build-fuzz/$t.log
    [ "$workers" -gt 1 ] && log=build-fuzz/$t.$k.log
    logs+=("$log")
    # ASan keeps every check; it only stops recording allocation stacks (a finding is re-run for
    # them) and pre-filling new memory, and keeps 16 MB of freed memory in quarantine (not 256).
    UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
      ASAN_OPTIONS=detect_leaks=1:malloc_context_size=0:max_malloc_fill_size=0:quarantine_size_mb=16 \
      "build-fuzz/tests/fuzz/fuzz_$t" "$work" "${limit[@]}" -max_len=$maxlen -reload=$reload \
      -timeout=10 -rss_limit_mb=4096 -artifact_prefix="build-fuzz/findings/$t/" \
      -print_final_stats=1 >"$log" 2>&1 &
    pids+=($!)
  done
  status=0
  for p in "${pids[@]}"; do
    wait "$p" || status=$?
  done
  execs=0
  for log in "${logs[@]}"; do
    n=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$')
    execs=$((execs + ${n:-0}))
  done
  cov=$(cat "${logs[@]}" | grep -o 'cov: [0-9]*' | sort -t' ' -k2 -n | tail -1)
  found=$(ls "build-fuzz/findings/$t" | wc -l)
  echo "fuzz_$t: $execs executions ($workers worker(s)), $cov, corpus $(ls "$work" | wc -l) inputs, findings $found (exit $status)"
  if [ $status -ne 0 ] || [ "$found" -ne 0 ]; then
    rc=1
    for log in "${logs[@]}"; do tail -30 "$log"; done
  fi
done
exit $rc
