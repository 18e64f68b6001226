#!/usr/bin/env bash
# Deadline firing benchmark (issue 6): N open deadlines spread over S seconds, fired by the hub in a child process,
# against Hangfire delayed jobs for the same due times in the same run.
# Usage: bash bench/run-deadlines.sh [deadlines=100000] [spread seconds=600] [baseline jobs=2000]
set -euo pipefail
source "$(dirname "$0")/common.sh"
bench_postgres
bench_hub
dotnet run -c Release --project "$root/bench/OmniIntake.Bench.Deadlines" -- "$@"
