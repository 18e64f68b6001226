# Sourced by bench/run-*.sh: the private services a benchmark runs against (on ports of their own, so a test run can
# go on beside it), each stopped when the benchmark ends, and the hub built for the benchmarks that start it.
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
stops=()
trap 'for stop in "${stops[@]}"; do eval "$stop" || true; done' EXIT

bench_postgres() {
  local run="$root/.run/bench-postgres"
  export OMNI_PG_PORT=${OMNI_PG_PORT:-55433}
  stops+=("'$root/infra/postgres/stop.sh' '$run'")
  OMNIINTAKE_BENCH_PG=$("$root/infra/postgres/start.sh" "$run" | tail -n 1)
  export OMNIINTAKE_BENCH_PG
}

bench_redis() {
  local run="$root/.run/bench-redis"
  export OMNI_REDIS_PORT=${OMNI_REDIS_PORT:-56381}
  stops+=("'$root/infra/redis/stop.sh' '$run'")
  OMNIINTAKE_BENCH_REDIS=$("$root/infra/redis/start.sh" "$run" | tail -n 1)
  export OMNIINTAKE_BENCH_REDIS
}

bench_dovecot() {
  local run="$root/.run/bench-dovecot"
  export OMNI_IMAP_PORT=${OMNI_IMAP_PORT:-51144}
  stops+=("'$root/infra/dovecot/stop.sh' '$run'")
  OMNIINTAKE_BENCH_IMAP=$("$root/infra/dovecot/start.sh" "$run" | tail -n 1)
  export OMNIINTAKE_BENCH_IMAP
}

# The hub as the benchmarks that start it as a process run it (Release, its own output folder).
bench_hub() {
  dotnet build -c Release "$root/src/OmniIntake.Server" -o "$root/.run/bench-hub" >/dev/null
  export OMNIINTAKE_HUB_DLL="$root/.run/bench-hub/OmniIntake.Server.dll"
}
