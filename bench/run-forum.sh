#!/usr/bin/env bash
# Forum benchmark (issue 8): a feed of N items (default 10,000) through the poller into a private PostgreSQL vs the raw
# feed library parsing the same bytes. Usage: bash bench/run-forum.sh [N]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
run="$root/.run/bench-postgres"
trap '"$root/infra/postgres/stop.sh" "$run"' EXIT
export OMNI_PG_PORT=${OMNI_PG_PORT:-55433}
export OMNIINTAKE_BENCH_PG=$("$root/infra/postgres/start.sh" "$run" | tail -n 1)
dotnet run -c Release --project "$root/bench/OmniIntake.Bench.Forum" -- "${1:-10000}"
