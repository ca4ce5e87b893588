#!/usr/bin/env bash
# Server load benchmark (issue 7): starts `cutroom serve` on a fresh data folder, runs the load
# client (bench/ServerLoad): 100 clients polling state and credits for 60 s while 20 clients run
# chat turns over /run_sse, and prints latency percentiles, errors, completed turns, heartbeats
# and the server's peak RSS. Usage: bench/server.sh [pollers=100] [seconds=60] [sse=20]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
"$here/scripts/setup.sh"
data=$(mktemp -d)
port=${PORT:-18480}
# Chat turns poll every 1 s in the bench so heartbeats are observable in a short run; rate limit raised for one machine doing everything.
Cutroom__Chat__HeartbeatInterval=00:00:01 Cutroom__RequestsPerSecondPerToken=1000 Cutroom__TokensPerIpPerHour=100000 \
  "$here/artifacts/cli/cutroom" serve --port "$port" --data "$data" >"$data/server.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(date -u +%F); load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
dotnet run --project "$here/bench/ServerLoad" -c Release -- "http://127.0.0.1:$port" "$pid" "${1:-100}" "${2:-60}" "${3:-20}"
