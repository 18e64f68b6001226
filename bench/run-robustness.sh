#!/usr/bin/env bash
# Robustness drill (issue 12): hostile inputs at every entry point (5xx, hangs, crashes) and kill -9 rounds under SMS
# load (acknowledged, lost, doubled). Usage: bash bench/run-robustness.sh [scale=5] [rounds=20] [senders=8]
set -euo pipefail
source "$(dirname "$0")/common.sh"
bench_postgres
dotnet build -c Release "$root/bench/OmniIntake.Bench.Robustness" >/dev/null
dotnet run -c Release --no-build --project "$root/bench/OmniIntake.Bench.Robustness" -- "${1:-5}" "${2:-20}" "${3:-8}"
