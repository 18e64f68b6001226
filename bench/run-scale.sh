#!/usr/bin/env bash
# Scale benchmark (issue 17 item 6): three years of history (N cases, default 1,000,000; ~3 M messages, ~5 M events and
# audit rows, ~2,000 open cases) loaded with SQL into a private PostgreSQL, then every agent and supervisor call (queue
# with each filter, case file, board, reports, trends), the minutely jobs, the start-up report generation and the intake
# rate, each beside the same call on 1,000 cases in the same run. The server runs with the deployment's settings
# (infra/postgres/production.conf). OMNIINTAKE_BENCH_KEEP=1 keeps the loaded databases for the next run.
# Usage: bash bench/run-scale.sh [cases=1000000] [samples=20]
set -euo pipefail
source "$(dirname "$0")/common.sh"
export OMNI_PG_PORT=${OMNI_PG_PORT:-55747}
OMNI_PG_SETTINGS=$(grep -Ev '^\s*(#|$)' "$root/infra/postgres/production.conf" | sed -E 's/^\s*([a-z_]+)\s*=\s*([^#]*[^# ])\s*(#.*)?$/-c \1=\2/' | tr '\n' ' ')
export OMNI_PG_SETTINGS
run="$root/.run/bench-scale-postgres"
[ "${OMNIINTAKE_BENCH_KEEP:-}" = 1 ] || stops+=("'$root/infra/postgres/stop.sh' '$run'")
OMNIINTAKE_BENCH_PG=$("$root/infra/postgres/start.sh" "$run" | tail -n 1)
export OMNIINTAKE_BENCH_PG
dotnet build -c Release "$root/bench/OmniIntake.Bench.Scale" >/dev/null
dotnet run -c Release --no-build --project "$root/bench/OmniIntake.Bench.Scale" -- "${1:-1000000}" "${2:-20}"
