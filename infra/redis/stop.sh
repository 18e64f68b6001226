#!/usr/bin/env bash
# Stops the private Redis started by start.sh. Usage: infra/redis/stop.sh [run-dir]
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
run=${1:-$root/.run/redis}
[ -f "$run/port" ] && redis-cli -p "$(cat "$run/port")" shutdown nosave >/dev/null 2>&1
exit 0
