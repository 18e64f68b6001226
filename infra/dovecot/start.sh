#!/usr/bin/env bash
# Starts a private Dovecot IMAP server on 127.0.0.1 for the tests, Maildir storage, two users with one random password:
# intake@example.test (the mailbox the hub reads) and customer@example.test (where infra/postfix delivers what it sends).
# Usage: infra/dovecot/start.sh [run-dir]   Prints "Host=...;Port=...;Username=...;Password=..." on its last line.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
run=${1:-$root/.run/dovecot}
port=${OMNI_IMAP_PORT:-51143}
"$here/install.sh" >&2
mkdir -p "$run/mail" "$run/state" "$run/base"
run=$(cd "$run" && pwd)
user="intake@example.test"
[ -f "$run/pw" ] || head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' > "$run/pw"
pw=$(cat "$run/pw")
printf '%s\n' "$user:{PLAIN}$pw" "customer@example.test:{PLAIN}$pw" > "$run/users"
mkdir -p "$run/mail/customer@example.test/Maildir"
chown -R nobody:nogroup "$run/mail"
cat > "$run/dovecot.conf" <<CONF
base_dir = $run/base
state_dir = $run/state
log_path = $run/dovecot.log
instance_name = omniintake-test
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:~/Maildir
default_internal_user = dovecot
default_login_user = dovenull
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u $run/users
}
userdb {
  driver = static
  args = uid=nobody gid=nogroup home=$run/mail/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $port
  }
  inet_listener imaps {
    port = 0
  }
}
CONF
if [ -f "$run/base/master.pid" ] && kill -0 "$(cat "$run/base/master.pid")" 2>/dev/null; then :; else
  # Detached from our stdout/stderr, so a caller that waits for them to close does not wait for the daemon.
  dovecot -c "$run/dovecot.conf" </dev/null >/dev/null 2>&1
fi
for _ in $(seq 1 50); do (echo > /dev/tcp/127.0.0.1/$port) 2>/dev/null && break; sleep 0.1; done
echo "Host=127.0.0.1;Port=$port;Username=$user;Password=$pw"
