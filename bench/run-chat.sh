#!/usr/bin/env bash
# Chat benchmark (issue 5): N concurrent web chat conversations, each completing the dialog, vs a raw SignalR echo on
# the same connections; the hub runs as its own process on a private PostgreSQL. Usage: bash bench/run-chat.sh [N=1000]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
run="$root/.run/bench-postgres"
trap '"$root/infra/postgres/stop.sh" "$run"' EXIT
export OMNI_PG_PORT=${OMNI_PG_PORT:-55433}
export OMNIINTAKE_BENCH_PG=$("$root/infra/postgres/start.sh" "$run" | tail -n 1)
dotnet build -c Release "$root/src/OmniIntake.Server" -o "$root/.run/bench-hub" >/dev/null
export OMNIINTAKE_HUB_DLL="$root/.run/bench-hub/OmniIntake.Server.dll"
dotnet run -c Release --project "$root/bench/OmniIntake.Bench.Chat" -- "${1:-1000}"
