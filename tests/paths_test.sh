#!/usr/bin/env bash
# Limits (issue 8): cclab writes only inside the output paths it is given, reads only its inputs,
# its outputs and the system (libraries, locale, /proc), and opens no network connection.
# Every command runs under strace (one trace file per process: parallel replications and
# impact re-runs included); every file system call is checked against those rules and any
# network system call is a failure. Usage: paths_test.sh CCLAB SRC
cclab=$(realpath "$1") src=$(realpath "$2")
source "$src/tests/test_lib.sh"
if ! command -v strace >/dev/null; then
  echo "strace is missing (bash scripts/setup.sh --test installs it)"
  exit 1
fi
# LeakSanitizer cannot run under ptrace (the sanitizer build); leaks are checked by the other tests.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
w="$tmp/w"
mkdir -p "$w/in" "$w/out"
cp "$src"/scenarios/{coaching-team,baseline,cart-only-chat}.yaml "$src"/tests/coaching/{export.csv,mapping.yaml} "$w/in/"
cd "$w" || exit 1

# traced COMMAND...: runs the command under strace and writes its offences (one line per
# offending system call) to $tmp/offences.txt; returns the command's exit code.
traced() {
  rm -rf "$tmp/trace" && mkdir "$tmp/trace"
  strace -f -ff -y -qq -s 512 -e trace=%file,%network,chdir,fchdir -o "$tmp/trace/t" "$@" \
    >"$tmp/out.txt" 2>&1
  local rc=$?
  cat "$tmp"/trace/t.* | awk -v W="$w" -v BIN="$(dirname "$cclab")" '
    function resolve(p, dir) {  # an absolute path for p (relative to dir, else to W)
      if (p ~ /^\//) return p
      if (dir == "") dir = W
      return p == "" ? dir : dir "/" p
    }
    function norm(p,   n, i, parts, out, k) {  # drops "." and resolves ".."
      n = split(p, parts, "/"); k = 0
      for (i = 1; i <= n; i++) {
        if (parts[i] == "" || parts[i] == ".") continue
        if (parts[i] == "..") { if (k > 0) k--; continue }
        out[++k] = parts[i]
      }
      p = ""
      for (i = 1; i <= k; i++) p = p "/" out[i]
      return p == "" ? "/" : p
    }
    function under(p, d) { return p == d || index(p, d "/") == 1 }
    function readable(p) {
      return under(p, W) || under(p, BIN) || p ~ /^\/(bin|sbin|lib|lib64|usr|etc|proc|sys|dev)(\/|$)/
    }
    # The path arguments of a call: a dirfd printed by -y as N</dir> applies to the next string.
    function paths(args, out,   n, dir, m) {
      n = 0; dir = ""
      while (match(args, /^([0-9]+|AT_FDCWD)(<[^>]*>)?|^"([^"\\]|\\.)*"/)) {
        m = substr(args, RSTART, RLENGTH)
        args = substr(args, RSTART + RLENGTH)
        if (m == "AT_FDCWD") dir = W
        else if (m ~ /^[0-9A]/) { sub(/^[^<]*</, "", m); sub(/>$/, "", m); dir = m }
        else {
          m = substr(m, 2, length(m) - 2)
          # An empty path (AT_EMPTY_PATH) is a call on an fd already open: its opening was checked
          # (or it was inherited, as the standard streams are).
          if (m != "") out[++n] = norm(resolve(m, dir))
          dir = ""
        }
        if (!match(args, /^, /)) break
        args = substr(args, RSTART + RLENGTH)
      }
      return n
    }
    /^[a-z_0-9]+\(/ {
      call = $0; sub(/\(.*/, "", call)
      args = $0; sub(/^[a-z_0-9]+\(/, "", args)
      if (call ~ /^(socket|socketpair|connect|bind|listen|accept4?|send(to|msg|mmsg)|recv(from|msg|mmsg)|getsockopt|setsockopt|getpeername|getsockname|shutdown)$/) {
        print "network: " $0; next
      }
      if (call ~ /^f?chdir$/) { print "changes directory: " $0; next }
      write = call ~ /^(creat|mkdir|mkdirat|rmdir|unlink|unlinkat|rename|renameat|renameat2|link|linkat|symlink|symlinkat|chmod|fchmodat|chown|lchown|fchownat|truncate|utimensat|utimes|mknod|mknodat|setxattr|lsetxattr|removexattr)$/ \
        || (call ~ /^open(at)?$/ && $0 ~ /O_WRONLY|O_RDWR|O_CREAT|O_TRUNC/)
      if (call ~ /^execve/) { n = 1; sub(/^"/, "", args); sub(/".*/, "", args); p[1] = args }
      else n = paths(args, p)
      for (i = 1; i <= n; i++) {
        if (write && !under(p[i], W "/out")) print "writes outside out/: " $0
        if (!write && !readable(p[i])) print "reads outside its paths: " $0
      }
    }' >"$tmp/offences.txt"
  return $rc
}
# clean NAME COMMAND...: the command succeeds and commits no offence.
clean() {
  local name=$1
  shift
  traced "$@"
  check "$name runs under strace (exit $?)" $?
  [ -n "$(ls "$tmp/trace")" ] && [ ! -s "$tmp/offences.txt" ]
  check "$name: only its paths, no network" $?
  head -5 "$tmp/offences.txt"
}

clean "run (2 processes)" "$cclab" run in/coaching-team.yaml -r 2 --jobs 2 --out out/ct -q
clean "run again over the results" "$cclab" run in/coaching-team.yaml -r 2 --jobs 2 --out out/ct -q
clean "coach with impact re-runs" "$cclab" coach out/ct --impact 1 --impact-replications 2 -j 2 -q
clean "coach --import" "$cclab" coach --import in/export.csv --mapping in/mapping.yaml --out out/imp -q
clean "compare" "$cclab" compare in/baseline.yaml in/cart-only-chat.yaml -r 2 --out out/cmp -q
clean "sweep" "$cclab" sweep in/cart-only-chat.yaml --set 'agents.chat.shifts.evening.agents=2..3' \
  -r 2 --out out/sw -q
# fit, then a re-fit without a replay into the same --out: the previous replay/ is removed inside
# out/ only, never through a symbolic link (outside/ is the link's target, outside out/)
cp "$src"/examples/fit/calls.csv "$src"/examples/fit/calls-mapping.yaml in/
clean "fit" "$cclab" fit in/calls.csv --mapping in/calls-mapping.yaml --out out/fit -q
clean "re-fit without a replay" "$cclab" fit in/calls.csv --mapping in/calls-mapping.yaml \
  --out out/fit --replay-day none -q
[ ! -e out/fit/replay ]; check "the re-fit removed the previous replay" $?
mkdir -p outside && echo keep >outside/events.bin && ln -s "$w/outside" out/fit/replay
clean "re-fit beside a replay symlink" "$cclab" fit in/calls.csv --mapping in/calls-mapping.yaml \
  --out out/fit --replay-day none -q
[ "$(cat outside/events.bin)" = keep ]; check "the re-fit left the symlink's target alone" $?
# Hostile names (issue 15) in the scenarios and the export: climbing out (../), absolute paths,
# separators, line breaks, markup. They climb at most to the test's temporary directory and
# absolute names point into the working directory, so that even a cclab letting names through
# would write nowhere else.
hostile() {  # hostile OUT NAME G1 G2 G3 (sed replacement text: / escaped)
  sed -e "s/@NAME@/$2/g" -e "s/@G1@/$3/" -e "s/@G2@/$4/" -e "s/@G3@/$5/" \
    "$src/tests/safety/hostile-team.yaml" >"$1"
}
abs=${w//\//\\/}
hostile in/h1.yaml '..\/..\/..\/x' '..\/..\/..\/..\/..\/escaped' "$abs\/abs-group" '<script>\\n# INJ'
hostile in/h2.yaml "$abs\/abs-scenario" 'a\/b' 'Team A' '=cmd|calc'
{
  head -1 in/export.csv
  sed -n 2,4p in/export.csv | sed 's/^\([^,]*,[^,]*,[^,]*,[^,]*,[^,]*\),[^,]*,/\1,"..\/..\/..\/escaped2-bea",/'
  sed -n 5,7p in/export.csv | sed "s|^\([^,]*,[^,]*,[^,]*,[^,]*,[^,]*\),[^,]*,|\1,\"$w/abs-agent\",|"
  sed -n 8,10p in/export.csv | sed 's/^\([^,]*,[^,]*,[^,]*,[^,]*,[^,]*\),[^,]*,/\1,"<script>alert(1)<\/script>",/'
} >in/hostile.csv
clean "run with hostile names" "$cclab" run in/h1.yaml -r 2 --out out/hostile-run -q
clean "coach a run with hostile names" "$cclab" coach out/hostile-run --impact 0 -q
clean "coach --import with hostile assignees" "$cclab" coach --import in/hostile.csv --mapping in/mapping.yaml --out out/hostile-imp -q
[ "$(ls out/hostile-imp/agents | wc -l)" -eq 3 ]; check "three hostile assignees, three reports" $?
clean "compare scenarios with hostile names" "$cclab" compare in/h1.yaml in/h2.yaml -r 2 --no-contacts --out out/hostile-cmp -q
# validate writes nothing at all.
before=$(find "$w" | sort | md5sum)
clean "validate" "$cclab" validate in/baseline.yaml in/cart-only-chat.yaml
[ "$(find "$w" | sort | md5sum)" = "$before" ]; check "validate changes no file" $?
# The checker itself catches a write outside out/, a read elsewhere and a network call.
traced bash -c 'echo x > in/stray.txt; cat "$HOME/.profile"; exec 3<>/dev/tcp/127.0.0.1/9' 2>/dev/null
grep -q '^writes outside out/: .*in/stray.txt' "$tmp/offences.txt"; check "the checker catches a stray write" $?
grep -q '^reads outside its paths: .*\.profile' "$tmp/offences.txt"; check "the checker catches a stray read" $?
grep -q '^network: ' "$tmp/offences.txt"; check "the checker catches a network call" $?
finish
