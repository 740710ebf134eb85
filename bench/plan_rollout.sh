#!/usr/bin/env bash
# Speed of `cclab plan` for the rollout question (issue 22, docs/performance.md): the baseline over
# three weeks, the rollout (cart -> cart + checkout -> everywhere) and chat in the cart only for
# three weeks (bench/rollout-cart-only.yaml), each staffed for chat and messaging service level
# 0.8 (demand run, repair and trim rounds) and compared on common random numbers, 10 replications
# per simulation, 2 jobs. Prints the wall and CPU time and the plan's verdicts.
# Usage: bash bench/plan_rollout.sh [path/to/cclab] [OUT]   (default build/cclab; build it first)
set -euo pipefail
cd "$(dirname "$0")/.."
cclab=${1:-build/cclab}
out=${2:-$(mktemp -d)/plan}
/usr/bin/time -f "wall %e s, cpu %U s user + %S s system, peak %M KB" \
  "$cclab" plan scenarios/baseline-3-weeks.yaml scenarios/rollout.yaml bench/rollout-cart-only.yaml \
  --target 'chat.service_level>=0.8' --target 'messaging.service_level>=0.8' \
  -r 10 -j 2 -q --out "$out"
