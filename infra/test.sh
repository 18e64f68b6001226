#!/usr/bin/env bash
# Runs the whole test suite against real services: starts (installing when absent) a private PostgreSQL, Dovecot
# (IMAP), Postfix (SMTP) and Redis on 127.0.0.1, installs Debian's Chromium for the browser tests, runs every test project, prints "N passed, N failed" from the results, and
# stops what it started.
# Usage: bash infra/test.sh [extra dotnet test arguments]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
run="$root/.run"
results="$run/test-results"
mkdir -p "$run"
rm -rf "$results"

cleanup() {
  "$root/infra/postfix/stop.sh" "$run/postfix" || true
  "$root/infra/dovecot/stop.sh" "$run/dovecot" || true
  "$root/infra/postgres/stop.sh" "$run/postgres" || true
  "$root/infra/redis/stop.sh" "$run/redis" || true
}
trap cleanup EXIT

export OMNIINTAKE_TEST_PG=$("$root/infra/postgres/start.sh" "$run/postgres" | tail -n 1)
export OMNIINTAKE_TEST_IMAP=$("$root/infra/dovecot/start.sh" "$run/dovecot" | tail -n 1)
export OMNIINTAKE_TEST_REDIS=$("$root/infra/redis/start.sh" "$run/redis" | tail -n 1)
export OMNIINTAKE_CHROMIUM=$("$root/infra/chromium/install.sh" | tail -n 1)
export OMNIINTAKE_TEST_SMTP=$("$root/infra/postfix/start.sh" "$run/postfix" "$run/dovecot/mail" | tail -n 1)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

status=0
dotnet test --solution OmniIntake.sln -c Release --report-xunit-trx --results-directory "$results" "$@" || status=$?

# dotnet test prints no single closing count; CI reads one line "N passed, N failed".
python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
passed = failed = skipped = 0
for path in glob.glob(sys.argv[1] + "/**/*.trx", recursive=True):
    counters = ET.parse(path).getroot().find(".//{*}Counters")
    if counters is None:
        continue
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0)) + int(counters.get("aborted", 0))
    skipped += int(counters.get("notExecuted", 0))
    # Name each failure with the first lines of its message: a long log must not hide which test failed.
    for result in ET.parse(path).getroot().iter("{*}UnitTestResult"):
        if result.get("outcome") in ("Failed", "Error", "Timeout", "Aborted"):
            message = result.find(".//{*}ErrorInfo/{*}Message")
            text = (message.text or "").strip().splitlines() if message is not None else []
            print(f"FAILED {result.get('testName')}: " + " | ".join(text[:6]))
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status
