#!/usr/bin/env bash
# The test command: installs and starts what the tests need, runs every test project, and ends
# with one line "N passed, N failed[, N skipped]". Exit code 0 only when nothing failed.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

need_apt=()
command -v pg_ctl >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || need_apt+=(postgresql)
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "Installing ${need_apt[*]} …"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null) || { echo "could not install ${need_apt[*]}"; exit 1; }
fi

export PGPORT=${PGPORT:-55432}
PGDATA_DIR=$(bash tests/scripts/postgres.sh start) || { echo "PostgreSQL did not start"; exit 1; }
export AZURITE_PORT=${AZURITE_PORT:-10010}
AZURITE_PID=$(bash tests/scripts/azurite.sh start) || { bash tests/scripts/postgres.sh stop "$PGDATA_DIR"; echo "Azurite did not start"; exit 1; }
cleanup() { bash tests/scripts/postgres.sh stop "$PGDATA_DIR"; bash tests/scripts/azurite.sh stop "$AZURITE_PID"; }
trap cleanup EXIT
export ARCHIVE_TEST_POSTGRES="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=postgres"
# The well-known public development key of the Azure Storage emulator (not a secret).
export ARCHIVE_TEST_AZURITE="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:$AZURITE_PORT/devstoreaccount1;"

RESULTS=$(mktemp -d /tmp/archive-test-results.XXXXXX)
dotnet test Archive.sln --logger "trx" --results-directory "$RESULTS" "$@" 2>&1 | tee "$RESULTS/output.log" | grep -E "^(Passed!|Failed!|  Failed |Build FAILED|.*error )" 
status=${PIPESTATUS[0]}

# Sum the TRX counters of every test project into the one closing line.
passed=0; failed=0; skipped=0
for trx in "$RESULTS"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  get() { v=$(echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"); echo "${v:-0}"; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  skipped=$((skipped + $(get notExecuted)))
done
# The build or a test host failed before any test could report.
[ "$status" -ne 0 ] && [ "$failed" -eq 0 ] && failed=1
# Formatting as .editorconfig has it, checked like a test (EF's migrations are generated, not checked).
if dotnet format Archive.sln --verify-no-changes --no-restore >"$RESULTS/format.log" 2>&1; then
  passed=$((passed + 1))
else
  echo "Formatting differs from .editorconfig (dotnet format Archive.sln fixes it):"
  grep -E "error" "$RESULTS/format.log" | head -20
  failed=$((failed + 1)); status=1
fi
line="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && line="$line, $skipped skipped"
echo "$line"
exit $status
