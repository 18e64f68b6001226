#!/usr/bin/env bash
# Starts a private PostgreSQL 15 cluster on 127.0.0.1 for the tests and the benchmarks.
# Usage: infra/postgres/start.sh [run-dir]   (default: .run/postgres in the repository)
# OMNI_PG_SETTINGS adds server settings ("-c shared_buffers=1GB ..."; infra/postgres/production.conf holds the deployment's).
# Prints the connection string on its last line and writes it to <run-dir>/connection-string.
# The password is random per cluster: no credentials live in the repository.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
run=${1:-$root/.run/postgres}
port=${OMNI_PG_PORT:-55432}

"$here/install.sh" >&2
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$bin/pg_ctl" ] || { echo "PostgreSQL binaries not found under /usr/lib/postgresql" >&2; exit 1; }

mkdir -p "$run"
run=$(cd "$run" && pwd)
if [ "$(id -u)" = 0 ]; then as_pg=(runuser -u postgres --); chown postgres:postgres "$run"; else as_pg=(); fi

if [ ! -f "$run/data/PG_VERSION" ]; then
  head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' > "$run/pw"
  [ "$(id -u)" = 0 ] && chown postgres "$run/pw"
  "${as_pg[@]}" "$bin/initdb" -D "$run/data" -U postgres --auth=scram-sha-256 --pwfile="$run/pw" -E UTF8 --locale=C.UTF-8 >"$run/initdb.log" 2>&1 \
    || { cat "$run/initdb.log" >&2; exit 1; }
fi
if ! "${as_pg[@]}" "$bin/pg_ctl" -D "$run/data" status >/dev/null 2>&1; then
  # fsync stays on: the benchmark's commit counts and the durability claims need real commits.
  "${as_pg[@]}" "$bin/pg_ctl" -D "$run/data" -l "$run/server.log" -w -t 60 \
    -o "-p $port -c listen_addresses=127.0.0.1 -k $run -c max_connections=300 -c shared_preload_libraries=pg_stat_statements -c track_counts=on ${OMNI_PG_SETTINGS:-}" start >&2
fi
pw=$(cat "$run/pw")
cs="Host=127.0.0.1;Port=$port;Username=postgres;Password=$pw;Database=postgres"
echo "$cs" > "$run/connection-string"
echo "$cs"
