#!/usr/bin/env bash
# Benchmark of issue 4 (`cutroom create`): a 30 s 1920x1080 30 fps slideshow of five 4000x3000
# photos with crossfades, a logo, a title and music, made by
#   a. the best hand-written ffmpeg command (each JPEG decoded once, repeated with the `loop` filter),
#   b. the same command with `-loop 1` image inputs (the naive way; NAIVE_RUNS times, default 1),
#   c. MLT's melt (an MLT XML of the same timeline),
#   d. Cutroom's own ffmpeg command (captured with --log) re-run at x264 medium CRF 23, with and
#      without Ken Burns motion, and `cutroom create --quality medium` end to end (both motions),
#   e. Cutroom's default export settings end to end (the default quality is medium, so this is the
#      --motion auto run of d),
#   f. SSIM against lossless renders (crf 0) of the same Cutroom drafts and of melt's timeline,
#   g. (issue 15) `cutroom create` as it renders by default (in chunks, cold render cache) against the
#      best one-pass ffmpeg command with the same motion and the same x264 settings (Cutroom's own
#      one-pass command, captured with CUTROOM_RENDER_CHUNKS=off CUTROOM_RENDER_MOTION=ffmpeg: one self-contained command) and the hand command, a re-export
#      after a title edit (warm cache), the live preview after the same edit, and the peak memory of
#      the whole process tree (every ffmpeg at once).
# Each timed job runs RUNS times (median wall clock; peak RSS is the largest of the runs), all in
# this one run, interleaved so that a change of machine load hits every contender alike.
#   usage: bench/create.sh [RUNS]        (default 3)
#   env:   NAIVE_RUNS (default 1; 0 skips b), ONLY15=1 (only the issue-15 rows, melt and the hand command), CUTROOM_BENCH_DIR (default /tmp/cutroom-bench-create),
#          CUTROOM_MEDIA (default ~/.cache/cutroom-media, from /work/shared/media/fetch-media.sh)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-3}
naive_runs=${NAIVE_RUNS:-1}
[ "${ONLY15:-0}" = 1 ] && naive_runs=0
work=${CUTROOM_BENCH_DIR:-/tmp/cutroom-bench-create}
media=${CUTROOM_MEDIA:-$HOME/.cache/cutroom-media}
out="$work/out"
mkdir -p "$work/photos" "$out"

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(free -g | awk '/^Mem:/ {print $2}') GB RAM"
echo "== date: $(date -u '+%Y-%m-%d %H:%M UTC'); ffmpeg $(ffmpeg -version | head -1 | awk '{print $3}')"
echo "== uptime before: $(uptime)"

# ---- 1. inputs (once) -------------------------------------------------------------------------
names=(skagen sunset snow pool donna)
photos=()
for n in "${names[@]}"; do
  p="$work/photos/photo-$n-4000x3000.jpg"
  if [ ! -f "$p" ]; then
    echo "making $p (once)..." >&2
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
font=$(fc-match -f '%{file}' 'Noto Sans CJK SC')

"$here/scripts/setup.sh"
cutroom=(dotnet "$here/artifacts/cli/cutroom.dll")

# melt (Debian package melt) needs an X server for its Qt image and text modules: install melt and
# xvfb when missing (as root), then run one Xvfb for the whole benchmark (not timed).
melt_ok=1; melt_why=""
if ! command -v melt >/dev/null 2>&1 || ! command -v Xvfb >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq melt xvfb >/dev/null 2>&1 \
      || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq melt xvfb >/dev/null 2>&1; } \
      || { melt_ok=0; melt_why="apt-get install melt xvfb failed"; }
  else
    melt_ok=0; melt_why="melt/xvfb missing and not root: sudo apt-get install -y melt xvfb"
  fi
fi
xvfb_pid=""
cleanup() { if [ -n "$xvfb_pid" ]; then kill "$xvfb_pid" 2>/dev/null || true; fi; }
trap cleanup EXIT
if [ "$melt_ok" = 1 ]; then
  disp=97; while [ -e "/tmp/.X11-unix/X$disp" ] || [ -e "/tmp/.X$disp-lock" ]; do disp=$((disp + 1)); done
  Xvfb ":$disp" -screen 0 640x480x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb_pid=$!
  for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X$disp" ] && break; sleep 0.1; done
  [ -e "/tmp/.X11-unix/X$disp" ] || { melt_ok=0; melt_why="Xvfb :$disp did not start"; }
fi

# ---- the MLT timeline: same cuts as Cutroom's draft (clips of 204 frames = 6 s + the 0.8 s mix,
# the last 180), alternating on two tracks with luma (dissolve) transitions, crop center=1 (cover),
# a watermark at Cutroom's place and size (230x156 at 43 px from the top-right corner, 90 %),
# the title for 4 s, the music at 0.8 (-1.94 dB) faded in 0.5 s and out over the last 2 s.
write_mlt() {
  local f="$1" starts=(0 180 360 540 720) lens=(204 204 204 204 180) i t cur
  {
    echo '<?xml version="1.0" encoding="utf-8"?>'
    echo '<mlt LC_NUMERIC="C" producer="main">'
    echo '  <profile description="HD 1080p 30 fps" width="1920" height="1080" progressive="1" sample_aspect_num="1" sample_aspect_den="1" display_aspect_num="16" display_aspect_den="9" frame_rate_num="30" frame_rate_den="1" colorspace="709"/>'
    for i in 0 1 2 3 4; do
      echo "  <producer id=\"p$i\" in=\"0\" out=\"$((lens[i] - 1))\"><property name=\"resource\">${photos[i]}</property><property name=\"mlt_service\">qimage</property><property name=\"length\">${lens[i]}</property><property name=\"ttl\">1</property>"
      echo '    <filter><property name="mlt_service">crop</property><property name="center">1</property></filter></producer>'
    done
    echo "  <producer id=\"music\" in=\"0\" out=\"899\"><property name=\"resource\">$music</property><property name=\"mlt_service\">avformat</property>"
    echo '    <filter><property name="mlt_service">volume</property><property name="level">0=-60;15=-1.94;840=-1.94;899=-60</property></filter></producer>'
    for t in 0 1; do
      echo "  <playlist id=\"v$t\">"; cur=0
      for ((i = t; i < 5; i += 2)); do
        [ "${starts[i]}" -gt "$cur" ] && echo "    <blank length=\"$((starts[i] - cur))\"/>"
        echo "    <entry producer=\"p$i\" in=\"0\" out=\"$((lens[i] - 1))\"/>"; cur=$((starts[i] + lens[i]))
      done
      echo '  </playlist>'
    done
    echo '  <playlist id="a0"><entry producer="music" in="0" out="899"/></playlist>'
    echo '  <tractor id="main" in="0" out="899">'
    echo '    <multitrack><track producer="v0"/><track producer="v1"/><track producer="a0" hide="video"/></multitrack>'
    for i in 1 2 3 4; do
      echo "    <transition in=\"${starts[i]}\" out=\"$((starts[i] + 23))\"><property name=\"mlt_service\">luma</property><property name=\"a_track\">0</property><property name=\"b_track\">1</property><property name=\"reverse\">$(( i % 2 == 1 ? 0 : 1 ))</property></transition>"
    done
    echo '    <transition><property name="mlt_service">mix</property><property name="a_track">0</property><property name="b_track">2</property><property name="always_active">1</property><property name="sum">1</property></transition>'
    echo "    <filter><property name=\"mlt_service\">watermark</property><property name=\"resource\">$logo</property><property name=\"composite.geometry\">1647/43:230x156:90</property><property name=\"composite.fill\">1</property><property name=\"composite.distort\">1</property></filter>"
    echo "    <filter in=\"0\" out=\"119\"><property name=\"mlt_service\">dynamictext</property><property name=\"argument\">$title</property><property name=\"geometry\">0 0 1920 1080</property><property name=\"family\">Noto Sans CJK SC</property><property name=\"size\">108</property><property name=\"fgcolour\">0xffffffff</property><property name=\"halign\">center</property><property name=\"valign\">middle</property></filter>"
    echo '  </tractor>'
    echo '</mlt>'
  } > "$f"
}
write_mlt "$work/slideshow.mlt"
# Each *_cmd function puts its command line in the array C; measure runs it.
melt_cmd() {  # melt_cmd OUT PRESET CRF
  C=(env DISPLAY=":$disp" melt -silent "$work/slideshow.mlt" -consumer "avformat:$1" vcodec=libx264 preset="$2" crf="$3" \
    acodec=aac ab=128k ar=48000 channels=2 pix_fmt=yuv420p movflags=+faststart real_time=-2)
}

# ---- a/b. the hand-written ffmpeg commands ------------------------------------------------------
# Cover 1920x1080, square pixels, yuv420p, 30 fps, time base 1/30 on every xfade input; clips of
# 204 frames (6 s + the 0.8 s crossfade), the last 180; 900 frames in all.
hand_graph() {  # hand_graph once|naive
  local i g="" loops=(203 203 203 203 179)
  for i in 0 1 2 3 4; do
    g+="[$i:v]scale=1920:1080:force_original_aspect_ratio=increase:flags=lanczos,crop=1920:1080,setsar=1,format=yuv420p"
    [ "$1" = once ] && g+=",loop=loop=${loops[i]}:size=1"
    g+=",settb=1/30,setpts=N[p$i];"
  done
  g+="[p0][p1]xfade=transition=fade:duration=0.8:offset=6[x1];[x1][p2]xfade=transition=fade:duration=0.8:offset=12[x2];"
  g+="[x2][p3]xfade=transition=fade:duration=0.8:offset=18[x3];[x3][p4]xfade=transition=fade:duration=0.8:offset=24[x4];"
  g+="[5:v]scale=230:-2:flags=lanczos,format=rgba,colorchannelmixer=aa=0.9[logo];"
  g+="[x4][logo]overlay=x=W-w-43:y=43:format=yuv420[ov];"
  g+="[ov]drawtext=fontfile=$font:textfile=$work/title.txt:fontsize=108:fontcolor=white:x=(w-text_w)/2:y=(h-text_h)/2"
  g+=":shadowx=2:shadowy=2:shadowcolor=black@0.6:alpha='clip(min(t/0.4,(4-t)/0.4),0,1)':enable='between(t,0,4)',format=yuv420p[v];"
  g+="[6:a]volume=0.8,afade=t=in:d=0.5,afade=t=out:st=28:d=2[a]"
  printf '%s' "$g"
}
hand_cmd() {  # hand_cmd once|naive OUT [encoder args...]
  local mode="$1" o="$2" i in=() durs=(6.8 6.8 6.8 6.8 6); shift 2
  for i in 0 1 2 3 4; do
    if [ "$mode" = once ]; then in+=(-framerate 30 -i "${photos[i]}"); else in+=(-loop 1 -framerate 30 -t "${durs[i]}" -i "${photos[i]}"); fi
  done
  C=(ffmpeg -hide_banner -nostdin -v error -y "${in[@]}" -framerate 30 -i "$logo" -t 30 -i "$music"
     -filter_complex "$(hand_graph "$mode")" -map '[v]' -map '[a]' "$@" "$o")
}
x264_medium=(-c:v libx264 -preset medium -crf 23 -pix_fmt yuv420p -c:a aac -b:a 128k -ar 48000 -movflags +faststart)

# ---- d. Cutroom's own command, captured from `cutroom create --log` --------------------------------
create_cmd() {  # create_cmd none|auto OUT [extra args]
  local m="$1" o="$2"; shift 2
  C=(env CUTROOM_RENDER_CACHE="${RENDER_CACHE:-off}" CUTROOM_RENDER_CHUNKS="${RENDER_CHUNKS:-on}" CUTROOM_RENDER_MOTION="${RENDER_MOTION:-}" "${cutroom[@]}" create "${photos[@]}" --music "$music" --logo "$logo" --title "$title" --duration 30
     --transition crossfade --motion "$m" -o "$o" "$@")
}
# The log's first line is the command, arguments with spaces in double quotes. Saved NUL-separated
# with the (deleted) title file and the temporary output name replaced.
capture() {  # capture LOG ARGSFILE
  python3 - "$1" "$2" "$work/title.txt" <<'EOF'
import re, sys
line = open(sys.argv[1], encoding="utf-8").readline().rstrip("\n")
args, cur, quoted, started = [], "", False, False
for ch in line:
    if ch == '"': quoted = not quoted; started = True
    elif ch == " " and not quoted:
        if started: args.append(cur); cur, started = "", False
    else: cur += ch; started = True
if started: args.append(cur)
assert args[0] == "ffmpeg" and "-filter_complex" in args, "no inline -filter_complex in the captured command"
args = [re.sub(r"textfile=[^:]*text-[0-9a-f]+\.txt", "textfile=" + sys.argv[3], a) for a in args[1:]]
args[-1] = "@OUT@"
open(sys.argv[2], "wb").write(b"\0".join(a.encode() for a in args))
EOF
}
captured_cmd() {  # captured_cmd ARGSFILE OUT PRESET CRF | ARGSFILE OUT null
  local -a a r=(); local i skip=0
  mapfile -d '' a < "$1"
  for ((i = 0; i < ${#a[@]}; i++)); do
    if [ "$3" = null ] && [ "${a[i]}" = "-map" ] && [ "${a[i+1]}" = "[aout]" ]; then r+=(-map '[aout]' -f null -); break; fi
    case "${a[i]}" in
      -preset) r+=(-preset "$3"); i=$((i + 1)) ;;
      -crf) r+=(-crf "$4"); i=$((i + 1)) ;;
      -profile:v) if [ "$4" = 0 ]; then i=$((i + 1)); else r+=("${a[i]}"); fi ;;  # lossless needs High 4:4:4 Predictive
      @OUT@) r+=("file:$2") ;;
      *) r+=("${a[i]}") ;;
    esac
  done
  C=(ffmpeg "${r[@]}")
}

# ---- measuring ----------------------------------------------------------------------------------
declare -A S T U M   # T[name]="s1 s2 ..." wall seconds; U[name] the same in CPU seconds (user+sys); M[name]=largest peak RSS (KB)
measure() {  # measure NAME BUILDER ARGS...  (runs the builder's command once, appends the sample, prints it with the 1-minute load)
  local name="$1" s m us sy load; shift
  "$@"
  load=$(cut -d' ' -f1 /proc/loadavg)
  if ! /usr/bin/time -f '%e %M %U %S' -o "$work/time.txt" "${C[@]}" >"$work/last.log" 2>&1; then
    echo "FAILED: $name (see $work/last.log)" >&2; tail -5 "$work/last.log" >&2; return 1
  fi
  read -r s m us sy < <(tail -1 "$work/time.txt")
  T[$name]="${T[$name]:-} $s"
  U[$name]="${U[$name]:-} $(awk -v a="$us" -v b="$sy" 'BEGIN { print a + b }')"
  [ "${M[$name]:-0}" -ge "$m" ] || M[$name]=$m
  printf '  %-28s %8.2f s wall %8.2f s cpu  %5d MB  (load %s)\n' "$name" "$s" "$(awk -v a="$us" -v b="$sy" 'BEGIN { print a + b }')" $((m / 1024)) "$load"
}
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
med() { [ -n "${T[$1]:-}" ] && median ${T[$1]} || echo ""; }
medcpu() { [ -n "${U[$1]:-}" ] && median ${U[$1]} || echo ""; }

echo "== capture Cutroom's commands (these create runs are run 1 of 'create medium')"
for m in none auto; do
  rm -f "$work/create-$m.log"
  RENDER_CHUNKS=off RENDER_MOTION=ffmpeg measure "create medium $m" create_cmd "$m" "$out/create-$m.mp4" --quality medium --draft-out "$work/draft-$m.json" --log "$work/create-$m.log"
  capture "$work/create-$m.log" "$work/cmd-$m.args"
done

for i in $(seq 1 "$runs"); do
  echo "== run $i/$runs"
  measure "hand ffmpeg (loop filter)" hand_cmd once "$out/hand.mp4" "${x264_medium[@]}"
  if [ "$melt_ok" = 1 ]; then
    measure "melt" melt_cmd "$out/melt.mp4" medium 23 || { melt_ok=0; melt_why="melt failed: $(tail -3 "$work/last.log" | tr '\n' ' ')"; }
  fi
  [ "${ONLY15:-0}" = 1 ] && continue
  measure "cutroom cmd none x264med" captured_cmd "$work/cmd-none.args" "$out/cmd-none.mp4" medium 23
  measure "cutroom cmd auto x264med" captured_cmd "$work/cmd-auto.args" "$out/cmd-auto.mp4" medium 23
  # the default export's own x264 settings (OutputSpecs.ForRender medium: superfast CRF 22 since issue 15)
  measure "cutroom cmd none x264fast" captured_cmd "$work/cmd-none.args" "$out/cmd-none-fast.mp4" superfast 22
  if [ "$i" -gt 1 ]; then
    RENDER_CHUNKS=off RENDER_MOTION=ffmpeg measure "create medium none" create_cmd none "$out/create-none.mp4" --quality medium
    RENDER_CHUNKS=off RENDER_MOTION=ffmpeg measure "create medium auto" create_cmd auto "$out/create-auto.mp4" --quality medium
  fi
done

# ---- g. issue 15: renders in chunks, a re-export after an edit, the live preview ---------------------
# peak_tree: run C in the background and sample the summed RSS of its whole process tree (every ffmpeg
# of a chunked render at once) every 0.2 s; the largest sum goes to P[name] (KB).
declare -A P
tree_rss() {  # tree_rss PID -> summed RSS (KB) of PID and its descendants
  ps -e -o pid=,ppid=,rss= | awk -v root="$1" '{ p[$1] = $2; r[$1] = $3 } END {
    for (pid in p) { x = pid; while (x != "" && x != root && x != 0 && x != 1) x = p[x]; if (x == root) s += r[pid] } print s + 0 }'
}
measure_tree() {  # measure_tree NAME BUILDER ARGS...: like measure, and the peak of the whole process tree
  local name="$1" peak=0 cur pid load; shift
  "$@"
  load=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -f '%e %M %U %S' -o "$work/time.txt" "${C[@]}" >"$work/last.log" 2>&1 & pid=$!
  while kill -0 "$pid" 2>/dev/null; do cur=$(tree_rss "$pid"); [ "$cur" -gt "$peak" ] && peak=$cur; sleep 0.2; done
  wait "$pid" || { echo "FAILED: $name (see $work/last.log)" >&2; tail -5 "$work/last.log" >&2; return 1; }
  local s m us sy cpu; read -r s m us sy < <(tail -1 "$work/time.txt")
  cpu=$(awk -v a="$us" -v b="$sy" 'BEGIN { print a + b }')
  T[$name]="${T[$name]:-} $s"
  U[$name]="${U[$name]:-} $cpu"
  [ "${P[$name]:-0}" -ge "$peak" ] || P[$name]=$peak
  printf '  %-28s %8.2f s wall %8.2f s cpu  peak tree %5d MB  (load %s)\n' "$name" "$s" "$cpu" $((peak / 1024)) "$load"
}
render_cmd() {  # render_cmd DRAFT OUT CACHE [extra args]: `cutroom render` with the render cache CACHE
  local d="$1" o="$2" c="$3"; shift 3
  C=(env CUTROOM_RENDER_CACHE="$c" "${cutroom[@]}" render "$d" -o "$o" "$@")
}
create_cold() {  # create_cold none|auto OUT CACHE: `cutroom create` as it runs by default (chunks on), the cache emptied first
  rm -rf "$3"; RENDER_CACHE="$3" RENDER_CHUNKS=on create_cmd "$1" "$2"
}
echo "== issue 15: the default export in chunks, a re-export after an edit, the preview"
# The default export's x264 settings, read from a default `create` (its chunk commands).
rm -rf "$work/cache-probe"
RENDER_CACHE="$work/cache-probe" measure "create default (log)" create_cmd auto "$out/create-default.mp4" --log "$work/create-default.log"
dpreset=$(grep -o -- '-preset [a-z]*' "$work/create-default.log" | head -1 | cut -d' ' -f2)
dcrf=$(grep -o -- '-crf [0-9]*' "$work/create-default.log" | head -1 | cut -d' ' -f2)
echo "  default export: x264 $dpreset CRF $dcrf"
x264_default=(-c:v libx264 -preset "$dpreset" -crf "$dcrf" -pix_fmt yuv420p -c:a aac -b:a 128k -ar 48000 -movflags +faststart)
# The edit: "make the title bigger" (x1.25), on the Ken Burns draft create made.
python3 - "$work/draft-auto.json" "$work/draft-edited.json" <<'PYEOF'
import json, sys
d = json.load(open(sys.argv[1]))
for t in d["t"]:
    for s in t.get("sg", []):
        m = s.get("m", {})
        if "text" in m: m["size"] = round(m.get("size", 108) * 1.25)
json.dump(d, open(sys.argv[2], "w"))
PYEOF
for i in $(seq 1 "$runs"); do
  echo "== issue 15 run $i/$runs"
  measure "hand ffmpeg @default" hand_cmd once "$out/hand-default.mp4" "${x264_default[@]}"
  measure "1-pass cmd auto @default" captured_cmd "$work/cmd-auto.args" "$out/cmd-auto-default.mp4" "$dpreset" "$dcrf"
  measure "1-pass cmd none @default" captured_cmd "$work/cmd-none.args" "$out/cmd-none-default.mp4" "$dpreset" "$dcrf"
  measure_tree "create default (cold)" create_cold auto "$out/create-default.mp4" "$work/cache-$i"
  measure "re-export after title edit" render_cmd "$work/draft-edited.json" "$out/reexport.mp4" "$work/cache-$i" --quality medium
  measure "create --motion none (cold)" create_cold none "$out/create-none-chunked.mp4" "$work/cache-none-$i"
  # The preview of the draft before the edit warms the cache (not timed); then the preview after the edit.
  render_cmd "$work/draft-auto.json" "$out/preview-before.mp4" "$work/cache-$i" --preview; "${C[@]}" >/dev/null 2>&1
  measure "preview after title edit" render_cmd "$work/draft-edited.json" "$out/preview-after.mp4" "$work/cache-$i" --preview
  measure "preview, cold cache" render_cmd "$work/draft-auto.json" "$out/preview-cold.mp4" "$work/cache-cold-$i" --preview
  rm -rf "$work/cache-cold-$i"
done
S15_default=$(ffmpeg -hide_banner -nostdin -i "$out/create-default.mp4" -i "$out/cmd-auto-default.mp4" -lavfi '[0:v][1:v]ssim' -f null - 2>&1 | sed -n 's/.*SSIM .* All:\([0-9.]*\).*/\1/p' | tail -1)

if [ "$naive_runs" -gt 0 ]; then
  echo "== naive hand ffmpeg (-loop 1 inputs), $naive_runs run(s)"
  for i in $(seq 1 "$naive_runs"); do measure "hand ffmpeg (-loop 1)" hand_cmd naive "$out/naive.mp4" "${x264_medium[@]}"; done
fi

if [ "${ONLY15:-0}" != 1 ]; then
echo "== the graphs without encoding (once, -f null)"
measure "hand graph only" hand_cmd once - -f null
measure "cutroom graph none only" captured_cmd "$work/cmd-none.args" - null
measure "cutroom graph auto only" captured_cmd "$work/cmd-auto.args" - null

echo "== lossless references (crf 0 ultrafast, once)"
measure "lossless cutroom none" captured_cmd "$work/cmd-none.args" "$out/ref-none.mp4" ultrafast 0
measure "lossless cutroom auto" captured_cmd "$work/cmd-auto.args" "$out/ref-auto.mp4" ultrafast 0
[ "$melt_ok" = 1 ] && measure "lossless melt" melt_cmd "$out/ref-melt.mp4" ultrafast 0

ssim() {  # ssim DISTORTED REFERENCE -> the "All" SSIM over every frame
  ffmpeg -hide_banner -nostdin -i "$1" -i "$2" -lavfi '[0:v][1:v]ssim' -f null - 2>&1 | sed -n 's/.*SSIM .* All:\([0-9.]*\).*/\1/p' | tail -1
}
frames() { ffprobe -v error -count_packets -select_streams v:0 -show_entries stream=nb_read_packets -of csv=p=0 "$1"; }
echo "== SSIM"
S[create-auto]=$(ssim "$out/create-auto.mp4" "$out/ref-auto.mp4")
S[create-none]=$(ssim "$out/create-none.mp4" "$out/ref-none.mp4")
S[cmd-none]=$(ssim "$out/cmd-none.mp4" "$out/ref-none.mp4")
S[hand]=$(ssim "$out/hand.mp4" "$out/ref-none.mp4")
if [ "$melt_ok" = 1 ]; then
  S[melt]=$(ssim "$out/melt.mp4" "$out/ref-none.mp4")
  S[melt-own]=$(ssim "$out/melt.mp4" "$out/ref-melt.mp4")
fi
for f in hand create-none create-auto cmd-none melt; do
  [ -f "$out/$f.mp4" ] && echo "  $f.mp4: $(frames "$out/$f.mp4") frames, $(stat -c %s "$out/$f.mp4") bytes"
done
fi

# ---- 3. the table -------------------------------------------------------------------------------
echo "== uptime after: $(uptime)"
hand=$(med "hand ffmpeg (loop filter)"); melt=$(med "melt"); handc=$(medcpu "hand ffmpeg (loop filter)"); meltc=$(medcpu "melt")
ratio() { awk -v a="$1" -v b="${2:-0}" 'BEGIN { if (b > 0) printf "%.2fx", a/b; else print "-" }'; }
echo
echo "wall = median wall clock; cpu = median user+sys CPU seconds (steadier than wall on a shared machine)"
printf '%-28s %8s %8s %8s %9s %9s %9s %9s  %s\n' "job" "wall s" "cpu s" "peak MB" "wall/hand" "cpu/hand" "wall/melt" "cpu/melt" "wall samples (s)"
for k in "hand ffmpeg (loop filter)" "hand ffmpeg (-loop 1)" "melt" "cutroom cmd none x264med" "cutroom cmd auto x264med" "cutroom cmd none x264fast" \
         "create medium none" "create medium auto" "hand graph only" "cutroom graph none only" "cutroom graph auto only" \
         "lossless cutroom none" "lossless cutroom auto" "lossless melt" \
         "hand ffmpeg @default" "1-pass cmd auto @default" "1-pass cmd none @default" "create default (cold)" "re-export after title edit" \
         "create --motion none (cold)" "preview after title edit" "preview, cold cache"; do
  [ -n "${T[$k]:-}" ] || continue
  v=$(med "$k"); c=$(medcpu "$k")
  printf '%-28s %8s %8s %8d %9s %9s %9s %9s  %s\n' "$k" "$v" "${c:--}" $((${P[$k]:-${M[$k]:-0}} / 1024)) "$(ratio "$v" "$hand")" "$(ratio "$c" "$handc")" \
    "$(ratio "$v" "$melt")" "$(ratio "$c" "$meltc")" "${T[$k]# }"
done
echo
if [ "${ONLY15:-0}" != 1 ]; then
echo "motion cost (cutroom cmd auto / none, x264 medium CRF 23): wall $(ratio "$(med 'cutroom cmd auto x264med')" "$(med 'cutroom cmd none x264med')"), cpu $(ratio "$(medcpu 'cutroom cmd auto x264med')" "$(medcpu 'cutroom cmd none x264med')")"
echo "create end-to-end overhead over its own ffmpeg command (x264 superfast CRF 22, motion none): wall $(awk -v a="$(med 'create medium none')" -v b="$(med 'cutroom cmd none x264fast')" 'BEGIN { printf "%+.1f s", a-b }'), cpu $(awk -v a="$(medcpu 'create medium none')" -v b="$(medcpu 'cutroom cmd none x264fast')" 'BEGIN { printf "%+.1f s", a-b }')"
peak=${M[create medium auto]:-0}
echo "default export (create, quality medium = x264 superfast CRF 22, motion auto): $(med 'create medium auto') s (goal < 15 s), peak $((peak / 1024)) MB (goal < 1536 MB)"
echo
echo "SSIM (All, mean over 900 frames) against the lossless render of the same Cutroom draft:"
echo "  cutroom default (create medium, motion auto) vs lossless auto draft : ${S[create-auto]:-}"
echo "  cutroom create medium --motion none vs lossless none draft         : ${S[create-none]:-}"
echo "  cutroom cmd none at x264 medium CRF 23 vs lossless none draft      : ${S[cmd-none]:-}"
echo "  hand ffmpeg (x264 medium CRF 23) vs lossless none draft            : ${S[hand]:-}"
if [ "$melt_ok" = 1 ]; then
  echo "  melt (x264 medium CRF 23) vs lossless none draft                   : ${S[melt]:-}"
  echo "  melt (x264 medium CRF 23) vs melt's own lossless render            : ${S[melt-own]:-}"
else
  echo "  melt: not measured: $melt_why"
fi
fi
echo
echo "issue 15 goals (wall clock, medians; default export = x264 $dpreset CRF $dcrf):"
echo "  create default (chunked, cold cache)                : $(med 'create default (cold)') s wall, $(medcpu 'create default (cold)') s CPU (goal < 15 s wall)"
echo "  ... CPU / the one-pass command's CPU                 : $(ratio "$(medcpu 'create default (cold)')" "$(medcpu '1-pass cmd auto @default')")"
echo "  ... / the one-pass command, same motion and x264     : $(ratio "$(med 'create default (cold)')" "$(med '1-pass cmd auto @default')") (goal <= 0.8x)"
echo "  ... / melt                                           : $(ratio "$(med 'create default (cold)')" "$melt") (goal <= 0.5x)"
echo "  create --motion none / hand ffmpeg at the same x264  : $(ratio "$(med 'create --motion none (cold)')" "$(med 'hand ffmpeg @default')") (goal <= 0.9x)"
echo "  re-export after the title edit / create default      : $(ratio "$(med 're-export after title edit')" "$(med 'create default (cold)')") (goal <= 0.2x)"
echo "  preview after the title edit                         : $(med 'preview after title edit') s (goal <= 5 s); cold: $(med 'preview, cold cache') s"
echo "  peak memory of the whole render (process tree)       : $(( ${P[create default (cold)]:-0} / 1024 )) MB (goal < 1024 MB)"
echo "  SSIM of the chunked create vs the one-pass command   : $S15_default"
