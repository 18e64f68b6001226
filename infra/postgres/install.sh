#!/usr/bin/env bash
# Makes sure PostgreSQL server binaries are present (machines of this kind ship PostgreSQL 15; a bare Debian gets it from apt).
set -euo pipefail
if ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then exit 0; fi
echo "PostgreSQL not found; installing it with apt-get" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends postgresql >/dev/null
