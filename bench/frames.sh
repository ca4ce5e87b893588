#!/usr/bin/env bash
# Benchmark: `cutroom frames --every 10` against the best plain ffmpeg command for the same job,
# and `--keyframes` against `--every 10`, on a generated 1080p30 H.264 2-minute clip, in one run.
# Prints each run's wall time and peak RSS, then the median ratios.
#   usage: bench/frames.sh [RUNS]   (default 3)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-3}
work=${CUTROOM_BENCH_DIR:-/tmp/cutroom-bench}
mkdir -p "$work"
clip="$work/clip-1080p30-120s.mp4"
if [ ! -f "$clip" ]; then
  echo "generating $clip (once)..." >&2
  ffmpeg -hide_banner -nostdin -v error -y -f lavfi -i "testsrc2=size=1920x1080:rate=30:duration=120" \
    -f lavfi -i "sine=frequency=440:duration=120" -c:v libx264 -preset veryfast -g 60 -pix_fmt yuv420p \
    -c:a aac -shortest "$clip.tmp.mp4"
  mv "$clip.tmp.mp4" "$clip"
fi
"$here/scripts/setup.sh"
cutroom=(dotnet "$here/artifacts/cli/cutroom.dll")
threads=$(nproc)

# Runs a command, prints "seconds maxrss_kb".
measure() {
  /usr/bin/time -f '%e %M' -o "$work/time.txt" "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; exit 1; }
  tail -1 "$work/time.txt"
}
declare -a t_plain t_every t_key
for i in $(seq 1 "$runs"); do
  rm -rf "$work/plain" "$work/every" "$work/key"; mkdir -p "$work/plain"
  read -r s m < <(measure ffmpeg -hide_banner -nostdin -v error -threads "$threads" -i "$clip" -vf "select=not(mod(n\,10))" \
      -fps_mode passthrough -c:v mjpeg -pix_fmt yuvj420p -q:v 2 "$work/plain/%06d.jpg")
  t_plain+=("$s"); echo "run $i plain ffmpeg  : ${s}s rss ${m} KB ($(ls "$work/plain" | wc -l) files)"
  read -r s m < <(measure "${cutroom[@]}" frames "$clip" --every 10 --quality 100 --out "$work/every")
  t_every+=("$s"); echo "run $i cutroom every : ${s}s rss ${m} KB ($(ls "$work/every" | wc -l) files incl. manifest)"
  read -r s m < <(measure "${cutroom[@]}" frames "$clip" --keyframes --out "$work/key")
  t_key+=("$s"); echo "run $i cutroom keyfr : ${s}s rss ${m} KB ($(ls "$work/key" | wc -l) files incl. manifest)"
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
mp=$(median "${t_plain[@]}"); me=$(median "${t_every[@]}"); mk=$(median "${t_key[@]}")
echo "median: plain ${mp}s, cutroom --every 10 ${me}s, cutroom --keyframes ${mk}s"
awk -v a="$me" -v b="$mp" -v k="$mk" 'BEGIN { printf "ratio cutroom/plain (--every 10): %.3f\nspeed-up --keyframes vs --every 10: %.1fx\n", a/b, a/k }'
