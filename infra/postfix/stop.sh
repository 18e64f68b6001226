#!/usr/bin/env bash
# Stops the private Postfix started by start.sh. Usage: infra/postfix/stop.sh [run-dir]
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
run=${1:-$root/.run/postfix}
[ -f "$run/conf/main.cf" ] && postfix -c "$run/conf" stop >/dev/null 2>&1
exit 0
