#!/usr/bin/env bash
# Makes sure Postfix is installed (Debian package postfix, preseeded so it asks nothing and configures nothing).
set -euo pipefail
command -v postfix >/dev/null 2>&1 && exit 0
echo "Postfix not found; installing it with apt-get" >&2
export DEBIAN_FRONTEND=noninteractive
echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
apt-get update -qq
apt-get install -y -qq --no-install-recommends postfix >/dev/null
