#!/usr/bin/env bash
# Benchmark of the analysis jobs, in one run:
#  1. shot detection on a generated 1080p30 H.264 clip of 20 shots with known cuts: accuracy
#     (recall/precision within ±2 frames), wall time and peak RSS of `cutroom shots`, against
#     a plain decode (`ffmpeg -i X -f null -`) and ffmpeg's own `scdet` filter, and PySceneDetect's
#     `detect-content` when it is installed (or CUTROOM_BENCH_PSD names a command that prints its cuts),
#     in interleaved rounds (CUTROOM_BENCH_ROUNDS, default 3) so each ratio is from the same minute;
#  2. the 30-minute 720p30 H.264 + AAC goal: `cutroom highlights --count 5 --mode fast` from a cold
#     cache (analysis + cutting), wall time (goal < 60 s) and peak RSS.
# The clips are generated once into $CUTROOM_BENCH_DIR (default /tmp/cutroom-bench); the 30-minute
# one takes several minutes to make.
#   usage: bench/analysis.sh
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
work=${CUTROOM_BENCH_DIR:-/tmp/cutroom-bench}
mkdir -p "$work"
"$here/scripts/setup.sh"
cutroom=(dotnet "$here/artifacts/cli/cutroom.dll")
threads=$(nproc)
ff=(ffmpeg -hide_banner -nostdin -v error -y)

# Runs a command (output discarded), prints "seconds maxrss_kb" (/usr/bin/time: the RSS of that process, not of its children).
measure() { /usr/bin/time -f '%e %M' -o "$work/measure.time" "$@" >/dev/null 2>&1; cat "$work/measure.time"; }

# --- 1. Known cuts, 1080p30 -------------------------------------------------------------------
# 20 shots of 2-6 s; sources with fast motion (mandelbrot zoom, life, moving gradients, testsrc2).
shots=("testsrc2:3" "mandelbrot=end_scale=0.05:4" "smptebars:2" "cellauto=rule=30:3" "gradients=speed=0.08:n=4:5"
       "rgbtestsrc:2" "life=mold=10:ratio=0.4:life_color=yellow:death_color=navy:4" "sierpinski=type=carpet:3" "yuvtestsrc:2"
       "colorspectrum=type=all:2" "testsrc2=alpha=0:3" "gradients=speed=0.2:c0=red:c1=blue:3" "pal75bars:2"
       "mandelbrot=start_scale=1.5:end_scale=0.3:outer=normalized_iteration_count:6" "life=ratio=0.2:mold=25:3"
       "cellauto=rule=110:4" "smptehdbars:2" "gradients=speed=0.05:n=6:4" "testsrc:3" "sierpinski=type=triangle:5")
cuts=()
clip="$work/known-cuts-1080p30.mp4"
inputs=(); chains=""; labels=""; at=0
for i in "${!shots[@]}"; do
  spec=${shots[$i]}; src=${spec%:*}; secs=${spec##*:}; frames=$((secs * 30))
  sep="="; [[ $src == *=* ]] && sep=":"
  inputs+=(-f lavfi -t $((secs + 1)) -i "${src}${sep}size=1920x1080:rate=30")
  chains+="[$i:v]scale=1920:1080,setsar=1,format=yuv420p,trim=end_frame=$frames,setpts=PTS-STARTPTS[s$i];"
  labels+="[s$i]"
  at=$((at + frames)); [ "$i" -lt $((${#shots[@]} - 1)) ] && cuts+=("$at")
done
if [ ! -f "$clip" ]; then
  echo "generating $clip (once)..." >&2
  "${ff[@]}" "${inputs[@]}" -filter_complex "${chains}${labels}concat=n=${#shots[@]}:v=1:a=0[out]" -map "[out]" \
    -c:v libx264 -preset veryfast -pix_fmt yuv420p "$clip.tmp.mp4"
  mv "$clip.tmp.mp4" "$clip"
fi
frames_total=$(ffprobe -v error -count_packets -select_streams v:0 -show_entries stream=nb_read_packets -of csv=p=0 "$clip")
echo "known-cuts clip: $frames_total frames 1080p30, ${#cuts[@]} cuts at ${cuts[*]}"

# Scores a list of detected cut frames against the known ones (±2 frames).
score() {
  python3 - "$1" "${cuts[*]}" <<'PY'
import sys
found=[int(x) for x in sys.argv[1].split()] if sys.argv[1].strip() else []
cuts=[int(x) for x in sys.argv[2].split()]
hits=sum(1 for c in cuts if any(abs(f-c)<=2 for f in found))
true=sum(1 for f in found if any(abs(f-c)<=2 for c in cuts))
print(f"recall {hits}/{len(cuts)} = {hits/len(cuts):.3f}, precision {true}/{len(found)} = {(true/len(found) if found else 0):.3f}")
PY
}

# PySceneDetect: the `scenedetect` command when installed, or a command given in CUTROOM_BENCH_PSD
# that prints the cut frames on stdout, e.g. bench/psd_detect.py over a source checkout with
# Debian's OpenCV: CUTROOM_BENCH_PSD="env PYTHONPATH=/path/to/PySceneDetect /usr/bin/python3 bench/psd_detect.py".
psd=()
if [ -n "${CUTROOM_BENCH_PSD:-}" ]; then read -r -a psd <<< "$CUTROOM_BENCH_PSD"
elif command -v scenedetect >/dev/null 2>&1; then psd=(scenedetect)
fi
# Three rounds of plain decode, cutroom shots and PySceneDetect back to back, so that each ratio
# compares runs from the same minute (this machine's speed drifts 5-20 %).
rounds=${CUTROOM_BENCH_ROUNDS:-3}
for r in $(seq 1 "$rounds"); do
  read -r s m < <(measure ffmpeg -hide_banner -nostdin -v error -threads "$threads" -i "$clip" -f null -)
  t_decode=$s; echo "round $r: plain decode (ffmpeg -threads $threads -f null) : ${s}s rss ${m} KB ($(python3 -c "print(round($frames_total/$s))") fps)"

  /usr/bin/time -f '%e %M' -o "$work/shots.time" "${cutroom[@]}" shots "$clip" --no-cache --json > "$work/shots.json"
  read -r s m < "$work/shots.time"; t_shots=$s
  found=$(jq -r '[.shots[1:][].start_frame] | map(tostring) | join(" ")' "$work/shots.json")
  echo "round $r: cutroom shots (exact)                    : ${s}s rss ${m} KB ($(python3 -c "print(round($frames_total/$s))") fps), $(score "$found"), $(python3 -c "print(f'{$s/$t_decode:.2f}')")x the decode time"

  if [ ${#psd[@]} -gt 0 ]; then
    if [ "${psd[0]}" = scenedetect ]; then
      /usr/bin/time -f '%e %M' -o "$work/psd.time" scenedetect -i "$clip" -o "$work/psd" detect-content list-scenes -q > /dev/null 2>&1 \
        || { echo "PySceneDetect failed"; psd=(); continue; }
      # The CSV: a timecode line, a header, then one row per scene; column 4 is "Start Time (seconds)".
      found=$(tail -n +4 "$work/psd/"*-Scenes.csv 2>/dev/null | cut -d, -f4 | awk '{printf "%d ", $1*30+0.5}')
    else
      /usr/bin/time -f '%e %M' -o "$work/psd.time" "${psd[@]}" "$clip" > "$work/psd.cuts" 2> "$work/psd.log" \
        || { echo "PySceneDetect (${psd[*]}) failed: $(tail -3 "$work/psd.log")"; psd=(); continue; }
      found=$(tr '\n' ' ' < "$work/psd.cuts")
    fi
    read -r s m < "$work/psd.time"
    echo "round $r: PySceneDetect detect-content            : ${s}s rss ${m} KB ($(python3 -c "print(round($frames_total/$s))") fps), $(score "$found"); cutroom is $(python3 -c "print(f'{$s/$t_shots:.2f}')")x its speed"
  fi
done
if [ ${#psd[@]} -eq 0 ]; then
  echo "PySceneDetect: not installed (scenedetect, or CUTROOM_BENCH_PSD=\"python3 driver.py\"); the issue quotes 176 fps on a 2009-frame 1080p clip"
fi

/usr/bin/time -f '%e %M' -o "$work/scdet.time" ffmpeg -hide_banner -nostdin -threads "$threads" -i "$clip" -vf "scdet=threshold=10" -f null - 2> "$work/scdet.log"
read -r s m < "$work/scdet.time"
found=$(grep -o 'lavfi.scd.time: [0-9.]*' "$work/scdet.log" | awk '{printf "%d ", $2*30+0.5}')
echo "ffmpeg scdet (threshold 10, full size)            : ${s}s rss ${m} KB, $(score "$found")"

# --- 2. 30-minute 720p30 highlights -------------------------------------------------------------
long="$work/webinar-720p30-30min.mp4"
if [ ! -f "$long" ]; then
  echo "generating $long (once; several minutes)..." >&2
  syl="lt(mod(t,0.37),0.25)*gt(mod(t,4.1),0.9)*(0.5*sin(2*PI*320*t)+0.3*sin(2*PI*640*t)+0.2*sin(2*PI*960*t))"
  loud="(between(t,300,304)+between(t,700,704)+between(t,1100,1104)+between(t,1400,1404)+between(t,1700,1704))"
  "${ff[@]}" -f lavfi -i "testsrc2=size=1280x720:rate=30:duration=1800" \
    -f lavfi -i "aevalsrc=exprs='(0.15+0.45*$loud)*$syl+0.2*$loud*(random(0)-0.5)':s=48000:d=1800" \
    -vf "hue=h=40*floor(t/20)" -c:v libx264 -preset ultrafast -pix_fmt yuv420p -c:a aac -b:a 128k -shortest "$long.tmp.mp4"
  mv "$long.tmp.mp4" "$long"
fi
rm -rf "$work/hl" "$work/.$(basename "$long").cutroom-analysis.json"
/usr/bin/time -f '%e %M' -o "$work/hl.time" "${cutroom[@]}" highlights "$long" --count 5 --min 10s --max 45s --mode fast --out "$work/hl" --no-cache --json > "$work/hl.json"
read -r s m < "$work/hl.time"
echo "cutroom highlights 30 min, fast       : ${s}s wall (goal < 60 s), rss ${m} KB; analysis $(jq -r .analysis "$work/hl.json")"
jq -r '.clips[] | "  #\(.rank) \(.start_ms/1000)-\(.end_ms/1000) s score \(.score): \(.reasons | join("; "))"' "$work/hl.json"
echo "  (loud moments were placed at 300, 700, 1100, 1400 and 1700 s)"
