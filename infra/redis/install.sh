#!/usr/bin/env bash
# Makes sure redis-server is installed (Debian package); nothing is started by the package.
set -euo pipefail
command -v redis-server >/dev/null 2>&1 && exit 0
echo "Redis not found; installing redis-server with apt-get" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends redis-server >/dev/null
