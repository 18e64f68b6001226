#!/usr/bin/env bash
# E-mail ingest benchmark (issue 3): N messages from a private Dovecot through the hub into a private PostgreSQL,
# against a raw MailKit fetch of the same messages in the same run. Usage: bash bench/run-email.sh [N, default 5000]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
pg="$root/.run/bench-postgres"; imap="$root/.run/bench-dovecot"
trap '"$root/infra/postgres/stop.sh" "$pg"; "$root/infra/dovecot/stop.sh" "$imap"' EXIT
export OMNI_PG_PORT=${OMNI_PG_PORT:-55433} OMNI_IMAP_PORT=${OMNI_IMAP_PORT:-51144}
export OMNIINTAKE_BENCH_PG=$("$root/infra/postgres/start.sh" "$pg" | tail -n 1)
export OMNIINTAKE_BENCH_IMAP=$("$root/infra/dovecot/start.sh" "$imap" | tail -n 1)
dotnet run -c Release --project "$root/bench/OmniIntake.Bench.Email" -- "${1:-5000}"
