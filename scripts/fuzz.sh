#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan) and runs each on its committed seed corpus.
# Usage: bash scripts/fuzz.sh [--smoke] [--time SECONDS] [--runs N] [TARGET...]
#   --smoke       3000 executions per target with a fixed seed and without address-space
#                 randomisation: deterministic (part of the suite)
#   --time S      stop each target after S seconds (default 60 when --runs is not given)
#   --runs N      stop each target after N executions (the 10-million runs of docs/robustness.md);
#                 with --time too, whichever comes first
#   --workers K   K processes per target on one corpus (each with the limits above; the
#                 executions reported are their sum)
#   --save        no fuzzing: minimise each target's campaign corpus (build-fuzz/corpus/TARGET,
#                 libFuzzer -merge=1) and write it to tests/fuzz/grown/TARGET.tar.gz, which every
#                 later run (the suite's smoke run included) starts from
# Findings (crashing inputs) are written to build-fuzz/findings/TARGET/; the exit code is 1 if any.
set -uo pipefail
cd "$(dirname "$0")/.."
limit=()
workers=1
save=0
norandom=()
while [ $# -gt 0 ]; do
  case "$1" in
    --smoke)
      limit+=(-runs=3000 -seed=1)
      # Some paths inside yaml-cpp and std::regex / shared_ptr depend on heap addresses, so
      # with ASLR the coverage (and so the inputs kept) differs by an edge or two between runs.
      setarch -R true 2>/dev/null && norandom=(setarch -R)
      shift ;;
    --time) limit+=(-max_total_time="$2"); shift 2 ;;
    --runs) limit+=(-runs="$2"); shift 2 ;;
    --workers) workers="$2"; shift 2 ;;
    --save) save=1; shift ;;
    -*) echo "fuzz.sh: unknown option $1" >&2; exit 2 ;;
    *) break ;;
  esac
done
[ ${#limit[@]} -eq 0 ] && limit=(-max_total_time=60)
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(scenario rubric import eventlog)
source scripts/compiler_cache.sh
cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
  -DCCLAB_FUZZ=ON -DCCLAB_TESTS=OFF -DCCLAB_BENCH=OFF -DCCLAB_WERROR=OFF "${cache_args[@]}" \
  >/dev/null || exit 2
cmake --build build-fuzz -j "$(nproc)" --target "${targets[@]/#/fuzz_}" >/dev/null || exit 2
rc=0
for t in "${targets[@]}"; do
  work=build-fuzz/corpus/$t
  mkdir -p "$work" "build-fuzz/findings/$t"
  # The hand-picked seeds, then the committed minimised corpus of the past campaigns.
  cp -n tests/fuzz/corpus/$t/* "$work/" 2>/dev/null
  if [ -f "tests/fuzz/grown/$t.tar.gz" ]; then
    tar -xzf "tests/fuzz/grown/$t.tar.gz" -C build-fuzz/corpus --skip-old-files || exit 2
  fi
  if [ $save -eq 1 ]; then
    # Keep the smallest set of inputs that covers every feature the campaign corpus reaches.
    min=$(mktemp -d build-fuzz/min.XXXXXX)
    mkdir "$min/$t"
    ASAN_OPTIONS=detect_leaks=0:malloc_context_size=0 "build-fuzz/tests/fuzz/fuzz_$t" -merge=1 \
      "$min/$t" "$work" >"build-fuzz/$t.save.log" 2>&1 || { tail -30 "build-fuzz/$t.save.log"; exit 2; }
    mkdir -p tests/fuzz/grown
    # Reproducible archive: sorted names, no times or owners; written atomically.
    tar -C "$min" --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner --mode=a=r,u+w \
      -cf - "$t" | gzip -9n >"tests/fuzz/grown/$t.tar.gz.tmp" || exit 2
    mv "tests/fuzz/grown/$t.tar.gz.tmp" "tests/fuzz/grown/$t.tar.gz"
    echo "fuzz_$t: $(ls "$work" | wc -l) inputs minimised to $(ls "$min/$t" | wc -l)" \
      "($(grep -o '[0-9]* new coverage edges' "build-fuzz/$t.save.log")) in tests/fuzz/grown/$t.tar.gz"
    rm -rf "$min"
    continue
  fi
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
      "${norandom[@]}" "build-fuzz/tests/fuzz/fuzz_$t" "$work" "${limit[@]}" -max_len=$maxlen -reload=$reload \
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
