#!/usr/bin/env bash
# Makes sure Dovecot's IMAP server is installed (Debian package dovecot-imapd); nothing is started by the package.
set -euo pipefail
command -v dovecot >/dev/null 2>&1 && exit 0
echo "Dovecot not found; installing dovecot-imapd with apt-get" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends dovecot-imapd >/dev/null
