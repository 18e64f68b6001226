#!/usr/bin/env bash
# Forum benchmark (issue 8): a feed of N items (default 10,000) through the poller into a private PostgreSQL vs the raw
# feed library parsing the same bytes. Usage: bash bench/run-forum.sh [N]
set -euo pipefail
source "$(dirname "$0")/common.sh"
bench_postgres
dotnet run -c Release --project "$root/bench/OmniIntake.Bench.Forum" -- "${1:-10000}"
