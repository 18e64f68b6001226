#!/usr/bin/env bash
# Dialog extraction benchmark (issue 16): field-level precision/recall/F1 and turns over the corpus
# (tests/OmniIntake.Dialogs.Tests/Corpus), today's engine beside the engine before issue 16. No services needed.
# Usage: bash bench/run-dialog-extraction.sh [--misses]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dotnet run -c Release --project "$root/bench/OmniIntake.Bench.DialogExtraction" -- "$@"
