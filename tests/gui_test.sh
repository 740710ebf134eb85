#!/usr/bin/env bash
# cclab-gui renders every tab under Xvfb (Mesa software OpenGL) and writes a PNG that is not
# blank (cclab-gui --screenshot exits non-zero on a blank image). Usage: gui_test.sh GUI CCLAB SRC
gui=$(realpath "$1") cclab=$(realpath "$2") src=$(realpath "$3")
source "$src/tests/test_lib.sh"
command -v xvfb-run >/dev/null; check "xvfb-run is installed (scripts/setup.sh --test)" $?
sc="$src/scenarios/coaching-team.yaml"
"$cclab" run "$sc" --out "$tmp/run" -r 2 -q >/dev/null; check "a run to show" $?
"$cclab" coach "$tmp/run" --impact 1 --impact-replications 2 -q >/dev/null 2>&1; check "its coaching" $?
"$cclab" run "$src/scenarios/cart-only-chat.yaml" --out "$tmp/cart-only" -r 2 -q >/dev/null
check "a second run to compare" $?
for tab in scenario run replay compare coaching; do
  for size in 1280x800 1920x1080; do
    xvfb-run -a -s "-screen 0 1920x1080x24" "$gui" "$sc" "$tmp/cart-only" "$tmp/run" --tab "$tab" \
      --size "$size" --screenshot "$tmp/$tab-$size.png" >"$tmp/out" 2>&1
    check "screenshot of $tab at $size: $(tail -1 "$tmp/out")" $?
    [ "$(stat -c %s "$tmp/$tab-$size.png" 2>/dev/null || echo 0)" -gt 20000 ]
    check "$tab-$size.png is a real picture" $?
  done
done
# The Run tab runs `cclab run` in a child process and loads the results when it finishes.
(cd "$tmp" && xvfb-run -a "$gui" "$src/scenarios/erlang-a-reference.yaml" --tab run --run-now \
  --out "$tmp/gui-run" --screenshot "$tmp/run-now.png" >"$tmp/out" 2>&1)
check "run from the GUI: $(tail -1 "$tmp/out")" $?
[ -s "$tmp/gui-run/summary.json" ] && [ -s "$tmp/gui-run/events.bin" ]
check "the GUI's run wrote its results" $?
"$gui" --tab nowhere --screenshot "$tmp/x.png" >/dev/null 2>&1; [ $? -eq 2 ]
check "an unknown tab exits 2" $?
"$gui" /nonexistent.yaml --screenshot "$tmp/x.png" >/dev/null 2>&1; [ $? -eq 2 ]
check "a missing file exits 2" $?
finish
