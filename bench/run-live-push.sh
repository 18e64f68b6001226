#!/usr/bin/env bash
# Live push under load (issue 12, item 4): two hub processes behind Redis, complaints at a steady rate; how far the
# pusher's recorded position lags the head of the event log, and repeated events per console. Runs the test
# LivePushLoadTests for longer than CI does and prints its figures line ("live push: ...").
# Usage: bash bench/run-live-push.sh [seconds=60] [rate/s=100]
set -euo pipefail
source "$(dirname "$0")/common.sh"
bench_postgres
bench_redis
export OMNIINTAKE_TEST_PG=$OMNIINTAKE_BENCH_PG OMNIINTAKE_TEST_REDIS=$OMNIINTAKE_BENCH_REDIS
export OMNIINTAKE_LIVE_LOAD_SECONDS=${1:-60} OMNIINTAKE_LIVE_LOAD_RATE=${2:-100}
out="$root/tests/OmniIntake.Server.Tests/bin/Release/net10.0"
dotnet build -c Release "$root/tests/OmniIntake.Server.Tests" >/dev/null
rm -f "$out/live-push-figures.txt"
status=0
dotnet test --project "$root/tests/OmniIntake.Server.Tests" -c Release --no-build -- --filter-class '*LivePushLoadTests' | tail -n 8 || status=$?
cat "$out/live-push-figures.txt" 2>/dev/null || echo "no figures: the test failed before measuring"
exit $status
