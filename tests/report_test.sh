#!/usr/bin/env bash
# report.html renders in headless Chromium (no network) and is not blank: a screenshot of each
# section (the comparison's week-at-a-glance heatmaps too) of a run's and a comparison's report (English and Dutch) must be far larger than that
# of an empty page; no report or console table shows nan or a share interval outside [0, 100%].
# CCLAB_UPDATE_IMAGES=1 copies the section pictures into docs/img (report-*.png).
# Usage: report_test.sh PATH/TO/cclab SOURCE_DIR
set -u
cclab=$1
src=$2
. "$(dirname "$0")/test_lib.sh"
chrome() {  # chrome PNG URL [WIDTH,HEIGHT]
  timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync --hide-scrollbars \
    --user-data-dir="$tmp/profile-$RANDOM" --window-size="${3:-1280,1000}" --screenshot="$1" "$2" \
    >/dev/null 2>&1
}
# reading_problems FILE: prints nan/inf words and share intervals outside [0%, 100%]
reading_problems() {
  perl -ne 'print "nan/inf: $&\n" while /\b(nan|NaN|inf)\b/g;
    while (/\[(-?[0-9.,]+)%, (-?[0-9.,]+)%\]/g) { my ($a, $b) = ($1, $2);
      for ($a, $b) { if (/\./) { tr/,//d } else { tr/,/./ } }  # 1,234.5 (en) or 60,6 (nl)
      print "share interval [$1%, $2%]\n" if $a < 0 || $b > 100 }' "$1"
}
# sections HTML OUTPREFIX: one picture per <section id=...> (the page's head + that section);
# sets nsections
sections() {
  local head ids
  head=$(perl -0777 -ne 'print $1 if /^(.*?<body>)/s' "$1")
  ids=$(grep -o '<section id="[a-z-]*"' "$1" | sed 's/.*id="//;s/"//')
  for id in $ids; do
    { echo "$head"; perl -0777 -ne "print \$1 if /(<section id=\"$id\".*?<\\/section>)/s" "$1"
      echo "</body></html>"; } >"$2-$id.html"
    chrome "$2-$id.png" "file://$2-$id.html"
    size=$(stat -c %s "$2-$id.png" 2>/dev/null || echo 0)
    [ "$size" -gt $((blank * 4)) ]; check "section $id of $(basename "$2") renders ($size bytes)" $?
  done
  nsections=$(echo "$ids" | wc -w)
}
printf '<!DOCTYPE html><html><body></body></html>' >"$tmp/blank.html"
chrome "$tmp/blank.png" "file://$tmp/blank.html"
blank=$(stat -c %s "$tmp/blank.png" 2>/dev/null || echo 0)

# A run: the whole page, then each section.
"$cclab" run "$src/scenarios/proactive-checkout-chat.yaml" -r 2 -q --no-contacts --out "$tmp/run" \
  >"$tmp/run.txt"
check "run writes a report" $?
grep -q '<svg' "$tmp/run/report.html" && grep -q 'title="shop.conversion_rate"' "$tmp/run/report.html"
check "report has charts and the shop table with its raw keys in tooltips" $?
! grep -q -E 'src="http|href="http|<script' "$tmp/run/report.html"; check "report is self-contained" $?
grep -q '@media print' "$tmp/run/report.html" && grep -q 'size:A4' "$tmp/run/report.html"
check "report prints on A4" $?
chrome "$tmp/report.png" "file://$tmp/run/report.html" 1280,1600
full=$(stat -c %s "$tmp/report.png" 2>/dev/null || echo 0)
[ "$full" -gt $((blank * 10)) ] && [ "$full" -gt 50000 ]
check "the screenshot is not blank ($full bytes vs $blank for an empty page)" $?
sections "$tmp/run/report.html" "$tmp/run"
[ "$nsections" -ge 7 ]; check "the run's report has its sections ($nsections)" $?

# A comparison of a rollout (phases) in Dutch, and one in English with three variants.
"$cclab" compare "$src/scenarios/baseline-3-weeks.yaml" "$src/scenarios/rollout.yaml" -r 2 -j 2 -q \
  --no-contacts --lang nl --out "$tmp/roll" >"$tmp/roll.txt"
check "compare --lang nl writes a report" $?
grep -q 'lang="nl"' "$tmp/roll/report.html" && grep -q 'In het kort' "$tmp/roll/report.html" &&
  grep -q 'Bestellingen' "$tmp/roll.txt"
check "the Dutch report and table" $?
"$cclab" compare "$src/scenarios/baseline.yaml" "$src/scenarios/cart-only-chat.yaml" \
  "$src/scenarios/chat-everywhere.yaml" -r 2 -j 2 -q --no-contacts --out "$tmp/cmp" >"$tmp/cmp.txt"
check "compare writes a report" $?
grep -q 'does better than baseline on' "$tmp/cmp/report.html"; check "the summary says who wins" $?
# Week at a glance of a comparison: every run's heatmaps on one scale, and each variant minus the
# baseline; the page stays a reasonable size (fixed per channel and run, not per interval).
grep -q '<section id="heatmaps"' "$tmp/cmp/report.html" &&
  [ "$(grep -o 'aria-label="chat-everywhere minus baseline"' "$tmp/cmp/report.html" | wc -l)" -ge 4 ]
check "the comparison's report has heatmaps per run and their differences" $?
size=$(stat -c %s "$tmp/cmp/report.html")
[ "$size" -lt 2500000 ]; check "the comparison's report stays under 2.5 MB ($size bytes, 3 runs)" $?
sections "$tmp/cmp/report.html" "$tmp/cmp"
chrome "$tmp/cmp-first.png" "file://$tmp/cmp/report.html" 1280,1000  # the first screen
[ "$(stat -c %s "$tmp/cmp-first.png" 2>/dev/null || echo 0)" -gt $((blank * 10)) ]
check "the first screen of the comparison's report is not blank" $?
[ "$nsections" -ge 5 ]; check "the comparison's report has its sections ($nsections)" $?
sections "$tmp/roll/report.html" "$tmp/roll"

for f in "$tmp/run/report.html" "$tmp/cmp/report.html" "$tmp/roll/report.html" "$tmp/run.txt" \
  "$tmp/cmp.txt" "$tmp/roll.txt"; do
  problems=$(reading_problems "$f")
  [ -z "$problems" ]; check "$(basename "$(dirname "$f")")/$(basename "$f") reads well: $problems" $?
done

if [ -n "${CCLAB_UPDATE_IMAGES:-}" ]; then
  for p in "$tmp"/run-*.png; do cp "$p" "$src/docs/img/report-$(basename "$p")"; done
  for p in "$tmp"/cmp-*.png; do cp "$p" "$src/docs/img/report-$(basename "$p")"; done
  mv "$src/docs/img/report-cmp-first.png" "$src/docs/img/report-compare.png"
  rm "$src/docs/img/report-cmp-summary.png"  # inside report-compare.png
  cp "$tmp/roll-phases.png" "$src/docs/img/report-roll-phases.png"
  cp "$tmp/roll-summary.png" "$src/docs/img/report-roll-summary.png"
fi
finish
