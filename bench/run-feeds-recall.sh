#!/usr/bin/env bash
# Feed reader recall (issue 12): the forum channel's FeedParser over feedparser's test suite (tests/testdata/feedparser)
# against feedparser's own item counts (reference.tsv). No services needed. Usage: bash bench/run-feeds-recall.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dotnet run -c Release --project "$root/bench/OmniIntake.Bench.FeedRecall"
