#!/usr/bin/env bash
# Server load benchmark (issue 7): starts `cutroom serve` on a fresh data folder, runs the load
# client (bench/ServerLoad) twice: (A) 100 clients polling state and credits for 60 s; (B) the same
# while 20 more clients run real frame-extraction turns over /run_sse back to back (ffmpeg jobs
# that queue in the chat lane: their streams live on heartbeats). Prints latency percentiles,
# errors, completed/failed turns, heartbeats and the server's peak RSS.
# Usage: bench/server.sh [pollers=100] [seconds=60] [sse=20]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
"$here/scripts/setup.sh"
data=$(mktemp -d)
port=${PORT:-18480}
# Heartbeats every 2 s (15 s in production) so they are observable in a one-minute run; the token-issue limit is raised because one IP makes all 120 clients.
Cutroom__Chat__HeartbeatInterval=00:00:02 Cutroom__TokensPerIpPerHour=100000 \
  "$here/artifacts/cli/cutroom" serve --port "$port" --data "$data" >"$data/server.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(date -u +%F); load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
media="${CUTROOM_MEDIA:-$HOME/.cache/cutroom-media}"
"$here/../shared/media/fetch-media.sh" "$media" >/dev/null 2>&1 || true
dotnet build "$here/bench/ServerLoad" -c Release -v q -nologo >/dev/null
echo "A: polling only" >&2
dotnet run --no-build --project "$here/bench/ServerLoad" -c Release -- "http://127.0.0.1:$port" "$pid" "${1:-100}" "${2:-60}" 0
echo "B: polling + chat turns" >&2
dotnet run --no-build --project "$here/bench/ServerLoad" -c Release -- "http://127.0.0.1:$port" "$pid" "${1:-100}" "${2:-60}" "${3:-20}" "$media/video/cockatoo.mp4"
