#!/usr/bin/env bash
# Intake benchmark (issue 2): pipeline into PostgreSQL vs a plain durable INSERT loop at 1, 8 and 32 connections.
# Usage: bash bench/run-intake.sh [seconds per measurement, default 10] [open deadlines to preload, e.g. 100000]
# Experiments: OMNIINTAKE_BENCH_CONNS=1,8 measures only those connection counts; OMNIINTAKE_BENCH_SQL runs statements
# (separated by ";;") on the fresh database before measuring, e.g. "DROP INDEX cases_search_grams" (what an index costs).
set -euo pipefail
source "$(dirname "$0")/common.sh"
bench_postgres
dotnet run -c Release --project "$root/bench/OmniIntake.Bench" -- "${1:-10}" "${2:-0}"
