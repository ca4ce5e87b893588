#!/usr/bin/env bash
# Benchmark of issue 15, section 1: the cost of Ken Burns motion on ONE still, by every way of making it
# that we know, in one run. One 4000x3000 photo (photo-skagen.jpg upscaled with lanczos, as bench/create.sh
# makes its photos) -> 1920x1080, 30 fps, 204 frames (a create clip: 6 s + the 0.8 s crossfade), along
# Cutroom's CameraPath (zoom-in 1 -> 1.2 and pan-right at 1.15), each
#   - graph only (`-f null -`) and encoded with one fixed x264 setting (today's default export: fast CRF 23);
#   - timed with /usr/bin/time (wall, user+sys CPU of every process of the pipeline, peak RSS of the largest);
#   - judged for smoothness the way AnimateSmoothnessTests does (a 16x16 white marker on grey, 1280x720
#     -> 640x360, 60 frames: every step of its centroid forward, within 1/2-2x the median step), and at
#     full size (a 4000x3000 marker picture -> 1920x1080, 204 frames); "spread" = (max-min)/median step;
#   - and for quality: SSIM of the encoded output against a lossless render of the sharpest chain
#     (supersampled canvas, cubic perspective; `ref` below).
# The ways (names in the table):
#   current        today's renderer: compose once at canvas size (rgb24 -> lanczos cover -> yuv420p -> crop),
#                  loop, per-frame perspective (linear, eval=frame)
#   ss-persp       the same composed at canvas x the path's largest zoom, perspective there, then scale
#                  (bicubic) to the canvas every frame (the animate job's chain)
#   persp-cubic    current with interpolation=cubic
#   persp-444      current with perspective on yuv444p (then back to yuv420p)
#   persp-1thread  current with -filter_complex_threads 1
#   persp-static   current with eval=init (NO motion: the floor, shows what the per-frame evaluation costs)
#   zoompan-k      zoompan on the picture composed at k x the canvas (k=1: whole-pixel windows; k=2, 4:
#                  supersampled, 1/k px windows)
#   scale-crop     per-frame scale (eval=frame) of the canvas-size picture to zoom x canvas, then crop (not in
#                  the default list: ffmpeg 5.1 does not follow a frame size that changes inside a graph, so
#                  the crop works on stale sizes and the picture is wrong, SSIM 0.74; WAYS=scale-crop shows it)
#   skia           bench/KenBurnsFrames: SkiaSharp 4.156.1 decodes the JPEG once (DCT-scaled), composes
#                  it at canvas x largest zoom (Mitchell), draws each frame with one matrix (bilinear) into
#                  RGBA, piped to ffmpeg (rgba -> yuv420p BT.709 there)
#   csharp         bench/KenBurnsFrames: ffmpeg composes once at canvas x largest zoom (as StillCanvas does)
#                  to a raw yuv420p file; plain C# resamples each plane per frame (separable bilinear, 8+8
#                  fractional bits), yuv420p piped to ffmpeg
#   usage: bench/kenburns.sh [RUNS]     (default 1; with more, the median wall/CPU of RUNS interleaved runs)
#   env:   CUTROOM_BENCH_DIR (default /tmp/cutroom-bench-kenburns), CUTROOM_MEDIA (default ~/.cache/cutroom-media),
#          WAYS (default all, e.g. WAYS="current csharp"), MOTIONS (default "zoom-in pan-right"),
#          X264 (default "-preset fast -crf 23")
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-1}
work=${CUTROOM_BENCH_DIR:-/tmp/cutroom-bench-kenburns}
media=${CUTROOM_MEDIA:-$HOME/.cache/cutroom-media}
ways=(${WAYS:-current ss-persp persp-cubic persp-444 persp-1thread persp-static zoompan-1 zoompan-2 zoompan-4 skia csharp})
motions=(${MOTIONS:-zoom-in pan-right})
read -r -a x264 <<< "${X264:--preset fast -crf 23}"
out="$work/out"
mkdir -p "$out"

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(free -g | awk '/^Mem:/ {print $2}') GB RAM"
echo "== date: $(date -u '+%Y-%m-%d %H:%M UTC'); ffmpeg $(ffmpeg -version | head -1 | awk '{print $3}'); x264 ${x264[*]}"
echo "== uptime before: $(uptime)"

# ---- inputs (once, not timed) ---------------------------------------------------------------------
photo="$work/photo-skagen-4000x3000.jpg"
if [ ! -f "$photo" ]; then
  ffmpeg -hide_banner -nostdin -v error -y -i "$media/image/photo-skagen.jpg" \
    -vf "scale=4000:3000:force_original_aspect_ratio=increase:flags=lanczos,crop=4000:3000" -q:v 3 "$photo.tmp.jpg"
  mv "$photo.tmp.jpg" "$photo"
fi
# The test's marker (AnimateKit.MarkerImage(1088, 600)) and the same picture at 4000x3000 (scaled 3.125x).
marker_small="$work/marker-1280x720.png"; marker_big="$work/marker-4000x3000.png"
[ -f "$marker_small" ] || ffmpeg -hide_banner -nostdin -v error -y -f lavfi -i "color=c=0x404040:s=1280x720:d=1,drawbox=x=1080:y=592:w=16:h=16:c=white:t=fill" -frames:v 1 "$marker_small"
[ -f "$marker_big" ] || ffmpeg -hide_banner -nostdin -v error -y -f lavfi -i "color=c=0x404040:s=4000x2250:d=1,drawbox=x=3375:y=1850:w=50:h=50:c=white:t=fill,pad=4000:3000:0:375:color=0x404040" -frames:v 1 "$marker_big"
echo "building bench/KenBurnsFrames (once)..." >&2
dotnet build "$here/bench/KenBurnsFrames" -c Release -v q -nologo 2>&1 | grep -E "error|rror\(s\)" >&2 || true
tool=(dotnet "$here/bench/KenBurnsFrames/bin/Release/net10.0/KenBurnsFrames.dll")

# ---- the camera path (CameraPath.For: zoom-in 1 -> 1.2 at the centre; pan-right at 1.15, centre x from
# e to 1-e with e = 0.5/1.15), as ffmpeg expressions of a progress P (0 on the first frame, 1 on the last)
num() { awk "BEGIN { printf \"%.9g\", $1 }"; }   # num EXPR: an arithmetic expression, evaluated
path_for() {  # path_for MOTION -> sets Z0 Z1 X0 X1 Y0 Y1 ZMAX
  case "$1" in
    zoom-in) Z0=1; Z1=1.2; X0=0.5; X1=0.5; Y0=0.5; Y1=0.5 ;;
    pan-right) Z0=1.15; Z1=1.15; X0=$(num "0.5/1.15"); X1=$(num "1-0.5/1.15"); Y0=0.5; Y1=0.5 ;;
    *) echo "unknown motion $1" >&2; exit 2 ;;
  esac
  ZMAX=$(awk -v a="$Z0" -v b="$Z1" 'BEGIN { print (a > b) ? a : b }')
}
lerp() { if [ "$1" = "$2" ]; then echo "$1"; else echo "($1+($(num "$2-$1"))*$3)"; fi; }   # lerp FROM TO P (a constant when FROM = TO, as CameraPath writes it)
even() { awk "BEGIN { printf \"%d\", int(($1) / 2 + 0.5) * 2 }"; }   # even EXPR: rounded to even
# compose IW IH CW CH -> StillCanvas.Compose (cover): rgb24, lanczos to the cover size with BT.709 limited, yuv420p, centre crop
compose() {
  local iw=$1 ih=$2 cw=$3 ch=$4 sw sh
  read -r sw sh < <(awk -v iw="$iw" -v ih="$ih" -v cw="$cw" -v ch="$ch" 'BEGIN { s = (cw/iw > ch/ih) ? cw/iw : ch/ih;
    w = iw*s - 1e-6; h = ih*s - 1e-6; w = (w == int(w)) ? w : int(w)+1; h = (h == int(h)) ? h : int(h)+1; if (w < cw) w = cw; if (h < ch) h = ch; print w, h }')
  echo "format=rgb24,scale=$sw:$sh:flags=lanczos:out_color_matrix=bt709:out_range=tv,format=yuv420p,crop=$cw:$ch:$(((sw - cw) / 2)):$(((sh - ch) / 2)),setsar=1"
}
hold() { echo "loop=loop=$(($1 - 1)):size=1,settb=1/30,setpts=N"; }
# perspective CW CH N [interp] [eval]: the view's corners on a CW x CH picture (CameraPath.PerspectiveCorners)
perspective() {
  local cw=$1 ch=$2 n=$3 interp=${4:-linear} ev=${5:-frame} p z cx cy
  p="clip((in-1)/$((n - 1))\,0\,1)"; z=$(lerp "$Z0" "$Z1" "$p")
  cx="$(lerp "$(num "$X0*$cw")" "$(num "$X1*$cw")" "$p")"; cy="$(lerp "$(num "$Y0*$ch")" "$(num "$Y1*$ch")" "$p")"
  local l="$cx-$(num "$cw/2")/$z" r="$cx+$(num "$cw/2")/$z" t="$cy-$(num "$ch/2")/$z" b="$cy+$(num "$ch/2")/$z"
  echo "perspective=x0=$l:y0=$t:x1=$r:y1=$t:x2=$l:y2=$b:x3=$r:y3=$b:interpolation=$interp:sense=source:eval=$ev"
}

# ---- the ways: way NAME IMG IW IH W H N -> G or P (below) ------------------------------
# A graph way sets G (the graph from [0:v] to [v]) and T (extra global options); a pipe way sets P (a shell
# pipeline ending in an ffmpeg that reads raw frames from stdin and writes to the sink given as "$@").
way() {
  local name=$1 img=$2 iw=$3 ih=$4 w=$5 h=$6 n=$7 cw ch k
  G=""; P=""; XT=()
  cw=$(even "$w*$ZMAX"); ch=$(even "$h*$ZMAX")
  case "$name" in
    current)       G="$(compose "$iw" "$ih" "$w" "$h"),$(hold "$n"),$(perspective "$w" "$h" "$n")" ;;
    ss-persp)      G="$(compose "$iw" "$ih" "$cw" "$ch"),$(hold "$n"),$(perspective "$cw" "$ch" "$n"),scale=$w:$h:flags=bicubic,setsar=1" ;;
    ref)           G="$(compose "$iw" "$ih" "$cw" "$ch"),$(hold "$n"),$(perspective "$cw" "$ch" "$n" cubic),scale=$w:$h:flags=lanczos,setsar=1" ;;
    persp-cubic)   G="$(compose "$iw" "$ih" "$w" "$h"),$(hold "$n"),$(perspective "$w" "$h" "$n" cubic)" ;;
    persp-444)     G="$(compose "$iw" "$ih" "$w" "$h"),format=yuv444p,$(hold "$n"),$(perspective "$w" "$h" "$n"),format=yuv420p" ;;
    persp-1thread) G="$(compose "$iw" "$ih" "$w" "$h"),$(hold "$n"),$(perspective "$w" "$h" "$n")"; XT=(-filter_complex_threads 1) ;;
    persp-static)  G="$(compose "$iw" "$ih" "$w" "$h"),$(hold "$n"),$(perspective "$w" "$h" "$n" linear init)" ;;
    zoompan-*)
      k=${name#zoompan-}
      local p="on/$((n - 1))"
      G="$(compose "$iw" "$ih" $((w * k)) $((h * k))),$(hold "$n"),zoompan=z='$(lerp "$Z0" "$Z1" "$p")':x='iw*$(lerp "$X0" "$X1" "$p")-iw/zoom/2':y='ih*$(lerp "$Y0" "$Y1" "$p")-ih/zoom/2':d=1:s=${w}x$h:fps=30,setsar=1" ;;
    scale-crop)
      local p="n/$((n - 1))" z
      z=$(lerp "$Z0" "$Z1" "$p")
      G="$(compose "$iw" "$ih" "$w" "$h"),$(hold "$n"),scale=w='2*round($w*$z/2)':h='2*round($h*$z/2)':eval=frame:flags=bicubic,crop=$w:$h:x='iw*$(lerp "$X0" "$X1" "$p")-ow/2':y='ih*$(lerp "$Y0" "$Y1" "$p")-oh/2',setsar=1" ;;
    skia)
      P="${tool[*]} draw --image '$img' --width $w --height $h --frames $n --motion $motion --supersample max --sampling linear 2>>'$work/tool.log' \
         | ffmpeg -hide_banner -nostdin -v error -y -f rawvideo -pix_fmt rgba -s ${w}x$h -framerate 30 -i - \
           -vf 'scale=out_color_matrix=bt709:out_range=tv,format=yuv420p' \"\$@\"" ;;
    csharp)
      local raw="$work/composed-${cw}x$ch-$(basename "$img").yuv"
      P="ffmpeg -hide_banner -nostdin -v error -y -i '$img' -vf '$(compose "$iw" "$ih" "$cw" "$ch")' -f rawvideo '$raw' \
         && ${tool[*]} resample --in '$raw' --in-width $cw --in-height $ch --width $w --height $h --frames $n --motion $motion 2>>'$work/tool.log' \
         | ffmpeg -hide_banner -nostdin -v error -y -f rawvideo -pix_fmt yuv420p -s ${w}x$h -framerate 30 -i - \"\$@\"" ;;
    *) echo "unknown way $name" >&2; exit 2 ;;
  esac
}
# build NAME IMG IW IH W H N SINK... -> C, the command to time
build() {
  local name=$1 img=$2 iw=$3 ih=$4 w=$5 h=$6 n=$7; shift 7
  way "$name" "$img" "$iw" "$ih" "$w" "$h" "$n"
  if [ -n "$G" ]; then
    C=(ffmpeg -hide_banner -nostdin -v error -y "${XT[@]}" -framerate 30 -i "$img" -filter_complex "[0:v]$G[v]" -map '[v]' "$@")
  else
    C=(bash -c "set -o pipefail; $P" bash "$@")
  fi
}

# ---- measuring ------------------------------------------------------------------------------------
declare -A T U M
measure() {  # measure KEY  (runs C once, appends the sample)
  local key=$1 s m us sy load
  load=$(cut -d' ' -f1 /proc/loadavg)
  if ! /usr/bin/time -f '%e %M %U %S' -o "$work/time.txt" "${C[@]}" >"$work/last.log" 2>&1; then
    echo "FAILED: $key (see $work/last.log)" >&2; tail -5 "$work/last.log" >&2; return 1
  fi
  read -r s m us sy < <(tail -1 "$work/time.txt")
  local cpu; cpu=$(awk -v a="$us" -v b="$sy" 'BEGIN { print a + b }')
  T[$key]="${T[$key]:-} $s"; U[$key]="${U[$key]:-} $cpu"
  [ "${M[$key]:-0}" -ge "$m" ] || M[$key]=$m
  printf '  %-32s %7.2f s wall %7.2f s cpu %5d MB  (load %s)\n' "$key" "$s" "$cpu" $((m / 1024)) "$load"
}
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
med() { [ -n "${T[$1]:-}" ] && median ${T[$1]} || echo ""; }
medcpu() { [ -n "${U[$1]:-}" ] && median ${U[$1]} || echo ""; }
ratio() { awk -v a="$1" -v b="${2:-0}" 'BEGIN { if (a != "" && b > 0) printf "%.2f", a/b; else print "-" }'; }
ssim() { ffmpeg -hide_banner -nostdin -i "$1" -i "$2" -lavfi '[0:v][1:v]ssim' -f null - 2>&1 | sed -n 's/.*SSIM .* All:\([0-9.]*\).*/\1/p' | tail -1; }

enc=(-c:v libx264 "${x264[@]}" -pix_fmt yuv420p -f mp4)
: > "$work/tool.log"
echo "== lossless references (sharpest chain: supersampled canvas, cubic perspective, lanczos down; not timed)"
for motion in "${motions[@]}"; do
  path_for "$motion"
  build ref "$photo" 4000 3000 1920 1080 204 -c:v libx264 -preset ultrafast -crf 0 -f mp4 "file:$out/ref-$motion.mp4"
  "${C[@]}" || { echo "reference failed" >&2; exit 1; }
done

for r in $(seq 1 "$runs"); do
  echo "== run $r/$runs"
  for motion in "${motions[@]}"; do
    path_for "$motion"
    for wy in "${ways[@]}"; do
      build "$wy" "$photo" 4000 3000 1920 1080 204 -f null -
      measure "$wy $motion null" || true
      build "$wy" "$photo" 4000 3000 1920 1080 204 "${enc[@]}" "file:$out/$wy-$motion.mp4"
      measure "$wy $motion x264" || true
    done
  done
done

echo "== smoothness (AnimateSmoothnessTests' check) and quality"
declare -A SM SB SS SZ
for motion in "${motions[@]}"; do
  path_for "$motion"
  case "$motion" in zoom-in) dx=1; dy=1 ;; pan-right) dx=-1; dy=0 ;; esac
  for wy in "${ways[@]}"; do
    build "$wy" "$marker_small" 1280 720 640 360 60 -f rawvideo -pix_fmt gray -
    SM[$wy $motion]=$("${C[@]}" 2>>"$work/tool.log" | "${tool[@]}" smooth --width 640 --height 360 --dir-x $dx --dir-y $dy)
    build "$wy" "$marker_big" 4000 3000 1920 1080 204 -f rawvideo -pix_fmt gray -
    SB[$wy $motion]=$("${C[@]}" 2>>"$work/tool.log" | "${tool[@]}" smooth --width 1920 --height 1080 --dir-x $dx --dir-y $dy)
    f="$out/$wy-$motion.mp4"
    if [ -f "$f" ]; then SS[$wy $motion]=$(ssim "$f" "$out/ref-$motion.mp4"); SZ[$wy $motion]=$(stat -c %s "$f"); fi
  done
done

echo "== uptime after: $(uptime)"
echo "== per-frame costs reported by the tools (ms/frame, wall, in-process):"
grep -E '^(skia|resample):' "$work/tool.log" | sort | uniq -c | sort -rn | head -8 | sed 's/^/  /'
echo
echo "wall/CPU = median of $runs run(s), seconds (CPU = user+sys of every process); ratio = CPU / CPU of 'current' for the same motion and sink"
printf '%-14s %-9s %7s %7s %7s %7s %7s %7s %6s %8s %9s  %s\n' way motion "null w" "null c" "x/cur" "x264 w" "x264 c" "x/cur" "MB" "SSIM" "bytes" "smooth: test size (640x360, 60) | full size (1080p, 204)"
for motion in "${motions[@]}"; do
  cn=$(medcpu "current $motion null"); cx=$(medcpu "current $motion x264")
  for wy in "${ways[@]}"; do
    k="$wy $motion"
    mb=$(( $(awk -v a="${M[$k null]:-0}" -v b="${M[$k x264]:-0}" 'BEGIN { print (a > b) ? a : b }') / 1024 ))
    printf '%-14s %-9s %7s %7s %7s %7s %7s %7s %6s %8s %9s  %s | %s\n' "$wy" "$motion" "$(med "$k null")" "$(medcpu "$k null")" "$(ratio "$(medcpu "$k null")" "$cn")" \
      "$(med "$k x264")" "$(medcpu "$k x264")" "$(ratio "$(medcpu "$k x264")" "$cx")" "$mb" "${SS[$k]:--}" "${SZ[$k]:--}" "${SM[$k]:--}" "${SB[$k]:--}"
  done
done
