#!/usr/bin/env bash
# The test command: installs and starts what the tests need, runs the test projects, and ends with
# one line "N passed, N failed[, N skipped]". Exit code 0 only when nothing failed.
#
#   bash tests/run-tests.sh                 every area, and the formatting check
#   bash tests/run-tests.sh <area> [args]   one area: engine, search, delivery, media, management, integration, cluster
#   bash tests/run-tests.sh [args]          every area, args passed to dotnet test (e.g. --filter …)
#
# Each area starts only the services it needs. A service that cannot be started is a failure here,
# never a skip.
set -uo pipefail
cd "$(dirname "$0")/.."

INTEGRATION=tests/Archive.Integration.Tests/Archive.Integration.Tests.csproj
area=all
case "${1:-}" in
  engine|search|delivery|media|management|integration|cluster) area=$1; shift ;;
esac

# What each area runs (project, and a filter on it where only part of it belongs to the area) and needs.
runs=(); needs=""
case "$area" in
  all)         runs=("Archive.sln|"); needs="postgres azurite chromium nginx" ;;
  engine)      runs=("tests/Archive.Engine.Tests|") ;;
  search)      runs=("tests/Archive.Search.Tests|" "$INTEGRATION|FullyQualifiedName~Archive.Integration.Tests.Search") ;;
  delivery)    runs=("tests/Archive.Delivery.Tests|" "$INTEGRATION|FullyQualifiedName~Archive.Integration.Tests.Delivery|FullyQualifiedName~Archive.Integration.Tests.Privacy") ;;
  media)       runs=("tests/Archive.Media.Tests|" "$INTEGRATION|FullyQualifiedName~Archive.Integration.Tests.Media|FullyQualifiedName~Archive.Integration.Tests.Iiif"); needs="postgres azurite" ;;
  management)  runs=("$INTEGRATION|FullyQualifiedName~Archive.Integration.Tests.Management") ;;
  integration) runs=("$INTEGRATION|"); needs="postgres azurite chromium nginx" ;;
  cluster)     runs=("$INTEGRATION|FullyQualifiedName~Archive.Integration.Tests.Cluster|FullyQualifiedName~Archive.Integration.Tests.Backups"); needs="postgres azurite nginx" ;;
esac

need_apt=()
if [[ $needs == *postgres* ]]; then
  command -v pg_ctl >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || need_apt+=(postgresql)
fi
if [[ $needs == *chromium* ]]; then
  [ -x /usr/bin/chromium ] || need_apt+=(chromium)
fi
if [[ $needs == *nginx* ]]; then
  [ -x /usr/sbin/nginx ] || need_apt+=(nginx-light)
fi
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "Installing ${need_apt[*]} …"
  # Installed, never started as services (policy-rc.d says no): the tests start what they need on their own ports.
  blocker=""
  [ -e /usr/sbin/policy-rc.d ] || { printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d && blocker=/usr/sbin/policy-rc.d; }
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null)
  installed=$?
  [ -n "$blocker" ] && rm -f "$blocker"
  [ $installed -eq 0 ] || { echo "could not install ${need_apt[*]}"; echo "0 passed, 1 failed"; exit 1; }
fi

PGDATA_DIR=""; AZURITE_PID=""
# Here every service a test needs is started: one that is missing fails the test instead of skipping it.
export ARCHIVE_TEST_SERVICES=required
cleanup() {
  [ -n "$PGDATA_DIR" ] && bash tests/scripts/postgres.sh stop "$PGDATA_DIR"
  [ -n "$AZURITE_PID" ] && bash tests/scripts/azurite.sh stop "$AZURITE_PID"
  return 0
}
trap cleanup EXIT
if [[ $needs == *postgres* ]]; then
  export PGPORT=${PGPORT:-55432}
  PGDATA_DIR=$(bash tests/scripts/postgres.sh start) || { echo "PostgreSQL did not start"; echo "0 passed, 1 failed"; exit 1; }
  export ARCHIVE_TEST_POSTGRES="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=postgres"
fi
if [[ $needs == *azurite* ]]; then
  export AZURITE_PORT=${AZURITE_PORT:-10010}
  AZURITE_PID=$(bash tests/scripts/azurite.sh start) || { echo "Azurite did not start"; echo "0 passed, 1 failed"; exit 1; }
  # The well-known public development key of the Azure Storage emulator (not a secret).
  export ARCHIVE_TEST_AZURITE="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:$AZURITE_PORT/devstoreaccount1;"
fi
if [[ $needs == *chromium* ]]; then
  # axe-core for the accessibility checks of the browser tests, from npm through its lock file.
  [ -f tests/tools/axe/node_modules/axe-core/axe.min.js ] || (cd tests/tools/axe && npm ci --no-audit --no-fund >/dev/null 2>&1) \
    || { echo "axe-core could not be installed"; echo "0 passed, 1 failed"; exit 1; }
fi

# A --filter of the caller's narrows the area's own.
extra=(); user_filter=""
while [ $# -gt 0 ]; do
  if [ "$1" = "--filter" ] && [ $# -gt 1 ]; then user_filter=$2; shift 2; else extra+=("$1"); shift; fi
done

RESULTS=$(mktemp -d /tmp/archive-test-results.XXXXXX)
status=0
for run in "${runs[@]}"; do
  target=${run%%|*}; filter=${run#*|}
  args=("$target" --logger "trx" --results-directory "$RESULTS")
  if [ -n "$filter" ] && [ -n "$user_filter" ]; then args+=(--filter "($filter)&($user_filter)")
  elif [ -n "$filter$user_filter" ]; then args+=(--filter "$filter$user_filter"); fi
  # Each project's summary, and for a failed test its name and the first lines of its message.
  dotnet test "${args[@]}" "${extra[@]}" 2>&1 | tee -a "$RESULTS/output.log" \
    | awk '/^  Failed /{ shown = 10 } /^  Stack Trace:/{ shown = 0 } shown > 0 { print; shown--; next } /^(Passed!|Failed!|Build FAILED)|error /{ print }'
  [ "${PIPESTATUS[0]}" -ne 0 ] && status=1
done

# A journey in the browser is run once more when it failed: Umbraco's application races with itself now and then on
# a loaded machine (a route resolving late closes a dialog), and one such race is not a failure of the archive. Only
# browser journeys, only a few, only once; each retry is named in the output, and a second failure counts.
failed_names() {
  for trx in "$RESULTS"/*.trx; do
    [ -f "$trx" ] || continue
    grep -o '<UnitTestResult [^>]*outcome="Failed"' "$trx" | sed -n 's/.* testName="\([^"(]*\).*/\1/p'
  done | sort -u
}
retried=0
mapfile -t first_failures < <(failed_names)
if [ "$area" = all ] || [ "$area" = integration ]; then
  browser_failures=()
  for name in "${first_failures[@]}"; do [[ $name == Archive.Integration.Tests.Browser.* ]] && browser_failures+=("$name"); done
  if [ ${#browser_failures[@]} -gt 0 ] && [ ${#browser_failures[@]} -eq ${#first_failures[@]} ] && [ ${#browser_failures[@]} -le 3 ]; then
    retry_filter=$(printf 'FullyQualifiedName=%s|' "${browser_failures[@]}"); retry_filter=${retry_filter%|}
    echo "Running once more, after a failure in the browser: ${browser_failures[*]}"
    RETRY=$(mktemp -d /tmp/archive-test-retry.XXXXXX)
    if dotnet test "$INTEGRATION" --no-build --filter "$retry_filter" --logger trx --results-directory "$RETRY" 2>&1 | tee -a "$RESULTS/output.log" \
      | awk '/^  Failed /{ shown = 10 } /^  Stack Trace:/{ shown = 0 } shown > 0 { print; shown--; next } /^(Passed!|Failed!)/{ print }'; then
      retried=${#browser_failures[@]}
      echo "Passed on the second run: $retried"
    fi
  fi
fi

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
if [ "$retried" -gt 0 ]; then
  passed=$((passed + retried)); failed=$((failed - retried))
  [ "$failed" -eq 0 ] && status=0
fi
# The build or a test host failed before any test could report.
[ "$status" -ne 0 ] && [ "$failed" -eq 0 ] && failed=1
# Formatting as .editorconfig has it, checked like a test with the whole suite (EF's migrations are generated, not checked).
if [ "$area" = all ]; then
  if dotnet format Archive.sln --verify-no-changes --no-restore >"$RESULTS/format.log" 2>&1; then
    passed=$((passed + 1))
  else
    echo "Formatting differs from .editorconfig (dotnet format Archive.sln fixes it):"
    grep -E "error" "$RESULTS/format.log" | head -20
    failed=$((failed + 1)); status=1
  fi
fi
line="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && line="$line, $skipped skipped"
echo "$line"
exit $status
