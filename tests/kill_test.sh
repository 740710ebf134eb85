#!/usr/bin/env bash
# Crash safety (issue 8): `cclab run` killed with SIGKILL at many moments leaves the output
# directory holding either the previous result set or the new one, complete, never a mix; and a
# later run (or --resume) completes. Usage: kill_test.sh CCLAB SRC
cclab=$(realpath "$1") src=$(realpath "$2")
source "$src/tests/test_lib.sh"
sc="$src/scenarios/webshop-contact-center.yaml"
files="summary.json contacts.csv intervals.csv agents.csv events.bin report.html scenario-as-run.yaml"
"$cclab" run "$sc" -r 4 --seed 1 --out "$tmp/ref1" -q >/dev/null; check "reference run, seed 1" $?
"$cclab" run "$sc" -r 4 --seed 2 --out "$tmp/ref2" -q >/dev/null; check "reference run, seed 2" $?
same() {  # same DIR REF: every file of the set equal
  for f in $files; do cmp -s "$1/$f" "$2/$f" || return 1; done
}
cp -r "$tmp/ref1" "$tmp/out"
seed=2
# Kill moments from early (parsing, forking) to late (merging and publishing), in seconds.
for delay in 0.02 0.1 0.25 0.4 0.6 0.8 1.0 1.2 1.5 1.8 2.2 2.6; do
  setsid "$cclab" run "$sc" -r 4 --seed $seed --jobs 2 --out "$tmp/out" -q >/dev/null 2>&1 &
  pid=$!
  sleep $delay
  kill -9 -- -$pid 2>/dev/null
  wait $pid 2>/dev/null
  if same "$tmp/out" "$tmp/ref1"; then state=1
  elif same "$tmp/out" "$tmp/ref2"; then state=2
  else state=mixed; fi
  [ "$state" != mixed ]; check "killed after ${delay}s: the results are one complete set (set $state)" $?
  # The next run goes to the other seed, so that each kill can land between two different sets.
  [ "$state" = 1 ] && seed=2 || seed=1
done
# A killed run resumes and finishes with the same results as an uninterrupted one.
setsid "$cclab" run "$sc" -r 4 --seed 2 --out "$tmp/res" -q >/dev/null 2>&1 &
pid=$!
sleep 0.8
kill -9 -- -$pid 2>/dev/null
wait $pid 2>/dev/null
"$cclab" run "$sc" -r 4 --seed 2 --out "$tmp/res" -q --resume >/dev/null 2>&1
check "a killed run resumes" $?
same "$tmp/res" "$tmp/ref2"; check "the resumed run equals the uninterrupted one" $?
finish
