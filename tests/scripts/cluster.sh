#!/usr/bin/env bash
# A real cluster on one machine: PostgreSQL, Azurite (blob storage kept on disk), N identical archive nodes and nginx
# in front of them, all on loopback and all under one folder. The cluster tests drive it; people can too:
#
#   cluster.sh start DIR [N]          start everything (N nodes, 3 by default); prints the load balancer's URL
#   cluster.sh stop DIR               stop everything and remove DIR
#   cluster.sh kill-node DIR I        kill -9 node I (no shutdown of any kind)
#   cluster.sh start-node DIR I [--fresh]   (re)start node I; --fresh empties its data folder first (index, caches)
#   cluster.sh stop-postgres DIR | start-postgres DIR
#   cluster.sh stop-azurite DIR | start-azurite DIR
#   cluster.sh wait-ready DIR I       wait until node I answers /health/ready with 200
#
# Ports: CLUSTER_PORT (58100 by default) is nginx, +1…+N the nodes, +20 PostgreSQL, +21 Azurite, +31…+30+N the nodes'
# Prometheus listeners (http://127.0.0.1:PORT/metrics; nginx does not pass them). Node logs are JSON lines. The nodes run the
# built host (ARCHIVE_WEB_DLL, by default the Debug build under src/Archive.Web/bin). Needs root for PostgreSQL's
# server (run as the postgres user) and nginx from Debian's packages.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
AZURITE="$ROOT/tests/tools/azurite/node_modules/.bin/azurite-blob"
BASE=${CLUSTER_PORT:-58100}
DLL=${ARCHIVE_WEB_DLL:-}
if [ -z "$DLL" ]; then
  for build in Debug Release; do
    [ -f "$ROOT/src/Archive.Web/bin/$build/net10.0/Archive.Web.dll" ] && { DLL="$ROOT/src/Archive.Web/bin/$build/net10.0/Archive.Web.dll"; break; }
  done
fi
# The well-known public development key of the Azure Storage emulator (not a secret).
AZURE_KEY="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="

wait_port() { # port, tries of 0.1 s
  for _ in $(seq 1 "$2"); do (exec 3<>/dev/tcp/127.0.0.1/"$1") 2>/dev/null && return 0; sleep 0.1; done
  return 1
}

start_postgres() {
  local dir=$1
  if [ ! -d "$dir/pg" ]; then
    mkdir -p "$dir/pg" && chown postgres:postgres "$dir/pg"
    runuser -u postgres -- "$PGBIN/initdb" -D "$dir/pg" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/pg-initdb.log"
  fi
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$dir/pg" -l "$dir/pg/server.log" -w -t 60 \
    -o "-p $((BASE + 20)) -k $dir/pg -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null
  runuser -u postgres -- "$PGBIN/psql" -h 127.0.0.1 -p $((BASE + 20)) -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='archive'" | grep -q 1 \
    || runuser -u postgres -- "$PGBIN/createdb" -h 127.0.0.1 -p $((BASE + 20)) -U postgres archive
}

stop_postgres() { runuser -u postgres -- "$PGBIN/pg_ctl" -D "$1/pg" -m fast -w stop >/dev/null 2>&1 || true; }

start_azurite() {
  local dir=$1
  [ -x "$AZURITE" ] || (cd "$ROOT/tests/tools/azurite" && npm ci --no-audit --no-fund >/dev/null 2>&1)
  mkdir -p "$dir/azurite"
  # Kept on disk: stopping it is an outage, not the loss of every blob.
  "$AZURITE" --silent --location "$dir/azurite" --blobHost 127.0.0.1 --blobPort $((BASE + 21)) \
    --skipApiVersionCheck --loose --disableTelemetry >"$dir/azurite.log" 2>&1 &
  echo $! >"$dir/azurite.pid"
  wait_port $((BASE + 21)) 200 || { echo "Azurite did not start" >&2; return 1; }
}

stop_azurite() { [ -f "$1/azurite.pid" ] && kill "$(cat "$1/azurite.pid")" 2>/dev/null; rm -f "$1/azurite.pid"; sleep 0.3; }

start_node() { # dir, index, [--fresh]
  local dir=$1 i=$2 port=$((BASE + $2))
  [ "${3:-}" = "--fresh" ] && rm -rf "$dir/node$i"
  mkdir -p "$dir/node$i"
  (
    export ASPNETCORE_ENVIRONMENT=Production
    export Archive__DataPath="$dir/node$i"
    export Archive__Database__Provider=PostgreSQL
    export ConnectionStrings__Archive="Host=127.0.0.1;Port=$((BASE + 20));Username=postgres;Database=archive;Timeout=5;Command Timeout=30"
    export Archive__Media__Store=AzureBlob
    export Archive__Media__AzureBlob__ConnectionString="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$AZURE_KEY;BlobEndpoint=http://127.0.0.1:$((BASE + 21))/devstoreaccount1;"
    export Archive__Media__AzureBlob__Container=media
    export Archive__Cluster__Enabled=true
    export Archive__Cluster__NodeName="node$i"
    export Archive__ForwardedHeaders__KnownProxies__0=127.0.0.1
    export Archive__PublicBaseUrl="http://127.0.0.1:$BASE"
    # The nodes share the repository's uSync folder read-only: the database holds the cluster's schema.
    export Archive__USync__ExportOnSave=false
    export Archive__Telemetry__PrometheusUrl="http://127.0.0.1:$((BASE + 30 + i))/metrics"
    export Archive__Telemetry__LogFormat=json
    exec dotnet "$DLL" --urls "http://127.0.0.1:$port" >>"$dir/node$i.log" 2>&1
  ) &
  echo $! >"$dir/node$i.pid"
}

kill_node() { [ -f "$1/node$2.pid" ] && kill -9 "$(cat "$1/node$2.pid")" 2>/dev/null; rm -f "$1/node$2.pid"; }

wait_ready() { # dir, index, seconds
  local url="http://127.0.0.1:$((BASE + $2))/health/ready"
  for _ in $(seq 1 $(( ${3:-300} * 2 ))); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$url")" = 200 ] && return 0
    sleep 0.5
  done
  echo "node $2 was not ready in ${3:-300} s; its log ends:" >&2; tail -20 "$1/node$2.log" >&2; return 1
}

start_nginx() {
  local dir=$1 n=$2 servers=""
  for i in $(seq 1 "$n"); do servers="$servers    server 127.0.0.1:$((BASE + i)) max_fails=1 fail_timeout=3s;"$'\n'; done
  mkdir -p "$dir/nginx"
  cat >"$dir/nginx/nginx.conf" <<EOF
worker_processes 1;
pid $dir/nginx/nginx.pid;
error_log $dir/nginx/error.log warn;
events { worker_connections 2048; }
http {
  access_log off;
  client_body_temp_path $dir/nginx/body;
  proxy_temp_path $dir/nginx/proxy;
  fastcgi_temp_path $dir/nginx/fastcgi;
  uwsgi_temp_path $dir/nginx/uwsgi;
  scgi_temp_path $dir/nginx/scgi;
  client_max_body_size 1100m;
  upstream archive {
    least_conn;
$servers    keepalive 64;
  }
  server {
    listen 127.0.0.1:$BASE;
    location / {
      proxy_pass http://archive;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$http_host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_connect_timeout 2s;
      proxy_read_timeout 300s;
      # A node that is down or restarting is skipped; a request that may have changed something is never sent twice.
      proxy_next_upstream error timeout http_502;
      proxy_request_buffering off;
      # Kiosk update streams are sent as they come.
      proxy_buffering off;
    }
  }
}
EOF
  # Its output goes to files: a daemon holding the caller's pipe open would keep the caller waiting.
  nginx -c "$dir/nginx/nginx.conf" -p "$dir/nginx" -g "user root;" >/dev/null 2>>"$dir/nginx/error.log" \
    || nginx -c "$dir/nginx/nginx.conf" -p "$dir/nginx" >/dev/null 2>>"$dir/nginx/error.log"
  wait_port "$BASE" 100
}

stop_nginx() { [ -f "$1/nginx/nginx.pid" ] && kill "$(cat "$1/nginx/nginx.pid")" 2>/dev/null; true; }

cmd=${1:-}; dir=${2:-}
[ -n "$cmd" ] && [ -n "$dir" ] || { sed -n 2,16p "$0" >&2; exit 2; }
case "$cmd" in
  start)
    n=${3:-3}
    [ -n "$DLL" ] && [ -f "$DLL" ] || { echo "build the archive first (dotnet build Archive.sln)" >&2; exit 1; }
    mkdir -p "$dir" && chmod 755 "$dir"
    echo "$n" >"$dir/nodes"
    start_postgres "$dir"
    start_azurite "$dir"
    # The first node migrates and seeds the database; the others wait for it (the start-up lock), then load.
    for i in $(seq 1 "$n"); do start_node "$dir" "$i"; done
    for i in $(seq 1 "$n"); do wait_ready "$dir" "$i" 600; done
    start_nginx "$dir" "$n"
    echo "http://127.0.0.1:$BASE"
    ;;
  stop)
    stop_nginx "$dir"
    for f in "$dir"/node*.pid; do [ -f "$f" ] && kill -9 "$(cat "$f")" 2>/dev/null; done
    stop_azurite "$dir"
    stop_postgres "$dir"
    rm -rf "$dir"
    ;;
  kill-node) kill_node "$dir" "$3" ;;
  start-node) start_node "$dir" "$3" "${4:-}" ;;
  wait-ready) wait_ready "$dir" "$3" "${4:-300}" ;;
  stop-postgres) stop_postgres "$dir" ;;
  start-postgres) start_postgres "$dir" ;;
  stop-azurite) stop_azurite "$dir" ;;
  start-azurite) start_azurite "$dir" ;;
  *) sed -n 2,16p "$0" >&2; exit 2 ;;
esac
