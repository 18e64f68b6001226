#!/usr/bin/env bash
# Starts a private Redis on 127.0.0.1 (no persistence) for the SignalR backplane of two server processes.
# Usage: infra/redis/start.sh [run-dir]   Prints the connection string "127.0.0.1:<port>" on its last line.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
run=${1:-$root/.run/redis}
port=${OMNI_REDIS_PORT:-56379}
"$here/install.sh" >&2
mkdir -p "$run"
run=$(cd "$run" && pwd)
if ! redis-cli -p "$port" ping >/dev/null 2>&1; then
  redis-server --port "$port" --bind 127.0.0.1 --daemonize yes --dir "$run" --pidfile "$run/redis.pid" \
    --logfile "$run/redis.log" --save '' --appendonly no >&2
  for _ in $(seq 1 50); do redis-cli -p "$port" ping >/dev/null 2>&1 && break; sleep 0.1; done
fi
redis-cli -p "$port" ping >/dev/null
echo "$port" > "$run/port"
echo "127.0.0.1:$port"
