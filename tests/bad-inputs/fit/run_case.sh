# Runs one fitting bad-input case; prints the first line of stderr; returns cclab's exit code.
# Usage: run_case.sh CCLAB KIND FILE TMPDIR   (run from tests/bad-inputs/fit)
cclab=$1 kind=$2 file=$3 tmp=$4
scenario=../../../examples/fit/truth.yaml
case $kind in
  calls) "$cclab" fit "$file" --mapping calls-mapping.yaml --out "$tmp/fit" -q --replay-day none ;;
  calls-mapping) "$cclab" fit calls.csv --mapping "$file" --out "$tmp/fit" -q --replay-day none ;;
  cclab) "$cclab" fit "$file" --out "$tmp/fit" -q --replay-day none ;;
  forecast) "$cclab" import volumes "$file" --mapping forecast-mapping.yaml --scenario "$scenario" \
    --out "$tmp/forecast.yaml" ;;
  forecast-mapping) "$cclab" import volumes forecast.csv --mapping "$file" --scenario "$scenario" \
    --out "$tmp/forecast.yaml" ;;
esac 2>"$tmp/fit-case.err" >/dev/null
rc=$?
head -1 "$tmp/fit-case.err"
exit $rc
