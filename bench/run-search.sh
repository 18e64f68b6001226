#!/usr/bin/env bash
# Search benchmark (issue 15 item 1): N cases loaded with SQL into a private PostgreSQL, p50/p95 of GET /api/cases/search's
# query (CaseSearch) by full number, part of a number, phone, a word found nowhere and Chinese words, beside a plain
# indexed lookup in the same run. Usage: bash bench/run-search.sh [cases=1000000] [samples=40]
set -euo pipefail
source "$(dirname "$0")/common.sh"
bench_postgres
dotnet run -c Release --project "$root/bench/OmniIntake.Bench.Search" -- "${1:-1000000}" "${2:-40}"
