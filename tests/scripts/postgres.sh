#!/usr/bin/env bash
# Throwaway PostgreSQL for the test suite: `postgres.sh start` prints the data directory,
# `postgres.sh stop DIR` stops the server and removes it. Nothing is kept.
set -euo pipefail
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
case "${1:-}" in
  start)
    PORT=${PGPORT:-55432}
    DATA=$(mktemp -d /tmp/archive-pg.XXXXXX)
    chown postgres:postgres "$DATA"
    runuser -u postgres -- "$PGBIN/initdb" -D "$DATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$DATA.initdb.log"
    runuser -u postgres -- "$PGBIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w -t 30 \
      -o "-p $PORT -k $DATA -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null
    echo "$DATA"
    ;;
  stop)
    runuser -u postgres -- "$PGBIN/pg_ctl" -D "$2" -m fast -w stop >/dev/null || true
    rm -rf "$2" "$2.initdb.log"
    ;;
  *)
    echo "usage: $0 start | stop DIR" >&2
    exit 2
    ;;
esac
