#!/usr/bin/env bash
# Stops the private cluster started by start.sh. Usage: infra/postgres/stop.sh [run-dir]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
run=${1:-$root/.run/postgres}
[ -f "$run/data/PG_VERSION" ] || exit 0
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ "$(id -u)" = 0 ]; then as_pg=(runuser -u postgres --); else as_pg=(); fi
"${as_pg[@]}" "$bin/pg_ctl" -D "$run/data" -m fast -w stop >/dev/null 2>&1 || true
