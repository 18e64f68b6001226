#!/usr/bin/env bash
# The queue at 10,000 open cases (issue 14 item 6): the first screen and scrolling through every page of
# GET /api/cases/queue's query in a private PostgreSQL, beside a plain indexed SELECT in the same run; ends with RESULT.
# Usage: bash bench/run-queue-pages.sh [open=10000] [closed=90000] [samples=30]
set -euo pipefail
source "$(dirname "$0")/common.sh"
bench_postgres
dotnet run -c Release --project "$root/bench/OmniIntake.Bench.QueuePages" -- "${1:-10000}" "${2:-90000}" "${3:-30}"
