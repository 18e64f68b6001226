#!/usr/bin/env bash
# Refreshes the workspace's API contract (issue 14 item 1): writes the live /openapi/v1.json of a test host over
# src/OmniIntake.Server/ClientApp/src/api/openapi.json (OpenApiDocumentTests with OMNIINTAKE_OPENAPI_REFRESH=1), then
# regenerates the TypeScript types from it (npm run api:types -> src/api/schema.d.ts). Commit both.
# Usage: bash infra/openapi/refresh.sh   (builds the server tests in Release first unless OMNI_NO_BUILD=1)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
if [ "${OMNI_NO_BUILD:-}" != "1" ]; then OMNI_SKIP_CLIENTAPP=1 dotnet build tests/OmniIntake.Server.Tests -c Release; fi
OMNIINTAKE_OPENAPI_REFRESH=1 dotnet test --project tests/OmniIntake.Server.Tests -c Release --no-build -- \
  --filter-method '*TheCommittedDocument_IsTheLiveOne*'
cd src/OmniIntake.Server/ClientApp
[ -d node_modules ] || npm ci --no-audit --no-fund
npm run --silent api:types
echo "refreshed: src/OmniIntake.Server/ClientApp/src/api/openapi.json and schema.d.ts"
