#!/usr/bin/env bash
# Benchmark of issue 15 ("the default export settings are chosen with numbers"): which x264 preset, CRF and
# -tune give the fastest export of the `cutroom create` slideshow (bench/create.sh's job: five 4000x3000
# photos, logo, music, title, crossfades, Ken Burns on, 30 s 1920x1080 30 fps) with SSIM >= 0.985 against
# a lossless render of the same draft.
#   1. `cutroom create --log` once (motion auto, the default) captures Cutroom's ffmpeg command (create.sh's
#      capture/captured_cmd);
#   2. its video graph is rendered ONCE to raw yuv420p (2.8 GB in $CUTROOM_BENCH_DIR): that file is the
#      lossless render (x264 CRF 0 of the same graph decodes to the same pixels), and every setting below is
#      encoded from it, so each figure is x264's own cost (plus reading raw frames: measured as "raw read");
#   3. grid: presets ultrafast..fast x CRF 20-24 with no tune, then tunes film, animation, stillimage at
#      the presets and CRFs that ENC_TUNE_PRESETS / ENC_TUNE_CRFS name; each: wall, CPU (user+sys), size,
#      SSIM (All, mean of the 900 frames) against the raw render;
#   4. the preview settings at 640x360 (ENC_PREVIEW);
#   5. end to end: the captured command (graph + x264 + audio) at today's default (fast CRF 23) and at
#      ENC_CHOICE, timed, with SSIM against the raw render.
#   usage: bench/encode-settings.sh   (an empty ENC_PRESETS or ENC_TUNES skips that part of the grid)
#   env:   CUTROOM_BENCH_DIR (default /tmp/cutroom-bench-create: shares create.sh's photos), CUTROOM_MEDIA,
#          ENC_PRESETS (default "ultrafast superfast veryfast faster fast"), ENC_CRFS (default "20 21 22 23 24"),
#          ENC_TUNES (default "film animation stillimage"), ENC_TUNE_PRESETS (default "superfast veryfast faster"),
#          ENC_TUNE_CRFS (default "21 22 23"), ENC_EXTRA (more "PRESET CRF TUNE" settings, comma-separated),
#          ENC_REPEAT (runs of the ENC_EXTRA settings, interleaved; default 1), ENC_PREVIEW (640x360 preview
#          settings "PRESET CRF", comma-separated; default "ultrafast 28,superfast 28"), ENC_E2E=0 skips step 5, ENC_CHOICE ("PRESET CRF TUNE", TUNE - for none; default the chosen "superfast 22 -"), KEEP_RAW=1 keeps the raw file
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
work=${CUTROOM_BENCH_DIR:-/tmp/cutroom-bench-create}
media=${CUTROOM_MEDIA:-$HOME/.cache/cutroom-media}
presets=(${ENC_PRESETS-ultrafast superfast veryfast faster fast})
crfs=(${ENC_CRFS-20 21 22 23 24})
tunes=(${ENC_TUNES-film animation stillimage})
tune_presets=(${ENC_TUNE_PRESETS:-superfast veryfast faster})
tune_crfs=(${ENC_TUNE_CRFS:-21 22 23})
read -r -a choice <<< "${ENC_CHOICE:-superfast 22 -}"
# ENC_EXTRA: more settings, "PRESET CRF TUNE" separated by commas (for the low and high levels of the render table)
IFS=, read -r -a extra <<< "${ENC_EXTRA:-ultrafast 26 -,superfast 26 -,veryfast 26 -,veryfast 18 -,faster 18 -,fast 18 -,medium 18 -}"
out="$work/enc"
mkdir -p "$work/photos" "$out"

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(free -g | awk '/^Mem:/ {print $2}') GB RAM"
echo "== date: $(date -u '+%Y-%m-%d %H:%M UTC'); ffmpeg $(ffmpeg -version | head -1 | awk '{print $3}'); libx264 $(ffmpeg -hide_banner -h encoder=libx264 >/dev/null 2>&1 && echo present)"
echo "== uptime before: $(uptime)"

# ---- inputs: the same photos, logo, music and title as bench/create.sh ----------------------------------
names=(skagen sunset snow pool donna)
photos=()
for n in "${names[@]}"; do
  p="$work/photos/photo-$n-4000x3000.jpg"
  if [ ! -f "$p" ]; then
    ffmpeg -hide_banner -nostdin -v error -y -i "$media/image/photo-$n.jpg" \
      -vf "scale=4000:3000:force_original_aspect_ratio=increase:flags=lanczos,crop=4000:3000" -q:v 3 "$p.tmp.jpg"
    mv "$p.tmp.jpg" "$p"
  fi
  photos+=("$p")
done
logo="$media/image/logo-qt.jpg"
music="$media/audio/music-dont-wait-too-long.mkv"
title="Summer 2024"
printf '%s' "$title" > "$work/title.txt"
"$here/scripts/setup.sh"
cutroom=(dotnet "$here/artifacts/cli/cutroom.dll")

# capture LOG ARGSFILE and captured_cmd ARGSFILE OUT PRESET CRF | ARGSFILE OUT null: bench/create.sh's own.
eval "$(sed -n '/^capture() {/,/^}/p; /^captured_cmd() {/,/^}/p' "$here/bench/create.sh")"

echo "== capture Cutroom's command (cutroom create --log, motion auto, default quality)"
rm -f "$work/enc-create.log"
"${cutroom[@]}" create "${photos[@]}" --music "$music" --logo "$logo" --title "$title" --duration 30 \
  --transition crossfade --motion auto -o "$out/create-default.mp4" --log "$work/enc-create.log" >/dev/null
capture "$work/enc-create.log" "$work/enc-cmd.args"

# The video graph to raw yuv420p: keep the arguments up to `-map [vout]`, then write raw frames.
raw="$work/lossless-auto.yuv"
mapfile -d '' A < "$work/enc-cmd.args"
graph=()
for ((i = 0; i < ${#A[@]}; i++)); do graph+=("${A[i]}"); [ "${A[i]}" = "[vout]" ] && break; done
if [ ! -f "$raw" ]; then
  echo "== rendering the graph once to raw yuv420p (the lossless reference)"
  # (the audio chain's output must go somewhere: a null output)
  ffmpeg "${graph[@]}" -f rawvideo -pix_fmt yuv420p -y "file:$raw.tmp" -map '[aout]' -f null - && mv "$raw.tmp" "$raw"
fi
size=$(stat -c %s "$raw"); nframes=$((size / (1920 * 1080 * 3 / 2)))
echo "   $raw: $nframes frames"
rawin=(-hide_banner -nostdin -v error -y -f rawvideo -pix_fmt yuv420p -s 1920x1080 -framerate 30 -i "file:$raw")

declare -A W U S B
keys=()
run() {  # run KEY CMD... : time it, record wall, CPU (user+sys), print
  local key=$1 s m us sy load; shift
  load=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -f '%e %M %U %S' -o "$work/enc-time.txt" "$@" >"$work/enc-last.log" 2>&1 || { echo "FAILED: $key" >&2; tail -5 "$work/enc-last.log" >&2; return 1; }
  read -r s m us sy < <(tail -1 "$work/enc-time.txt")
  [ -n "${W[$key]:-}" ] || keys+=("$key")
  W[$key]="${W[$key]:+${W[$key]} }$s"; U[$key]="${U[$key]:+${U[$key]} }"$(awk -v a="$us" -v b="$sy" 'BEGIN { print a + b }')
  printf '  %-34s %7.2f s wall %7.2f s cpu  (load %s)\n' "$key" "$s" "${U[$key]##* }" "$load"
}
ssim_raw() {  # ssim_raw FILE -> SSIM All against the raw render
  ffmpeg -hide_banner -nostdin -i "$1" "${rawin[@]:5}" -lavfi '[0:v][1:v]ssim' -f null - 2>&1 | sed -n 's/.*SSIM .* All:\([0-9.]*\).*/\1/p' | tail -1
}
encode() {  # encode PRESET CRF TUNE(- for none)
  local p=$1 c=$2 t=$3 key f tune=()
  key="$p crf$c ${t}"; f="$out/$p-$c-$t.mp4"
  [ "$t" != - ] && tune=(-tune "$t")
  run "$key" ffmpeg "${rawin[@]}" -c:v libx264 -preset "$p" -crf "$c" "${tune[@]}" -profile:v high -pix_fmt yuv420p -an -f mp4 "file:$f" || return 0
  S[$key]=$(ssim_raw "$f"); B[$key]=$(stat -c %s "$f")
}

echo "== reading the raw file alone (the floor under every encode below)"
run "raw read" ffmpeg "${rawin[@]}" -f null -
echo "== presets x CRF, no tune"
for p in "${presets[@]}"; do for c in "${crfs[@]}"; do encode "$p" "$c" -; done; done
echo "== tunes"
for t in "${tunes[@]}"; do for p in "${tune_presets[@]}"; do for c in "${tune_crfs[@]}"; do encode "$p" "$c" "$t"; done; done; done

echo "== extra settings (ENC_EXTRA), ENC_REPEAT times interleaved"
for r in $(seq 1 "${ENC_REPEAT:-1}"); do
  while read -r p c t; do [ -n "$p" ] && encode "$p" "$c" "${t:--}"; done <<< "$(printf '%s\n' "${extra[@]}")"
done

# The live preview (issue 15 §4): the same frames scaled to 640x360 (bicubic), encoded at ENC_PREVIEW settings;
# SSIM against the raw render scaled the same way.
encode_preview() {  # encode_preview PRESET CRF
  local p=$1 c=$2 key="preview 640x360 $1 crf$2" f="$out/preview-$1-$2.mp4"
  run "$key" ffmpeg "${rawin[@]}" -vf scale=640:360:flags=bicubic -c:v libx264 -preset "$p" -crf "$c" -profile:v high -pix_fmt yuv420p -an -f mp4 "file:$f" || return 0
  S[$key]=$(ffmpeg -hide_banner -nostdin -i "$f" "${rawin[@]:5}" -lavfi '[1:v]scale=640:360:flags=bicubic[r];[0:v][r]ssim' -f null - 2>&1 \
    | sed -n 's/.*SSIM .* All:\([0-9.]*\).*/\1/p' | tail -1)
  B[$key]=$(stat -c %s "$f")
}
echo "== preview settings (ENC_PREVIEW)"
IFS=, read -r -a previews <<< "${ENC_PREVIEW:-ultrafast 28,superfast 28}"
for pv in "${previews[@]}"; do read -r p c <<< "$pv"; [ -n "$p" ] && encode_preview "$p" "$c"; done

echo "== end to end: the captured command (graph + x264 + audio)"
e2e() {  # e2e NAME PRESET CRF TUNE
  local name=$1 p=$2 c=$3 t=$4 f="$out/e2e-$1.mp4"
  captured_cmd "$work/enc-cmd.args" "$f" "$p" "$c"
  local -a cmd=("${C[@]}")
  if [ "$t" != - ]; then  # -tune goes right after -preset
    local -a with=(); local j
    for ((j = 0; j < ${#cmd[@]}; j++)); do with+=("${cmd[j]}"); [ "${cmd[j]}" = -preset ] && { with+=("${cmd[j+1]}" -tune "$t"); j=$((j + 1)); }; done
    cmd=("${with[@]}")
  fi
  run "e2e $name" "${cmd[@]}"
  S[e2e $name]=$(ssim_raw "$f"); B[e2e $name]=$(stat -c %s "$f")
}
if [ "${ENC_E2E:-1}" = 1 ]; then
  e2e "today (fast crf23)" fast 23 -
  e2e "choice (${choice[*]})" "${choice[@]}"
fi

echo "== uptime after: $(uptime)"
[ "${KEEP_RAW:-0}" = 1 ] || rm -f "$raw"
echo
echo "SSIM = All, mean over $nframes frames, against the raw (lossless) render of the same graph; CPU = user+sys s"
echo "(a setting run several times shows the median, its samples in the last column)"
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
printf '%-34s %8s %8s %10s %9s  %s\n' setting "wall s" "cpu s" "bytes" "SSIM" "verdict"
for key in "${keys[@]}"; do
  v=""; [ -n "${S[$key]:-}" ] && v=$(awk -v s="${S[$key]}" 'BEGIN { print (s >= 0.988) ? "ok (margin)" : (s >= 0.985) ? "ok" : "below 0.985" }')
  samples=""; [[ "${U[$key]}" == *" "* ]] && samples="cpu samples: ${U[$key]}"
  printf '%-34s %8s %8s %10s %9s  %-12s %s\n' "$key" "$(median ${W[$key]})" "$(median ${U[$key]})" "${B[$key]:-}" "${S[$key]:-}" "$v" "$samples"
done
