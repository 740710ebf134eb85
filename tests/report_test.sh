#!/usr/bin/env bash
# report.html renders in headless Chromium (no network) and is not blank: its screenshot must be
# far larger than that of an empty page, and the page must hold the tables and SVG charts.
# Usage: report_test.sh PATH/TO/cclab SOURCE_DIR
set -u
cclab=$1
src=$2
. "$(dirname "$0")/test_lib.sh"
chrome() {
  timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$tmp/profile-$RANDOM" --window-size=1280,1600 --screenshot="$1" "$2" >/dev/null 2>&1
}
"$cclab" run "$src/scenarios/proactive-checkout-chat.yaml" -r 2 -q --no-contacts --out "$tmp/run" >/dev/null
check "run writes a report" $?
grep -q '<svg' "$tmp/run/report.html" && grep -q 'conversion_rate' "$tmp/run/report.html"
check "report has charts and the shop table" $?
! grep -q -E 'src="http|href="http|<script' "$tmp/run/report.html"; check "report is self-contained" $?
printf '<!DOCTYPE html><html><body></body></html>' >"$tmp/blank.html"
chrome "$tmp/blank.png" "file://$tmp/blank.html"
chrome "$tmp/report.png" "file://$tmp/run/report.html"
[ -s "$tmp/report.png" ]; check "Chromium took a screenshot of the report" $?
blank=$(stat -c %s "$tmp/blank.png" 2>/dev/null || echo 0)
full=$(stat -c %s "$tmp/report.png" 2>/dev/null || echo 0)
[ "$full" -gt $((blank * 10)) ] && [ "$full" -gt 50000 ]
check "the screenshot is not blank ($full bytes vs $blank for an empty page)" $?
"$cclab" compare "$src/scenarios/baseline.yaml" "$src/scenarios/cart-only-chat.yaml" -r 2 -q \
  --no-contacts --out "$tmp/cmp" >/dev/null
chrome "$tmp/cmp.png" "file://$tmp/cmp/report.html"
cmpsize=$(stat -c %s "$tmp/cmp.png" 2>/dev/null || echo 0)
[ "$cmpsize" -gt $((blank * 5)) ]; check "the comparison report renders ($cmpsize bytes)" $?
finish
