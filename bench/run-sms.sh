#!/usr/bin/env bash
# SMS webhook benchmark (issue 4): N concurrent senders post Twilio-signed webhooks at the hub (its own process on a
# private PostgreSQL) vs a plain INSERT loop at the same concurrency. Usage: bash bench/run-sms.sh [senders=8] [seconds=10]
set -euo pipefail
source "$(dirname "$0")/common.sh"
bench_postgres
dotnet build -c Release "$root/bench/OmniIntake.Bench.Sms" >/dev/null
dotnet run -c Release --no-build --project "$root/bench/OmniIntake.Bench.Sms" -- "${1:-8}" "${2:-10}"
