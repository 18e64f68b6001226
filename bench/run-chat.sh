#!/usr/bin/env bash
# Chat benchmark (issue 5): N concurrent web chat conversations, each completing the dialog, vs a raw SignalR echo on
# the same connections; the hub runs as its own process on a private PostgreSQL. Usage: bash bench/run-chat.sh [N=1000]
set -euo pipefail
source "$(dirname "$0")/common.sh"
bench_postgres
bench_hub
dotnet run -c Release --project "$root/bench/OmniIntake.Bench.Chat" -- "${1:-1000}"
