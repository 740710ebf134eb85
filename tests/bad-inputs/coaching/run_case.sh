# Runs one coaching bad-input case; prints the first line of stderr; returns cclab's exit code.
# Usage: run_case.sh CCLAB KIND FILE TMPDIR   (run from tests/bad-inputs/coaching)
cclab=$1 kind=$2 file=$3 tmp=$4
case $kind in
  scenario) "$cclab" validate "$file" ;;
  rubric) "$cclab" validate --rubric "$file" ;;
  rules) "$cclab" validate --rules "$file" ;;
  mapping) "$cclab" validate --mapping "$file" ;;
  events) "$cclab" validate --events "$file" ;;
  import-mapping) "$cclab" coach --import ../../coaching/export.csv --mapping "$file" --out "$tmp/coach" -q ;;
  export) "$cclab" coach --import "$file" --mapping ../../coaching/mapping.yaml --out "$tmp/coach" -q ;;
esac 2>&1 >/dev/null | head -1
exit "${PIPESTATUS[0]}"
