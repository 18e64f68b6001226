#!/usr/bin/env bash
# Stops the private Dovecot started by start.sh. Usage: infra/dovecot/stop.sh [run-dir]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
run=${1:-$root/.run/dovecot}
[ -f "$run/dovecot.conf" ] || exit 0
doveadm -c "$run/dovecot.conf" stop >/dev/null 2>&1 || true
