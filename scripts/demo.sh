#!/usr/bin/env bash
# The README's first command: install what is missing, build, and run the default scenario.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DCCLAB_TESTS=OFF -DCCLAB_BENCH=OFF >/dev/null
cmake --build build -j"$(nproc)" --target cclab
./build/cclab run scenarios/proactive-checkout-chat.yaml --seed 1 --replications 10 \
  --jobs "$(nproc)" --out results/proactive-checkout-chat "$@"
