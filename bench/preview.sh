#!/usr/bin/env bash
# Live preview benchmark (issue 15 §4): how long after a chat edit the session's preview
# (GET /api/preview/nemo_agent/me/<session>, 640x360 x264 ultrafast from cached chunks) is ready.
# Starts `cutroom serve` on a fresh data folder, uploads five 4000x3000 photos, the logo and 40 s
# of music in one request, asks for the issue's 30 s 1080p slideshow with a title, then makes
# title edits. For each step it prints: the turn (message sent → turnComplete), the edit → preview
# ready (turnComplete → the GET answered with the new draft's MP4), and the CPU seconds the server
# and its ffmpeg children used in that window (from /proc/<pid>/stat, user+sys, children reaped);
# the chunks rendered/reused come from the server's log. Then the time of single frames.
#   usage: bench/preview.sh [EDITS]      (default 3 edits: bigger, red, top)
#   env:   PORT (default 18515), CUTROOM_BENCH_DIR (default /tmp/cutroom-bench-preview),
#          CUTROOM_MEDIA (default ~/.cache/cutroom-media)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
work=${CUTROOM_BENCH_DIR:-/tmp/cutroom-bench-preview}
media=${CUTROOM_MEDIA:-$HOME/.cache/cutroom-media}
port=${PORT:-18515}
edits=${1:-3}
mkdir -p "$work/photos"

echo "== machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GB RAM; $(date -u '+%Y-%m-%d %H:%M UTC'); ffmpeg $(ffmpeg -version | head -1 | awk '{print $3}')"
echo "== load before: $(cut -d' ' -f1-3 /proc/loadavg)"

# ---- inputs (once): the photos of bench/create.sh, 40 s of music as AAC --------------------------
photos=()
for n in skagen sunset snow pool donna; do
  p="$work/photos/photo-$n-4000x3000.jpg"
  if [ ! -f "$p" ]; then
    ffmpeg -hide_banner -nostdin -v error -y -i "$media/image/photo-$n.jpg" \
      -vf "scale=4000:3000:force_original_aspect_ratio=increase:flags=lanczos,crop=4000:3000" -q:v 3 "$p.tmp.jpg"
    mv "$p.tmp.jpg" "$p"
  fi
  photos+=("$p")
done
music="$work/music-40s.m4a"
[ -f "$music" ] || ffmpeg -hide_banner -nostdin -v error -y -i "$media/audio/music-dont-wait-too-long.mkv" -t 40 -vn -c:a aac -b:a 128k "$music"

"$here/scripts/setup.sh"
data=$(mktemp -d "$work/data.XXXX")
"$here/artifacts/cli/cutroom" serve --port "$port" --data "$data" >"$data/server.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; cp "$data/server.log" "$work/server.log"; rm -rf "$data"' EXIT
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done
B="http://127.0.0.1:$port"
T=$(curl -sf -X POST -H "X-Client-Id: $(cat /proc/sys/kernel/random/uuid)" "$B/api/auth/anonymous-token" | jq -r .data.token)
S=$(curl -sf -X POST -H "Authorization: Bearer $T" -H 'Content-Type: application/json' -d '{"task_name":"bench","language":"en"}' \
      "$B/api/tasks/me/with-session/nemo_agent" | jq -r .data.session_id)
up=()
for f in "${photos[@]}" "$media/image/logo-qt.jpg" "$music"; do up+=(-F "files=@$f"); done
curl -sf -H "Authorization: Bearer $T" "${up[@]}" "$B/api/upload-video/nemo_agent/me/$S" >/dev/null

now() { date +%s.%N; }
cpu() { awk -v t="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15 + $16 + $17) / t }' "/proc/$pid/stat"; }
say() {
  curl -sfN -H "Authorization: Bearer $T" -H 'Accept: text/event-stream' -H 'Content-Type: application/json' \
    -d "$(jq -cn --arg s "$S" --arg m "$1" '{app_name:"nemo_agent",user_id:"me",session_id:$s,new_message:{role:"user",parts:[{text:$m}]},streaming:true}')" \
    "$B/run_sse" | sed -n 's/^data: //p' | grep '"turnComplete":true' | jq -r '.content.parts[0].text // .errorMessage' | head -c 160; echo
}
preview() {
  curl -sf -H "Authorization: Bearer $T" -D "$work/headers.txt" -o "$work/$1.mp4" "$B/api/preview/nemo_agent/me/$S"
}
step() {   # step NAME MESSAGE
  local c0 t0 t1 t2 c2 lines
  lines=$(grep -c "preview of session" "$data/server.log" || true)
  c0=$(cpu); t0=$(now)
  echo "-- $1: \"$2\""
  echo -n "   reply: "; say "$2"
  t1=$(now)
  preview "$1"
  t2=$(now); c2=$(cpu)
  local made; made=$(tail -n +"$((lines + 1))" "$data/server.log" | grep -o "in [0-9]* ms, chunks rendered [0-9]*, reused [0-9]*" | tail -1)
  printf '   turn %.2f s; edit -> preview ready %.2f s; message -> preview %.2f s; server+ffmpeg CPU %.1f s in that window; render: %s; %s %s\n' \
    "$(echo "$t1 - $t0" | bc)" "$(echo "$t2 - $t1" | bc)" "$(echo "$t2 - $t0" | bc)" "$(echo "$c2 - $c0" | bc)" "${made:-served from file}" \
    "$(ffprobe -v error -select_streams v:0 -show_entries stream=width,height -of csv=s=x:p=0 "$work/$1.mp4")" \
    "$(grep -i '^x-cutroom-version' "$work/headers.txt" | tr -d '\r')"
}

step create "combine these images into a 30-second video with background music and a title 'Summer 2024'"
messages=("make the title bigger" "make the title red" "move the title to the top")
for i in $(seq 0 $((edits - 1))); do step "edit$((i + 1))" "${messages[$((i % 3))]}"; done

echo "-- frames (GET …/frame?at=ms, rendered on demand)"
for at in 1000 5900 12000 29000; do
  t0=$(now)
  code=$(curl -s -w '%{http_code}' -H "Authorization: Bearer $T" -o "$work/frame-$at.jpg" "$B/api/preview/nemo_agent/me/$S/frame?at=$at")
  if [ "$code" != 200 ]; then echo "   at $at ms: HTTP $code $(head -c 400 "$work/frame-$at.jpg")"; continue; fi
  printf '   at %5d ms: %.2f s, %s\n' "$at" "$(echo "$(now) - $t0" | bc)" "$(ffprobe -v error -show_entries stream=width,height -of csv=s=x:p=0 "$work/frame-$at.jpg")"
done
echo "== load after: $(cut -d' ' -f1-3 /proc/loadavg)"
