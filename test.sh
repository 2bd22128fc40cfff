#!/usr/bin/env bash
# Installs and starts what the tests need, builds everything (including the benchmarks) and runs every test.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if ! command -v dotnet >/dev/null 2>&1; then
  echo "test.sh: the .NET 10 SDK is required (dotnet not found on PATH)" >&2
  exit 2
fi
if [ ! -d ../shared/data ]; then
  echo "test.sh: ../shared/data (training and evaluation data) must sit beside the repository" >&2
  exit 2
fi

# The dashboard's browser tests drive Debian's Chromium (no browser download).
command -v chromium >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

dotnet build Readout.slnx -c Release --nologo -v quiet -clp:ErrorsOnly

LOG="$(mktemp)"
trap 'rm -f "$LOG"' EXIT
set +e
# Detailed verbosity prints each test's output: the accuracy figures (seed test, tagger, time) land in the CI log.
dotnet test Readout.slnx -c Release --no-build --nologo --logger "console;verbosity=detailed" 2>&1 | tee "$LOG"
STATUS=${PIPESTATUS[0]}
set -e
# One closing line for CI: the totals over every test assembly (the detailed logger ends each
# assembly with "Passed: N" and "Failed: N" lines).
awk '/^ *Passed: *[0-9]+ *$/ { sub(/^ *Passed: */, ""); p += $0 }
     /^ *Failed: *[0-9]+ *$/ { sub(/^ *Failed: */, ""); f += $0 }
     END { printf "%d passed, %d failed\n", p, f }' "$LOG"
# Benchmark smoke: the end-to-end benchmark runs once (numbers are not judged here; see bench/results/).
if [ "$STATUS" -eq 0 ]; then
  dotnet run -c Release --no-build --project bench/Readout.Benchmarks -- --filter '*EndToEnd*' --job dry --inProcess >"$LOG.bench" 2>&1 \
    || { echo "test.sh: benchmark smoke run failed:" >&2; tail -40 "$LOG.bench" >&2; STATUS=1; }
  rm -f "$LOG.bench"
fi
exit "$STATUS"
