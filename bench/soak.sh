#!/usr/bin/env bash
# The fuzz and soak run, long form (issue 17): tests/Cutroom.Server.Tests/Soak/SoakTests against a
# real server on loopback: 100 sessions (8 at a time) for 10 minutes upload byte-flipped copies of
# the dev media and put them through frames, thumbnail, shots and an export by chat, and send
# mutated JSON bodies. Pass: no HTTP 5xx, every turn ends with turnComplete or a coded error, no
# ffmpeg of the server left running, credits add up with none frozen, memory after the run within
# 20 % of it after warm-up. The last line is the counts: soak: tried=… refused=… processed=… failures=…
# The short form (4 sessions, at most 75 s) runs in ./test.sh as the test's defaults.
# Usage: bench/soak.sh [minutes=10] [sessions=100] [seed=17]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
report=$(mktemp)
trap 'rm -f "$report"' EXIT
dotnet build "$here/tests/Cutroom.Server.Tests" -c Release --nologo -v q "-clp:ErrorsOnly;NoSummary" >&2
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(date -u +%F); load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
status=0
CUTROOM_SOAK_MINUTES="${1:-10}" CUTROOM_SOAK_SESSIONS="${2:-100}" CUTROOM_SOAK_SEED="${3:-17}" CUTROOM_SOAK_REPORT="$report" \
  dotnet test "$here/tests/Cutroom.Server.Tests" -c Release --no-build --nologo -v q \
  --logger "console;verbosity=minimal" --filter "FullyQualifiedName~Soak.SoakTests" >&2 || status=$?
if [ -s "$report" ]; then cat "$report"; else echo "soak: no report (the run did not finish)"; status=1; fi
exit "$status"
