#!/usr/bin/env bash
# Speed of `cclab plan --search` (issue 22, docs/performance.md): 8 candidates of the shipped
# scenarios/cart-only-chat.yaml (evening chat agents 1-4 x chat in the cart only or everywhere)
# under a budget of EUR 26,000 a week, Kim-Nelson with PCS 0.95 within EUR 50 a week, n0 = 10,
# 2 jobs. Prints the wall and CPU time and the ranked table.
# Usage: bash bench/plan_search.sh [path/to/cclab] [OUT]   (default build/cclab; build it first)
set -euo pipefail
cd "$(dirname "$0")/.."
cclab=${1:-build/cclab}
out=${2:-$(mktemp -d)/search}
/usr/bin/time -f "wall %e s, cpu %U s user + %S s system, peak %M KB" \
  "$cclab" plan --search scenarios/cart-only-chat.yaml \
  --set agents.chat.shifts.evening.agents=1..4 --set 'shop.chat_placement=[cart_only,everywhere]' \
  --budget 26000 --delta 50 -j 2 -q --out "$out"
