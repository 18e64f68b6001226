#!/usr/bin/env bash
# Starts a private Postfix on 127.0.0.1 as the SMTP server the hub sends through in tests. It accepts mail for any
# address and delivers all of it into one Maildir (by default the "customer" user of infra/dovecot), so a test reads
# what the hub sent over IMAP.
# Usage: infra/postfix/start.sh [run-dir] [maildir-base] [maildir]   Prints "Host=...;Port=..." on its last line.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
run=${1:-$root/.run/postfix}
base=${2:-$root/.run/dovecot/mail}
box=${3:-customer@example.test/Maildir/}
port=${OMNI_SMTP_PORT:-52525}
"$here/install.sh" >&2
mkdir -p "$run/conf" "$run/queue" "$run/data" "$base"
run=$(cd "$run" && pwd); base=$(cd "$base" && pwd)
chown -R postfix "$run/data"
cp /etc/postfix/master.cf "$run/conf/master.cf"
# Only our smtpd, on our port; every service unchrooted (the private queue has no chroot files).
sed -i -E "s|^smtp +inet .*|127.0.0.1:$port inet n - n - - smtpd|" "$run/conf/master.cf"
cat > "$run/conf/main.cf" <<CONF
compatibility_level = 3.6
queue_directory = $run/queue
data_directory = $run/data
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mydestination =
mynetworks = 127.0.0.0/8
smtpd_relay_restrictions = permit_mynetworks, reject
virtual_mailbox_domains = static:all
virtual_mailbox_base = $base
virtual_mailbox_maps = static:$box
virtual_uid_maps = static:65534
virtual_gid_maps = static:65534
maillog_file = $run/postfix.log
maillog_file_prefixes = $run
alias_maps =
alias_database =
CONF
postconf -c "$run/conf" -F '*/*/chroot = n' >/dev/null 2>&1 || true
chown -R nobody:nogroup "$base"
if ! postfix -c "$run/conf" status >/dev/null 2>&1; then
  postfix -c "$run/conf" check
  postfix -c "$run/conf" start </dev/null >/dev/null 2>&1
fi
for _ in $(seq 1 50); do (echo > /dev/tcp/127.0.0.1/$port) 2>/dev/null && break; sleep 0.1; done
echo "Host=127.0.0.1;Port=$port"
