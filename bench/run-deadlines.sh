#!/usr/bin/env bash
# Deadline firing benchmark (issue 6): N open deadlines spread over S seconds, fired by the hub in a child process,
# against Hangfire delayed jobs for the same due times in the same run.
# Usage: bash bench/run-deadlines.sh [deadlines=100000] [spread seconds=600] [baseline jobs=2000]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
run="$root/.run/bench-postgres"
trap '"$root/infra/postgres/stop.sh" "$run"' EXIT
export OMNI_PG_PORT=${OMNI_PG_PORT:-55433}
export OMNIINTAKE_BENCH_PG=$("$root/infra/postgres/start.sh" "$run" | tail -n 1)
dotnet build -c Release "$root/src/OmniIntake.Server" -o "$run/hub" >/dev/null
export OMNIINTAKE_HUB_DLL="$run/hub/OmniIntake.Server.dll"
dotnet run -c Release --project "$root/bench/OmniIntake.Bench.Deadlines" -- "$@"
