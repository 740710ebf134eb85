#!/usr/bin/env bash
# CLI checks: exit codes, bad-input messages, byte-identical reruns, --jobs independence, erlang.
# Usage: cli_test.sh PATH/TO/cclab SOURCE_DIR
set -u
cclab=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0 passes=0
check() {  # check NAME CONDITION-EXIT-CODE
  if [ "$2" -eq 0 ]; then passes=$((passes + 1)); else echo "FAIL: $1"; fails=$((fails + 1)); fi
}

# validate: shipped scenarios ok, every bad input exit 2 with its expected message on stderr
for f in "$src"/scenarios/*.yaml; do
  "$cclab" validate "$f" >/dev/null 2>&1; check "validate $f" $?
done
cd "$src/tests/bad-inputs"
while IFS=$'\t' read -r name expected; do
  out=$("$cclab" validate "$name" 2>&1 >/dev/null); rc=$?
  [ $rc -eq 2 ]; check "validate $name exits 2 (got $rc)" $?
  [ "$(printf '%s\n' "$out" | head -1)" = "$expected" ]; check "validate $name message: $out" $?
  "$cclab" run "$name" --out "$tmp/bad" -q >/dev/null 2>&1; rc=$?
  [ $rc -eq 2 ]; check "run $name exits 2 (got $rc)" $?
done < expected.tsv
cd "$tmp"

# bad command lines
"$cclab" run >/dev/null 2>&1; [ $? -eq 2 ]; check "run without scenario exits 2" $?
"$cclab" run "$src/scenarios/erlang-a-reference.yaml" --replications 0 >/dev/null 2>&1
[ $? -eq 2 ]; check "--replications 0 exits 2" $?
"$cclab" frobnicate >/dev/null 2>&1; [ $? -eq 2 ]; check "unknown subcommand exits 2" $?
"$cclab" --help >/dev/null 2>&1; check "--help exits 0" $?
"$cclab" run /nonexistent.yaml 2>"$tmp/err" >/dev/null; [ $? -eq 2 ]; check "missing file exits 2" $?
grep -q "/nonexistent.yaml: cannot open the file" "$tmp/err"; check "missing file message" $?

# determinism: same command twice, and --jobs 1 vs 2: byte-identical results
sc="$src/scenarios/webshop-contact-center.yaml"
"$cclab" run "$sc" -r 4 --out "$tmp/a" -q >"$tmp/a.txt"; check "run a" $?
"$cclab" run "$sc" -r 4 --out "$tmp/b" -q >/dev/null; check "run b" $?
"$cclab" run "$sc" -r 4 --jobs 2 --out "$tmp/c" -q >/dev/null; check "run c (2 jobs)" $?
for f in contacts.csv intervals.csv summary.json; do
  cmp -s "$tmp/a/$f" "$tmp/b/$f"; check "rerun identical $f" $?
  cmp -s "$tmp/a/$f" "$tmp/c/$f"; check "--jobs 2 identical $f" $?
done
grep -q "results: " "$tmp/a.txt"; check "run prints where results are" $?
[ -z "$(ls -A "$tmp/a" | grep -v -E '^(contacts.csv|intervals.csv|summary.json)$')" ]
check "no temporary files left in the output directory" $?
grep -q '"cclab_version"' "$tmp/a/summary.json" && grep -q '"scenario_hash": "fnv1a64:' "$tmp/a/summary.json"
check "summary has version and scenario hash" $?
! grep -q -i -E "$(hostname)|[0-9]{4}-[0-9]{2}-[0-9]{2}T" "$tmp/a/summary.json"
check "summary has no host name or wall-clock time" $?

# erlang: the published Erlang C example and Erlang A case (see tests/test_analytic.cpp)
out=$("$cclab" erlang --arrivals-per-hour 200 --aht-s 180 --agents 14 --target-s 19.8)
echo "$out" | grep -q ' 0.1741 .* 0.8879 '; check "erlang C P(wait) 0.174, service level 0.888: $out" $?
out=$("$cclab" erlang --arrivals-per-hour 200 --aht-s 180 --agents 14 --patience-s 300 --json)
echo "$out" | grep -q '"abandonment_rate": 0.01398'; check "erlang A abandonment 0.01398" $?
"$cclab" erlang --arrivals-per-hour 200 --aht-s 180 --agents 8..16 | grep -c erlang-c | grep -q 9
check "erlang agent range gives 9 rows" $?
"$cclab" erlang --arrivals-per-hour 200 --aht-s 180 --agents x >/dev/null 2>&1; [ $? -eq 2 ]
check "erlang bad --agents exits 2" $?
"$cclab" run "$src/scenarios/erlang-a-reference.yaml" -r 2 --out "$tmp/ea" -q | grep -q "analytic model: erlang-a"
check "run prints the analytic model beside the simulated figures" $?

# compare: common random numbers, deterministic, phases, refusals
s="$src/scenarios"
"$cclab" compare "$s/baseline.yaml" "$s/cart-only-chat.yaml" -r 3 --out "$tmp/cmp1" -q --no-contacts >"$tmp/cmp1.txt"
check "compare runs" $?
grep -q "cart-only-chat vs baseline (common random numbers" "$tmp/cmp1.txt"; check "compare prints the table" $?
"$cclab" compare "$s/baseline.yaml" "$s/cart-only-chat.yaml" -r 3 -j 2 --out "$tmp/cmp2" -q --no-contacts >/dev/null
cmp -s "$tmp/cmp1/comparison.json" "$tmp/cmp2/comparison.json"; check "compare is deterministic across --jobs" $?
[ -f "$tmp/cmp1/baseline/summary.json" ] && [ -f "$tmp/cmp1/cart-only-chat/shop_intervals.csv" ]
check "compare keeps each variant's results" $?
"$cclab" compare "$s/baseline.yaml" "$s/rollout.yaml" -r 2 --out "$tmp/cmp3" -q >/dev/null 2>"$tmp/err"
[ $? -eq 2 ]; check "compare refuses different horizons with exit 2" $?
grep -q "horizon_days differ" "$tmp/err"; check "compare says why" $?
"$cclab" compare "$s/baseline.yaml" -r 2 --out "$tmp/cmp4" -q >/dev/null 2>&1; [ $? -eq 2 ]
check "compare needs two scenarios" $?
"$cclab" compare "$s/baseline-3-weeks.yaml" "$s/rollout.yaml" -r 2 --out "$tmp/cmp5" -q --no-contacts | grep -q "week3-everywhere"
check "compare reports rollout phases" $?

echo "$passes passed, $fails failed"
[ "$fails" -eq 0 ]
