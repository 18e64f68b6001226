#!/usr/bin/env bash
# The intake's floor (issue 17): the intake benchmark (pipeline vs plain INSERT, as run-intake.sh), then the statements
# of one of its intakes, logged by the server with their parameters, replayed by pgbench beside pgbench's plain
# single-row INSERT, all on the same private PostgreSQL in the same run: how many messages a second the database itself
# takes when each writes what the policy asks (case, contact, deadline, message, audit, event), with no application in
# front of it. Usage: bash bench/run-intake-floor.sh [seconds per measurement, default 10]
set -euo pipefail
source "$(dirname "$0")/common.sh"
bench_postgres
seconds=${1:-10}
marker="FLOOR-MARK-$(date +%s)"
out=$(mktemp)
stops+=("rm -f '$out'")
OMNIINTAKE_BENCH_CONNS=${OMNIINTAKE_BENCH_CONNS:-8,32} OMNIINTAKE_BENCH_FLOOR="$marker" \
  dotnet run -c Release --project "$root/bench/OmniIntake.Bench" -- "$seconds" 0 | tee "$out"
database=$(sed -n 's/^floor database: //p' "$out")
[ -n "$database" ] || { echo "the intake benchmark kept no database" >&2; exit 1; }
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
export PGBIN PGHOST=127.0.0.1 PGPORT="$OMNI_PG_PORT" PGUSER=postgres PGPASSWORD
PGPASSWORD=$(cat "$root/.run/bench-postgres/pw")
status=0
python3 "$root/bench/intake_floor.py" "$root/.run/bench-postgres/server.log" "$database" "$marker" "+8613999999999" 4,8 "$seconds" || status=$?
"$PGBIN/psql" -X -q -d postgres -c "DROP DATABASE IF EXISTS $database WITH (FORCE)"
exit $status
