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
# Chinese text in the screenshots (issue 14): without a CJK font Chromium draws boxes.
if ! fc-list 2>/dev/null | grep -i "Noto Sans CJK" >/dev/null; then  # not -q: an early exit would fail the pipe (pipefail)
  echo "No CJK font found; installing fonts-noto-cjk with apt-get" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends fonts-noto-cjk >/dev/null
fi
command -v chromium
