#!/usr/bin/env bash
# SMS webhook benchmark (issue 4): N concurrent senders post Twilio-signed webhooks at the hub (its own process on a
# private PostgreSQL) vs a plain INSERT loop at the same concurrency. Usage: bash bench/run-sms.sh [senders=8] [seconds=10]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
run="$root/.run/bench-postgres"
trap '"$root/infra/postgres/stop.sh" "$run"' EXIT
export OMNI_PG_PORT=${OMNI_PG_PORT:-55433}
export OMNIINTAKE_BENCH_PG=$("$root/infra/postgres/start.sh" "$run" | tail -n 1)
dotnet build -c Release "$root/bench/OmniIntake.Bench.Sms" >/dev/null
dotnet run -c Release --no-build --project "$root/bench/OmniIntake.Bench.Sms" -- "${1:-8}" "${2:-10}"
