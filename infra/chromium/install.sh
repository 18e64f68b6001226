#!/usr/bin/env bash
# Makes sure Debian's Chromium is installed for the browser tests (Playwright drives it with ExecutablePath; no
# browser download is possible here). Prints the executable's path on its last line.
set -euo pipefail
if ! command -v chromium >/dev/null 2>&1; then
  echo "Chromium not found; installing chromium with apt-get" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends chromium fonts-liberation >/dev/null
fi
command -v chromium
