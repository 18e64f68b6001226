#!/usr/bin/env bash
# Deadline firing benchmark (issue 6): N open deadlines spread over S seconds, fired by the hub in a child process,
# against Hangfire delayed jobs for the same due times in the same run.
# Issue 17: with intake connections > 0 the pipeline runs at full rate on that many connections during the firing, and its
# rate is printed beside the same pipeline alone afterwards and a raw INSERT loop (RESULT ... intake_during=... raw_insert=...).
# Usage: bash bench/run-deadlines.sh [deadlines=100000] [spread seconds=600] [baseline jobs=2000] [intake connections=0]
set -euo pipefail
source "$(dirname "$0")/common.sh"
bench_postgres
bench_hub
dotnet run -c Release --project "$root/bench/OmniIntake.Bench.Deadlines" -- "$@"
