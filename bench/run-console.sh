#!/usr/bin/env bash
# Console benchmark (issue 7): N agent consoles, complaints at a steady rate, intake-to-console delay vs a raw SignalR
# broadcast on the same connections, with one hub process and with two behind Redis; private PostgreSQL and Redis.
# Usage: bash bench/run-console.sh [consoles=100] [rate/s=20] [seconds=15]
set -euo pipefail
source "$(dirname "$0")/common.sh"
bench_postgres
bench_redis
bench_hub
dotnet run -c Release --project "$root/bench/OmniIntake.Bench.Console" -- "${1:-100}" "${2:-20}" "${3:-15}"
