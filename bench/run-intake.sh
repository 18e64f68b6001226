#!/usr/bin/env bash
# Intake benchmark (issue 2): pipeline into PostgreSQL vs a plain durable INSERT loop at 1, 8 and 32 connections.
# Usage: bash bench/run-intake.sh [seconds per measurement, default 10] [open deadlines to preload, e.g. 100000]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
run="$root/.run/bench-postgres"
trap '"$root/infra/postgres/stop.sh" "$run"' EXIT
export OMNI_PG_PORT=${OMNI_PG_PORT:-55433}
export OMNIINTAKE_BENCH_PG=$("$root/infra/postgres/start.sh" "$run" | tail -n 1)
dotnet run -c Release --project "$root/bench/OmniIntake.Bench" -- "${1:-10}" "${2:-0}"
