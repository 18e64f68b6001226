#!/usr/bin/env bash
# E-mail ingest benchmark (issue 3): N messages from a private Dovecot through the hub into a private PostgreSQL,
# against a raw MailKit fetch of the same messages in the same run. Usage: bash bench/run-email.sh [N, default 5000]
set -euo pipefail
source "$(dirname "$0")/common.sh"
bench_postgres
bench_dovecot
dotnet run -c Release --project "$root/bench/OmniIntake.Bench.Email" -- "${1:-5000}"
