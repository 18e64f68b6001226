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
rm -rf "$results" "$run/ui-lint.failed"

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
# The output is kept too: TRX file names are start times, and two test projects starting in the same microsecond
# write one file (seen in CI), so the count comes from dotnet test's own summary.
# The browser journeys run after the other projects, not beside them: beside the server tests (10 minutes of real servers on
# two cores) a browser waiting on a live push timed out in CI (stops 18 and 19). Built once; both runs reuse the build.
: > "$run/test-output.log"
dotnet build OmniIntake.sln -c Release > "$run/build.log" 2>&1 && built=0 || built=$?
grep -E " error |Elapsed" "$run/build.log" | sort -u | tail -n 20 || true
if [ "$built" -eq 0 ]; then
  dotnet test --test-modules "tests/*/bin/Release/net10.0/OmniIntake.*.Tests.dll" --root-directory "$root" \
    --report-xunit-trx --results-directory "$results" "$@" 2>&1 | tee -a "$run/test-output.log" || status=${PIPESTATUS[0]}
  dotnet test --project tests/OmniIntake.E2E -c Release --no-build \
    --report-xunit-trx --results-directory "$results" "$@" 2>&1 | tee -a "$run/test-output.log" || status=${PIPESTATUS[0]}
else
  echo "FAILED the build (see .run/build.log)"; status=$built
fi

# The workspace UI (issue 14): lint, type check and its unit tests (Vitest); their counts join the closing line.
ui="$root/src/OmniIntake.Server/ClientApp"
rm -f "$run/vitest.json" "$run/ui-lint.failed"
(
  cd "$ui"
  [ -d node_modules ] || npm ci --no-audit --no-fund
  npm run --silent lint && npm run --silent typecheck
) 2>&1 | tee "$run/ui-lint.log" || { echo "FAILED ClientApp lint/type check (see .run/ui-lint.log)"; status=1; echo lint > "$run/ui-lint.failed"; }
(cd "$ui" && npx vitest run --reporter=default --reporter=json --outputFile="$run/vitest.json") 2>&1 | tee "$run/ui-test.log" || status=1

# dotnet test prints no single closing line; CI reads one line "N passed, N failed".
python3 - "$run/test-output.log" "$results" "$run" <<'PY'
import glob, re, sys, xml.etree.ElementTree as ET
log = open(sys.argv[1], encoding="utf-8", errors="replace").read()
# Every failed test by name (the console says "failed <name> (<duration>)"), with the first lines of its message
# from the TRX results where one is there: a long log must not hide which test failed.
messages = {}
for path in glob.glob(sys.argv[2] + "/**/*.trx", recursive=True):
    for result in ET.parse(path).getroot().iter("{*}UnitTestResult"):
        if result.get("outcome") in ("Failed", "Error", "Timeout", "Aborted"):
            message = result.find(".//{*}ErrorInfo/{*}Message")
            messages[result.get("testName")] = " | ".join(((message.text or "").strip().splitlines() if message is not None else [])[:6])
names = list(dict.fromkeys(re.findall(r"^failed (.+?) \(\d", log, re.MULTILINE))) or list(messages)
def from_log(name):
    # The console's own lines after "failed <name> (...)": the message and the top of the stack.
    found = re.search(rf"^failed {re.escape(name)} \(.*\n((?:[ \t]+.*\n?){{1,10}})", log, re.MULTILINE)
    return " | ".join(line.strip() for line in found.group(1).splitlines() if line.strip()) if found else ""
for name in names:
    print(f"FAILED {name}: {messages.get(name) or from_log(name)}")
# Two runs (the projects, then the browser journeys), each closing with its own summary: both are counted, and a run
# that printed none (a build error, a crash) is a failure, never a clean zero.
summaries = [part for part in log.split("Test run summary")[1:]]
def count(summary, label):
    found = re.search(rf"^\s*{label}: (\d+)", summary, re.MULTILINE)
    return int(found.group(1)) if found else 0
passed = sum(count(s, "succeeded") for s in summaries)
failed = sum(count(s, "failed") for s in summaries)
skipped = sum(count(s, "skipped") for s in summaries)
if len(summaries) < 2:
    failed += max(1, len(names)) if not summaries else 1
# The UI's Vitest counts, and a failed lint or type check as one failure (issue 14).
import json, os
ui = os.path.join(sys.argv[3], "vitest.json")
if os.path.exists(ui):
    v = json.load(open(ui, encoding="utf-8"))
    passed += v.get("numPassedTests", 0); failed += v.get("numFailedTests", 0)
    skipped += v.get("numPendingTests", 0) + v.get("numTodoTests", 0)
else:
    failed += 1; print("FAILED ClientApp unit tests: vitest wrote no results")
if os.path.exists(os.path.join(sys.argv[3], "ui-lint.failed")):
    failed += 1
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status
