#!/usr/bin/env bash
# Console benchmark (issue 7): N agent consoles, complaints at a steady rate, intake-to-console delay vs a raw SignalR
# broadcast on the same connections, with one hub process, with two behind Redis and with two on PostgreSQL alone
# (LISTEN/NOTIFY); private PostgreSQL and Redis. Ends with a line
# RESULT console nodes=1 p99=... raw_p99=... nodes2_p99=... raw2_p99=... nodes2pg_p99=... raw2pg_p99=... missing=...
# Usage: bash bench/run-console.sh [consoles=100] [rate/s=20] [seconds=15]; OMNIINTAKE_BENCH_SETUPS=1,2,2pg picks setups.
set -euo pipefail
source "$(dirname "$0")/common.sh"
bench_postgres
bench_redis
bench_hub
dotnet run -c Release --project "$root/bench/OmniIntake.Bench.Console" -- "${1:-100}" "${2:-20}" "${3:-15}"
