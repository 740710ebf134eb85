#!/usr/bin/env bash
# The README's second command (and what .ci/run calls): install what is missing, build, and run
# the whole test suite: unit and validation tests, the CLI checks, a sanitizer (ASan+UBSan) build
# of the engine-free code and its tests, a short libFuzzer run of every reader, and the
# formatting check.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
jobs=$(nproc)
source scripts/compiler_cache.sh

echo "== build (Release, warnings as errors)"
# Tests and benchmarks on explicitly: scripts/demo.sh (the first command) configures the same
# build/ without them, and CMake keeps that in its cache.
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DCCLAB_TESTS=ON -DCCLAB_BENCH=ON "${cache_args[@]}" >/dev/null
cmake --build build -j"$jobs"
echo "== test suite"
(cd build && ctest --output-on-failure --no-tests=error -j"$jobs")

echo "== sanitizer build (ASan+UBSan) of the model and its tests"
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DCCLAB_SANITIZE=ON -DCCLAB_TESTS=ON \
  "${cache_args[@]}" >/dev/null
cmake --build build-asan -j"$jobs"
# The statistical coaching validations (minutes of simulation, the same code paths as the
# Coaching.* tests) run in the Release pass only: docs/testing.md, "The sanitizer build".
(cd build-asan && ASAN_OPTIONS=detect_leaks=1 ctest --output-on-failure --no-tests=error -j"$jobs" \
  -E '^CoachingValidation\.')

echo "== fuzz smoke (libFuzzer, clang, ASan+UBSan: 3000 deterministic executions per target)"
bash scripts/fuzz.sh --smoke

echo "== clang-format"
files=$(git ls-files '*.cpp' '*.hpp')
if ! clang-format --dry-run --Werror $files; then
  echo "clang-format: run 'clang-format -i \$(git ls-files \"*.cpp\" \"*.hpp\")'" >&2
  exit 1
fi
echo "== all checks passed"
