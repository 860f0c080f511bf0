#!/usr/bin/env bash
# The test command: installs and starts what the tests need, runs every test project, and ends
# with one line "N passed, N failed[, N skipped]". Exit code 0 only when nothing failed.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

need_apt=()
command -v pg_ctl >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || need_apt+=(postgresql)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "Installing ${need_apt[*]} …"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null) || { echo "could not install ${need_apt[*]}"; exit 1; }
fi

export PGPORT=${PGPORT:-55432}
PGDATA_DIR=$(bash tests/scripts/postgres.sh start) || { echo "PostgreSQL did not start"; exit 1; }
cleanup() { bash tests/scripts/postgres.sh stop "$PGDATA_DIR"; }
trap cleanup EXIT
export ARCHIVE_TEST_POSTGRES="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=postgres"

RESULTS=$(mktemp -d /tmp/archive-test-results.XXXXXX)
dotnet test Archive.sln --logger "trx" --results-directory "$RESULTS" "$@" 2>&1 | tee "$RESULTS/output.log" | grep -E "^(Passed!|Failed!|  Failed |Build FAILED|.*error )" 
status=${PIPESTATUS[0]}

python3 - "$RESULTS" "$status" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
passed = failed = skipped = 0
for path in glob.glob(sys.argv[1] + "/*.trx"):
    counters = ET.parse(path).getroot().find("{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}ResultSummary/{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}Counters")
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0)) + int(counters.get("aborted", 0))
    skipped += int(counters.get("notExecuted", 0))
if int(sys.argv[2]) != 0 and failed == 0:
    failed = 1  # the build or a test host failed before any test could report
line = f"{passed} passed, {failed} failed"
if skipped:
    line += f", {skipped} skipped"
print(line)
PY
exit $status
