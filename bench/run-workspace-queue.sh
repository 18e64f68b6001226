#!/usr/bin/env bash
# Workspace queue benchmark (issue 14.6): 10,000 open cases, live events at 100/s, event-to-screen p99 of the virtualised
# queue list beside the same events on a plain list with every row in the DOM (the baseline), in one run.
# Node + happy-dom (Vitest): the DOM work per event is measured, not a real screen's layout and paint.
# Usage: bash bench/run-workspace-queue.sh [cases=10000] [rate/s=100] [seconds=10]
set -euo pipefail
app="$(cd "$(dirname "$0")/.." && pwd)/src/OmniIntake.Server/ClientApp"
cd "$app"
[ -d node_modules ] || npm ci --no-audit --no-fund
# Vitest colours its output even into a pipe: the escapes are removed before the figures are picked out.
NO_COLOR=1 FORCE_COLOR=0 BENCH_CASES="${1:-10000}" BENCH_RATE="${2:-100}" BENCH_SECONDS="${3:-10}" \
  npx vitest run --config bench/vitest.bench.config.ts --silent=false 2>&1 \
  | sed -E 's/\x1b\[[0-9;]*m//g' | grep -E '^(baseline|workspace queue|RESULT)'
