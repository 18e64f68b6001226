#!/usr/bin/env bash
# IMAP latency with the background jobs running (issue 17 item 6): the hub as its own process on a private PostgreSQL
# watches a private Dovecot folder (IDLE) with all its minutely jobs on; after a history of complaints is taken, mails are
# appended at a steady rate and each one's APPEND -> case delay is printed beside Dovecot's own IDLE notice to a second
# client in the same run. Ends with RESULT email_latency ... Usage: bash bench/run-email-latency.sh [mails=200] [rate/s=2] [history=1000]
set -euo pipefail
source "$(dirname "$0")/common.sh"
bench_postgres
bench_dovecot
bench_hub
dotnet run -c Release --project "$root/bench/OmniIntake.Bench.Email" -- latency "${1:-200}" "${2:-2}" "${3:-1000}"
