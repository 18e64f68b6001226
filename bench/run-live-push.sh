#!/usr/bin/env bash
# Live push under load (issue 12, item 4): two hub processes behind Redis, complaints at a steady rate, and the
# pusher's recorded position vs the head of the event log, and repeated events per console. Runs the test
# LivePushLoadTests for longer than CI does and prints its figures line ("live push: ...").
# Usage: bash bench/run-live-push.sh [seconds=60] [rate/s=100]
set -euo pipefail
source "$(dirname "$0")/common.sh"
bench_postgres
bench_redis
export OMNIINTAKE_TEST_PG=$OMNIINTAKE_BENCH_PG OMNIINTAKE_TEST_REDIS=$OMNIINTAKE_BENCH_REDIS
export OMNIINTAKE_LIVE_LOAD_SECONDS=${1:-60} OMNIINTAKE_LIVE_LOAD_RATE=${2:-100}
dotnet build -c Release "$root/tests/OmniIntake.Server.Tests" >/dev/null
dotnet test --project "$root/tests/OmniIntake.Server.Tests" -c Release --no-build -- --filter-class '*LivePushLoadTests' --output Detailed \
  | grep -E "live push:|passed|failed" || true
