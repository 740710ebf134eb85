#!/usr/bin/env bash
# cclab-gui renders every tab under Xvfb (Mesa software OpenGL) and writes a PNG that is not
# blank (cclab-gui --screenshot exits non-zero on a blank image), at 1280x800 and 1920x1080; the
# What-if tab runs a quick comparison for real; the Scenario tab is shot in Dutch (--lang nl)
# too; the Training tab shows two saved sessions and, with --train-now, a shift's first decision.
# CCLAB_UPDATE_IMAGES=1 copies the pictures into docs/img (gui-TAB.png, gui-TAB-1920.png,
# gui-scenario-nl.png). Usage: gui_test.sh GUI CCLAB SRC
gui=$(realpath "$1") cclab=$(realpath "$2") src=$(realpath "$3")
source "$src/tests/test_lib.sh"
command -v xvfb-run >/dev/null; check "xvfb-run is installed (scripts/setup.sh --test)" $?
sc="$src/scenarios/coaching-team.yaml"
"$cclab" run "$sc" --out "$tmp/run" -r 2 -q >/dev/null; check "a run to show" $?
"$cclab" coach "$tmp/run" --impact 1 --impact-replications 2 -q >/dev/null 2>&1; check "its coaching" $?
"$cclab" compare "$src/scenarios/baseline.yaml" "$src/scenarios/cart-only-chat.yaml" \
  --out "$tmp/cmp" -r 2 -q --no-contacts >/dev/null
check "a comparison to show" $?
shot() {  # shot NAME ARGS...: a screenshot of the GUI with ARGS at both sizes
  local name=$1 size
  shift
  for size in 1280x800 1920x1080; do
    xvfb-run -a -s "-screen 0 1920x1080x24" "$gui" "$@" --size "$size" \
      --screenshot "$tmp/$name-$size.png" >"$tmp/out" 2>&1
    check "screenshot of $name at $size: $(tail -1 "$tmp/out")" $?
    [ "$(stat -c %s "$tmp/$name-$size.png" 2>/dev/null || echo 0)" -gt 20000 ]
    check "$name-$size.png is a real picture" $?
  done
}
for tab in scenario run replay coaching; do shot "$tab" "$sc" "$tmp/run" --tab "$tab"; done
shot scenario-nl "$src/scenarios/rollout.yaml" --tab scenario --lang nl  # the GUI's texts in Dutch
shot compare "$src/scenarios/proactive-checkout-chat.yaml" "$tmp/cmp" --tab compare
# The Training tab: two saved sessions compared (scripts), and a shift with its first decision due.
for s in every-step skip-empathize; do
  "$cclab" train "$sc" --script "$src/training/scripts/$s.yaml" --out "$tmp/$s" >/dev/null
  check "a training session ($s)" $?
done
shot training "$sc" "$tmp/every-step" "$tmp/skip-empathize" --tab training
(cd "$tmp" && shot training-due "$sc" --tab training --seat chat-3 --train-now)
[ ! -e "$tmp/results/gui-training" ] && ! ls "$tmp/results" | grep -q 'gui-training\.new-'
check "a shift stopped at its first decision leaves no half-written session" $?
# The What-if tab: one more evening chat agent, run for real (a quick `cclab compare`).
(cd "$tmp" && shot what-if "$src/scenarios/proactive-checkout-chat.yaml" --tab what-if \
  --what-if-set agents.chat.shifts.evening.agents=5 --what-if-now)
[ -s "$tmp/results/gui-what-if/comparison.json" ]; check "the what-if wrote its comparison" $?
grep -q '"agents.chat.shifts.evening.agents"' "$tmp/results/gui-what-if/comparison.json" ||
  grep -q 'evening' "$tmp/results/gui-what-if.scenarios/what-if.yaml"
check "the what-if scenario has the evening shift" $?
"$gui" "$src/scenarios/proactive-checkout-chat.yaml" --what-if-set nowhere=3 \
  --screenshot "$tmp/x.png" >"$tmp/out" 2>&1
[ $? -eq 2 ] && grep -q "no setting 'nowhere=3'" "$tmp/out"
check "an unknown what-if setting exits 2" $?
if [ -n "${CCLAB_UPDATE_IMAGES:-}" ]; then
  cp "$tmp/scenario-nl-1280x800.png" "$src/docs/img/gui-scenario-nl.png"
  for tab in scenario run what-if replay compare coaching training training-due; do
    cp "$tmp/$tab-1280x800.png" "$src/docs/img/gui-$tab.png"
    cp "$tmp/$tab-1920x1080.png" "$src/docs/img/gui-$tab-1920.png"
  done
fi
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
