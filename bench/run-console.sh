#!/usr/bin/env bash
# Console benchmark (issue 7): N agent consoles, complaints at a steady rate, intake-to-console delay vs a raw SignalR
# broadcast on the same connections, with one hub process and with two behind Redis; private PostgreSQL and Redis.
# Usage: bash bench/run-console.sh [consoles=100] [rate/s=20] [seconds=15]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
run="$root/.run/bench-postgres"
redis_run="$root/.run/bench-redis"
trap '"$root/infra/postgres/stop.sh" "$run"; "$root/infra/redis/stop.sh" "$redis_run"' EXIT
export OMNI_PG_PORT=${OMNI_PG_PORT:-55433}
export OMNI_REDIS_PORT=${OMNI_REDIS_PORT:-56381}
export OMNIINTAKE_BENCH_PG=$("$root/infra/postgres/start.sh" "$run" | tail -n 1)
export OMNIINTAKE_BENCH_REDIS=$("$root/infra/redis/start.sh" "$redis_run" | tail -n 1)
dotnet build -c Release "$root/src/OmniIntake.Server" -o "$root/.run/bench-hub" >/dev/null
export OMNIINTAKE_HUB_DLL="$root/.run/bench-hub/OmniIntake.Server.dll"
dotnet run -c Release --project "$root/bench/OmniIntake.Bench.Console" -- "${1:-100}" "${2:-20}" "${3:-15}"
