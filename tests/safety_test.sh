#!/usr/bin/env bash
# Safety (issue 15): names from user files never make a path outside the output directory and are
# escaped in Markdown, HTML and CSV (a property test: random hostile names through every command
# that writes files); the one rule for --out and the bad command lines of
# tests/bad-inputs/commands.tsv; one writer per output directory (concurrent runs); replication
# processes die with their parent and --resume cleans up after a kill -9 of the parent alone;
# `validate --rubric` takes several files and the shipped names. Rules: docs/robustness.md.
# Usage: safety_test.sh CCLAB SRC
set -u
cclab=$(realpath "$1") src=$(realpath "$2")
source "$src/tests/test_lib.sh"

# ---- The bad command lines: exit code and exact first line of stderr ---------------------------
cat_dir="$tmp/cat"
mkdir -p "$cat_dir/user-dir" "$cat_dir/shard-1"
echo '{"mine": true}' >"$cat_dir/user-dir/summary.json"
echo x >"$cat_dir/a-file"
ln -s "$cat_dir/nowhere" "$cat_dir/dangling"
while IFS=$'\t' read -r args code expected; do
  args=${args//@SRC@/$src} args=${args//@TMP@/$cat_dir} expected=${expected//@TMP@/$cat_dir}
  # shellcheck disable=SC2086  # the arguments are split on spaces on purpose
  (cd "$cat_dir" && exec "$cclab" $args >/dev/null 2>"$tmp/err"); rc=$?
  out=$(head -1 "$tmp/err")
  [ "$rc" -eq "$code" ]; check "cclab $args exits $code (got $rc)" $?
  [ "$out" = "$expected" ]; check "cclab $args: $out" $?
done < <(grep -v '^#' "$src/tests/bad-inputs/commands.tsv")
[ "$(cat "$cat_dir/user-dir/summary.json")" = '{"mine": true}' ] && [ "$(ls -A "$cat_dir/user-dir")" = summary.json ]
check "a user's directory refused as --out is left untouched" $?

# hostile OUT NAME G1 G2 G3: tests/safety/hostile-team.yaml (a small two-day shop) with these
# scenario and group names (YAML double-quoted text).
hostile() {
  local e=() v
  for v in "${@:2}"; do  # as sed replacement text: \ / & escaped
    v=${v//\\/\\\\} v=${v//\//\\/} v=${v//&/\\&}
    e+=("$v")
  done
  sed -e "s/@NAME@/${e[0]}/g" -e "s/@G1@/${e[1]}-1/" -e "s/@G2@/${e[2]}-2/" -e "s/@G3@/${e[3]}-3/" \
    "$src/tests/safety/hostile-team.yaml" >"$1"
}
hostile "$tmp/small.yaml" small phone chat email

# ---- --out: links followed (never replaced), empty and cclab's directories taken ----------------
sc="$src/scenarios/webshop-contact-center.yaml"
mkdir -p "$tmp/target" "$tmp/empty"
ln -s "$tmp/target" "$tmp/link"
"$cclab" run "$sc" -r 2 -q --out "$tmp/link" >/dev/null && "$cclab" run "$sc" -r 2 -q --out "$tmp/link" >/dev/null
check "--out through a symbolic link runs twice" $?
[ -L "$tmp/link" ] && [ -f "$tmp/target/summary.json" ]; check "the link stays, the results are where it points" $?
"$cclab" run "$sc" -r 2 -q --out "$tmp/empty" >/dev/null && [ -f "$tmp/empty/summary.json" ]
check "an empty directory takes results" $?
touch "$tmp/empty/mine.txt"
"$cclab" run "$sc" -r 2 -q --no-contacts --out "$tmp/empty" >/dev/null &&
  [ ! -e "$tmp/empty/contacts.csv" ] && [ ! -e "$tmp/empty/events.bin" ] && [ -f "$tmp/empty/mine.txt" ]
check "a rerun without the contact log leaves no stale contacts.csv or events.bin (a user's file stays)" $?
[ -z "$(ls "$tmp" | grep -E '\.cclab-lock$|\.new-')" ]; check "no lock file or publication left beside the results" $?

# ---- validate: each option takes its files; shipped rubrics by name ----------------------------
out=$("$cclab" validate --rubric last learn forward-resolution 2>&1); rc=$?
[ $rc -eq 0 ] && [ "$(grep -c ': ok (shipped rubric' <<<"$out")" -eq 3 ]; check "validate --rubric takes shipped names: $out" $?
r="$src/coaching/rubrics"
out=$("$cclab" validate --rubric "$r/learn.yaml" "$r/last.yaml" "$r/forward-resolution.yaml" 2>&1); rc=$?
[ $rc -eq 0 ] && [ "$(grep -c ': ok (rubric' <<<"$out")" -eq 3 ]; check "validate --rubric a b c checks three rubrics: $out" $?
out=$("$cclab" validate --rubric learn "$src/scenarios/baseline.yaml" 2>&1); rc=$?
[ $rc -eq 2 ] && grep -q "^$src/scenarios/baseline.yaml:.*: unknown key" <<<"$out"
check "a file after --rubric is read as a rubric (exit $rc)" $?
"$cclab" validate "$src/scenarios/baseline.yaml" --rubric last --rules "$src/coaching/rules.yaml" --mapping \
  "$src/tests/coaching/mapping.yaml" >/dev/null; check "scenario first, then the options and their files" $?

# ---- One writer at a time: two runs at once into one --out -------------------------------------
"$cclab" run "$sc" -r 4 --seed 1 --out "$tmp/ref1" -q >/dev/null
"$cclab" run "$sc" -r 4 --seed 2 --out "$tmp/ref2" -q >/dev/null
files="summary.json contacts.csv intervals.csv events.bin report.html scenario-as-run.yaml"
same() { for f in $files; do cmp -s "$1/$f" "$2/$f" || return 1; done; }
for trial in 1 2 3 4; do
  "$cclab" run "$sc" -r 4 --seed 1 --out "$tmp/both" -q >/dev/null 2>"$tmp/e1" & p1=$!
  "$cclab" run "$sc" -r 4 --seed 2 --out "$tmp/both" -q >/dev/null 2>"$tmp/e2" & p2=$!
  wait $p1; r1=$?; wait $p2; r2=$?
  ok=1
  for k in 1 2; do  # a run refused is refused at once, with exit 2 and a clear message
    rc=$([ $k -eq 1 ] && echo $r1 || echo $r2)
    [ "$rc" -eq 0 ] || { [ "$rc" -eq 2 ] && grep -q "is in use by another cclab (process [0-9]*)" "$tmp/e$k"; } ||
      { ok=0; echo "  run $k (exit $rc) said: $(cat "$tmp/e$k")"; }
  done
  if ! { same "$tmp/both" "$tmp/ref1" || same "$tmp/both" "$tmp/ref2"; }; then
    ok=0  # say what differs, so that a failure here can be explained
    for f in $files; do
      echo "  $f: $(wc -c <"$tmp/both/$f" 2>/dev/null || echo missing) bytes;" \
        "seed 1 $(cmp -s "$tmp/both/$f" "$tmp/ref1/$f" && echo same || echo differs)," \
        "seed 2 $(cmp -s "$tmp/both/$f" "$tmp/ref2/$f" && echo same || echo differs)"
    done
    cat "$tmp/e1" "$tmp/e2"
  fi
  [ $ok -eq 1 ]; check "trial $trial: runs at once (exits $r1 $r2) leave one complete set of one seed" $?
done
# Sweep shards share their directory; collecting needs it alone.
sw=("$cclab" sweep "$tmp/small.yaml" --set 'shop.visits.per_hour=[200,300]' -r 2 -q --out "$tmp/sw")
"${sw[@]}" --shard 1/2 >/dev/null & p1=$!
"${sw[@]}" --shard 2/2 >/dev/null & p2=$!
wait $p1 && wait $p2; check "two sweep shards run at once into one directory" $?
"${sw[@]}" --collect >/dev/null && [ "$(wc -l <"$tmp/sw/sweep.csv")" -eq 3 ]; check "their variants collect" $?

# ---- kill -9 of the parent alone: its workers die, --resume works, leftovers are cleaned --------
# killed NAME SCENARIO REPS: runs it with 2 jobs, kills the parent alone (kill -9) once a
# replication process is at work (WHEN=tmp) or done (WHEN=stats), checks that no worker outlives
# it, leaves a stale publication beside it, and resumes at once.
killed() {
  local name=$1 scenario=$2 reps=$3 when=$4 k="$tmp/k-${1// /-}" pid _
  "$cclab" run "$scenario" -r "$reps" -j 2 --seed 77 --out "$k" -q >/dev/null 2>&1 &
  pid=$!
  for _ in $(seq 400); do ls "$k/.cclab-work" 2>/dev/null | grep -q "\.$when\$" && break; sleep 0.02; done
  kill -9 $pid; wait $pid 2>/dev/null
  sleep 0.5
  [ -z "$(pgrep -f -- "--seed 77 --out $k -q")" ]; check "$name: no worker outlives its parent" $?
  mkdir -p "$k.new-999999999/stale"  # what a kill during publishing leaves
  "$cclab" run "$scenario" -r "$reps" -j 2 --seed 77 --out "$k" -q --resume >/dev/null 2>"$tmp/resume.err"
  check "$name: --resume right after the kill ($(head -1 "$tmp/resume.err"))" $?
  local ref="$tmp/kref-$(basename "$scenario" .yaml)-$reps"
  [ -d "$ref" ] || "$cclab" run "$scenario" -r "$reps" --seed 77 --out "$ref" -q >/dev/null
  same "$k" "$ref"; check "$name: the resumed results equal an uninterrupted run" $?
  [ ! -e "$k.new-999999999" ] && [ ! -e "$k/.cclab-work" ]
  check "$name: the stale publication and the work directory are gone" $?
}
# Replications of a few seconds: a worker that outlived its parent would still be running.
killed "long replications" "$src/scenarios/baseline-3-weeks.yaml" 2 tmp
killed "short replications" "$sc" 6 stats
killed "short replications, again" "$sc" 6 stats

# ---- Property: hostile names through every command that writes files ----------------------------
# The sandbox sits 20 levels deep in $tmp/p, so that a name escaping upwards (at most 18 levels
# of ../) would still land inside $tmp/p, and absolute names point into $tmp/p too: even a cclab
# that let names through would write nothing elsewhere. Every file made under $tmp/p must lie in
# $w/out.
p="$tmp/p" w="$tmp/p/$(seq -s / 20)/w"
mkdir -p "$w/in" "$w/out" "$p/abs"
cd "$w" || exit 1
# Pieces of names in YAML double-quoted form, which `printf %b` reads the same way.
pieces=('../' '../../' '../../../../../../' '/' '\n# INJ heading' '\nINJ line' '\t' '\x01' '|' '||'
  '<script>alert(1)</script>' '<img src=x onerror=alert(1)>' '=cmd|calc' '+SUM(1)' '-2+3' '@x' ','
  "'" '`code`' '[l](http://x)' '&amp;' '#' '.' '..' ' ' 'é' '日本語' 'Team A' 'team a' 'TEAM-A'
  'CON' '.cclab-work' 'summary.json' "$p/abs/escape" "$(printf 'L%.0s' $(seq 300))")
RANDOM=15
name() {  # a random hostile name (YAML form) in $n: 1 to 3 pieces; an absolute one is in $p
  local k
  n=""
  for ((k = RANDOM % 3; k >= 0; k--)); do n+="${pieces[RANDOM % ${#pieces[@]}]}"; done
  [ "${n:0:1}" != / ] || [ "${n#"$p"}" != "$n" ] || n="$p/abs$n"
}
find "$p" | sort >"$tmp/before.txt"
# A help-desk export: 60 rows, assignees with hostile names (some given twice).
{
  head -1 "$src/tests/coaching/export.csv"
  sed -n 2,61p "$src/tests/coaching/export.csv" | while IFS=, read -r c1 c2 c3 c4 c5 _ rest; do
    name
    printf -v a '%b' "$n"
    printf '%s,%s,%s,%s,%s,"%s",%s\n' "$c1" "$c2" "$c3" "$c4" "$c5" "${a//\"/\"\"}" "$rest"
  done
} >in/export.csv
"$cclab" coach --import in/export.csv --mapping "$src/tests/coaching/mapping.yaml" --out out/imp \
  --impact 0 >"$tmp/imp.txt" 2>&1; check "coach --import with hostile assignees" $?
agents=$(sed -n 's/.* QA evaluations, \([0-9]*\) agents.*/\1/p' "$tmp/imp.txt")
[ -n "$agents" ] && [ "$(ls out/imp/agents | wc -l)" -eq "$agents" ]
check "one report file per agent ($agents agents, $(ls out/imp/agents | wc -l) files)" $?
for i in 1 2 3; do
  names=()
  for _ in 1 2 3 4; do name; names+=("$n"); done
  hostile "in/h$i.yaml" "${names[@]}"
  "$cclab" validate "in/h$i.yaml" >/dev/null; check "hostile scenario $i is valid" $?
done
"$cclab" run in/h1.yaml -r 2 -q --out out/run >/dev/null; check "run with hostile names" $?
"$cclab" coach out/run --impact 0 -q >/dev/null; check "coach reads back a run with hostile names" $?
hostile in/twin-a.yaml "Team A" a b c
hostile in/twin-b.yaml "team a" a b c
"$cclab" compare in/h1.yaml in/h2.yaml in/h3.yaml in/twin-a.yaml in/twin-b.yaml in/h2.yaml -r 2 \
  --no-contacts -q --out out/cmp >/dev/null; check "compare scenarios with hostile names" $?
[ "$(find out/cmp -mindepth 1 -maxdepth 1 -type d | wc -l)" -eq 6 ]; check "compare: one directory per variant" $?
"$cclab" sweep in/h2.yaml --set 'shop.visits.per_hour=[200,300]' -r 2 -q --out out/sw >/dev/null
check "sweep a scenario with hostile names" $?
"$cclab" staff in/h3.yaml --target 'phone.service_level>=0.5' -r 2 --rounds 1 -q --out out/staff >/dev/null
rc=$?
[ $rc -eq 0 ] || [ $rc -eq 1 ] || [ $rc -eq 4 ]; check "staff a scenario with hostile names (exit $rc)" $?
for i in 1 2; do "$cclab" run in/h3.yaml -r 2 --shard $i/2 -q --out out/shard$i >/dev/null; done
"$cclab" merge out/shard1 out/shard2 --out out/merged >/dev/null; check "merge shards with hostile names" $?
# Each command's files lie in its own output directory (nothing is left beside them either).
find "$p" | sort | comm -13 "$tmp/before.txt" - | grep -v -E -e "^$w/in/" \
  -e "^$w/out/(imp|run|cmp|sw|staff|shard1|shard2|merged)(/|\$)" >"$tmp/stray.txt"
[ ! -s "$tmp/stray.txt" ]; check "every path written lies under its output directory: $(head -3 "$tmp/stray.txt")" $?
! find out -name '*.md' -path '*/agents/*' | sed 's|.*/||' | grep -v -E '^[a-z0-9][a-z0-9_-]{0,70}\.md$'
check "agent reports have safe file names" $?
! find out/cmp -mindepth 1 -maxdepth 1 -type d | sed 's|.*/||' | grep -v -E '^[a-z0-9][a-z0-9_-]{0,70}$'
check "variant directories have safe names" $?
md=$(find out -name '*.md')
# shellcheck disable=SC2086
! grep -l -E '<script|<img|^INJ|^# INJ' $md; check "Markdown: no raw markup, no injected heading or line" $?
# shellcheck disable=SC2086
! sed 's/\\|//g' $md | grep '^|' | awk -F'|' 'NF != 11 && NF != 7' | grep -q .
check "Markdown: every table row keeps its columns" $?
! grep -r -l -E '<script|<img' --include=*.html out; check "HTML: names escaped" $?
# formulaCells FILE...: the cells (RFC 4180, quoted ones included) that start a spreadsheet formula.
formulaCells() {
  awk 'function bad(f, g) { return f ~ /^[=+@\t\r]$/ || (f == "-" && g !~ /^[0-9]$/) }
    FNR == 1 { start = 1; inq = 0 }
    { line = $0 "\n"; n = length(line)
      for (i = 1; i <= n; i++) {
        c = substr(line, i, 1)
        if (inq) { if (c == "\"") { if (substr(line, i + 1, 1) == "\"") i++; else inq = 0 }; continue }
        if (start) {
          start = 0
          if (c == "\"") { inq = 1; if (bad(substr(line, i + 1, 1), substr(line, i + 2, 1))) print FILENAME ":" FNR }
          else if (bad(c, substr(line, i + 1, 1))) print FILENAME ":" FNR
        }
        if (c == "," || c == "\n") start = 1
      }
    }' "$@"
}
printf 'a,"=x",b\n"-3",-y\n' >"$tmp/f.csv"
[ "$(formulaCells "$tmp/f.csv" | wc -l)" -eq 2 ]; check "the formula check finds formulas" $?
# shellcheck disable=SC2046
[ -z "$(formulaCells $(find out -name '*.csv') | head -3)" ]; check "CSV: no cell starts a formula" $?
finish
