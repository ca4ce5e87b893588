#!/usr/bin/env bash
# Scale-out benchmark (issue 16; how to read it: docs/scale-out.md, "Benchmark"). On this machine, on
# loopback, with throwaway stores (a PostgreSQL cluster from scripts/pg-test-cluster.sh, an s3rver):
#   1. queue latency, enqueue → start, p50/p99: one `cutroom serve` (role all) on SQLite, then on
#      PostgreSQL; tiny renders posted one after another, so a worker is always idle when one is queued;
#      read from the job records (when queued, when claimed);
#   2. throughput: ACCOUNTS accounts post RENDERS short renders (640x360, 3 s) at once to one API process
#      with 1 worker process, then again with 2 (PostgreSQL + S3); wall time, renders/min, CPU s/render;
#   3. POLLERS sessions polling state (and credits) for POLL_S seconds against the API of that service
#      (1 API + 2 idle workers): latency percentiles (goal: p99 < 50 ms).
# Then prints the figures side by side. Usage:
#   bench/scale-out.sh                    the full run (30 latency renders, 20 renders, 100 pollers for 60 s)
#   SCALE_SHORT=1 bench/scale-out.sh      a quick check that everything runs (5, 4, 10 for 5 s)
# Overrides: LAT_N, RENDERS, ACCOUNTS, POLLERS, POLL_S. Needs the tools ./test.sh installs (PostgreSQL
# server binaries, node + s3rver: scripts/s3rver.sh install) and the real media (cockatoo.mp4).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
if [ "${SCALE_SHORT:-0}" = 1 ]; then
  : "${LAT_N:=5}" "${RENDERS:=4}" "${ACCOUNTS:=2}" "${POLLERS:=10}" "${POLL_S:=5}"
else
  : "${LAT_N:=30}" "${RENDERS:=20}" "${ACCOUNTS:=10}" "${POLLERS:=100}" "${POLL_S:=60}"
fi

"$here/scripts/setup.sh" >&2
cli="$here/artifacts/cli/cutroom"
s3rver=$("$here/scripts/s3rver.sh" install)
media="${CUTROOM_MEDIA:-$HOME/.cache/cutroom-media}"
"$here/../shared/media/fetch-media.sh" "$media" >/dev/null 2>&1 || true
export CUTROOM_MEDIA="$media"
[ -f "$media/video/cockatoo.mp4" ] || { echo "scale-out.sh: $media/video/cockatoo.mp4 is missing (fetch-media.sh)" >&2; exit 1; }
dotnet build "$here/bench/ScaleOut" -c Release -v q -nologo "-clp:ErrorsOnly;NoSummary" >&2
dotnet build "$here/bench/ServerLoad" -c Release -v q -nologo "-clp:ErrorsOnly;NoSummary" >&2
bench() { dotnet run --no-build --project "$here/bench/ScaleOut" -c Release -- "$@"; }

work=$(mktemp -d "${TMPDIR:-/tmp}/cutroom-scale.XXXXXX")
pgdir="/tmp/cutroom-scale-pg.$$"  # readable by the user postgres (pg-test-cluster.sh runs the cluster as postgres under root)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  "$here/scripts/pg-test-cluster.sh" stop "$pgdir" || true
  rm -rf "$work"
}
trap cleanup EXIT

# serve NAME ROLE [VAR=VALUE ...]: starts `cutroom serve --role ROLE --port 0` on $work/NAME with the
# given settings; sets $url (from its log) and $pid.
serve() {
  local name=$1 role=$2; shift 2
  mkdir -p "$work/$name"
  env "$@" "$cli" serve --role "$role" --port 0 --data "$work/$name" >"$work/$name.log" 2>&1 &
  pid=$!
  pids+=("$pid")
  url=""
  for _ in $(seq 1 600); do
    url=$(grep -o 'Cutroom is listening on http://127\.0\.0\.1:[0-9]*' "$work/$name.log" | head -n 1 | sed 's/.* on //') || true
    if [ -n "$url" ] && curl -sf "$url/healthz" >/dev/null; then return 0; fi
    kill -0 "$pid" 2>/dev/null || { echo "scale-out.sh: $name exited:" >&2; cat "$work/$name.log" >&2; exit 1; }
    sleep 0.2
  done
  echo "scale-out.sh: $name did not answer /healthz within 2 min:" >&2; cat "$work/$name.log" >&2; exit 1
}
stop() { kill "$1"; wait "$1" 2>/dev/null || true; }
value() { sed -n "s/.*$1=\([^ ]*\).*/\1/p" <<<"$2"; }

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(date -u '+%F %H:%M UTC'); load before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
admin=$("$here/scripts/pg-test-cluster.sh" start "$pgdir")
node "$s3rver" --directory "$work/s3" --address 127.0.0.1 --port 0 --configure-bucket cutroom >"$work/s3.log" 2>&1 &
pids+=("$!")
for _ in $(seq 1 150); do s3port=$(sed -n 's/.*S3rver listening on 127\.0\.0\.1:\([0-9]*\).*/\1/p' "$work/s3.log" | head -n 1); [ -n "$s3port" ] && break; sleep 0.2; done
[ -n "${s3port:-}" ] || { echo "scale-out.sh: s3rver did not start:" >&2; cat "$work/s3.log" >&2; exit 1; }

echo "== 1. queue latency, SQLite (one process)" >&2
serve sqlite all
lat_sqlite=$(bench latency "$url" "sqlite:$work/sqlite" "$LAT_N"); echo "$lat_sqlite" >&2
stop "$pid"

echo "== 1. queue latency, PostgreSQL (one process)" >&2
pg1=$(bench createdb "$admin")
serve pg all Cutroom__Database__Provider=postgres "Cutroom__Database__ConnectionString=$pg1"
lat_pg=$(bench latency "$url" "postgres:$pg1" "$LAT_N"); echo "$lat_pg" >&2
stop "$pid"

echo "== 2. throughput, 1 API + 1 worker, then + a second worker (PostgreSQL + S3)" >&2
pg2=$(bench createdb "$admin")
shared=(Cutroom__Database__Provider=postgres "Cutroom__Database__ConnectionString=$pg2" Cutroom__Storage__Provider=s3
  "Cutroom__Storage__ServiceUrl=http://127.0.0.1:$s3port" Cutroom__Storage__Bucket=cutroom Cutroom__Storage__AccessKey=S3RVER
  Cutroom__Storage__SecretKey=S3RVER Cutroom__TokensPerIpPerHour=100000)
serve api api "${shared[@]}"; api=$url; api_pid=$pid
serve worker1 worker "${shared[@]}"; w1=$url
one=$(bench renders "$api" "$RENDERS" "$ACCOUNTS" "$w1"); echo "$one" >&2
serve worker2 worker "${shared[@]}"; w2=$url
two=$(bench renders "$api" "$RENDERS" "$ACCOUNTS" "$w1,$w2"); echo "$two" >&2

echo "== 3. $POLLERS sessions polling state, 1 API + 2 workers" >&2
# (ServerLoad exits 1 when a request failed; its line counts the errors.)
poll=$(dotnet run --no-build --project "$here/bench/ServerLoad" -c Release -- "$api" "$api_pid" "$POLLERS" "$POLL_S" 0 || true); echo "$poll" >&2

echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
cat <<EOF

Scale-out benchmark — $(nproc) cores, $(date -u '+%F %H:%M UTC'), load at the end $(cut -d' ' -f1-3 /proc/loadavg)$([ "${SCALE_SHORT:-0}" = 1 ] && echo ' — SHORT MODE: not a measurement')

queue latency, enqueue → start ($LAT_N tiny renders, one at a time)
                                SQLite (1 process)     PostgreSQL (1 process)
  p50 (ms)                      $(printf '%-22s' "$(value latency_p50_ms "$lat_sqlite")") $(value latency_p50_ms "$lat_pg")
  p99 (ms)                      $(printf '%-22s' "$(value latency_p99_ms "$lat_sqlite")") $(value latency_p99_ms "$lat_pg")

throughput, $RENDERS short renders (640x360, 3 s) from $ACCOUNTS accounts, PostgreSQL + S3
                                1 worker process       2 worker processes
  wall time (s)                 $(printf '%-22s' "$(value renders_wall_s "$one")") $(value renders_wall_s "$two")
  renders per minute            $(printf '%-22s' "$(value renders_per_min "$one")") $(value renders_per_min "$two")
  ffmpeg CPU s per render       $(printf '%-22s' "$(value ffmpeg_cpu_s_per_render "$one")") $(value ffmpeg_cpu_s_per_render "$two")
  worker CPU s per render       $(printf '%-22s' "$(value worker_cpu_s_per_render "$one")") $(value worker_cpu_s_per_render "$two")

$POLLERS sessions polling state for ${POLL_S} s, 1 API + 2 workers (goal p99 < 50 ms)
  $poll
EOF
