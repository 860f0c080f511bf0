#!/usr/bin/env bash
# Throwaway Azurite (blob service, in memory) for the test suite, from npm through tests/tools/azurite's
# lock file: `azurite.sh start` prints its PID once it accepts connections, `azurite.sh stop PID` stops it.
set -euo pipefail
TOOLS="$(cd "$(dirname "$0")/../tools/azurite" && pwd)"
case "${1:-}" in
  start)
    PORT=${AZURITE_PORT:-10010}
    [ -x "$TOOLS/node_modules/.bin/azurite-blob" ] || (cd "$TOOLS" && npm ci --no-audit --no-fund >/dev/null 2>&1)
    # --skipApiVersionCheck: the SDK speaks a newer service version than the emulator knows.
    "$TOOLS/node_modules/.bin/azurite-blob" --silent --inMemoryPersistence --blobHost 127.0.0.1 --blobPort "$PORT" \
      --skipApiVersionCheck --loose --disableTelemetry >/tmp/archive-azurite.log 2>&1 &
    PID=$!
    for _ in $(seq 1 100); do
      (exec 3<>/dev/tcp/127.0.0.1/"$PORT") 2>/dev/null && { echo "$PID"; exit 0; }
      sleep 0.1
    done
    kill "$PID" 2>/dev/null || true
    exit 1
    ;;
  stop)
    kill "$2" 2>/dev/null || true
    ;;
  *)
    echo "usage: $0 start | stop PID" >&2
    exit 2
    ;;
esac
