#!/usr/bin/env bash
# The Google ADK client tests (docs/adk.md): ADK's own AdkApiClient (npm @google/adk-devtools 2.0.0, with
# @google/adk 2.0.0), unchanged, drives a real `cutroom serve --auth local` over loopback; and ADK's dev UI
# (the same package's dist/browser), served by that server at /dev-ui/, is driven by Playwright
# (npm playwright-core, no browser download) in Debian's /usr/bin/chromium.
#   tests/adk-node/run.sh     needs the solution built in Release (./test.sh builds it) and the real media
#                             ($CUTROOM_MEDIA, default ~/.cache/cutroom-media); node 20 and npm.
# The npm packages are installed into a temp folder for this run (not committed, nothing kept): the
# package.json below pins @mikro-orm/* to 6.6.16 with overrides (@google/adk's dependency range would pick
# 7.x, which wants node 22). Only when npm install fails is the test skipped, with the reason on stderr.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cli="$root/src/Cutroom.Cli/bin/Release/net10.0/cutroom.dll"
media="${CUTROOM_MEDIA:-$HOME/.cache/cutroom-media}"
video="$media/video/cockatoo.mp4"
[ -f "$cli" ] || { echo "adk-node: $cli is missing: build first (dotnet build Cutroom.sln -c Release)" >&2; exit 1; }
[ -f "$video" ] || { echo "adk-node: $video is missing: run ../shared/media/fetch-media.sh first" >&2; exit 1; }
command -v node >/dev/null && command -v npm >/dev/null || { echo "adk-node: node and npm are needed (apt-get install nodejs npm)" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/cutroom-adk-node.XXXXXX")
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

cat > "$work/package.json" <<'JSON'
{
  "name": "cutroom-adk-node-test",
  "private": true,
  "type": "module",
  "dependencies": { "@google/adk": "2.0.0", "@google/adk-devtools": "2.0.0", "playwright-core": "1.64.1" },
  "overrides": {
    "@mikro-orm/core": "6.6.16", "@mikro-orm/knex": "6.6.16", "@mikro-orm/sqlite": "6.6.16",
    "@mikro-orm/postgresql": "6.6.16", "@mikro-orm/mysql": "6.6.16", "@mikro-orm/mariadb": "6.6.16",
    "@mikro-orm/mssql": "6.6.16", "@mikro-orm/reflection": "6.6.16", "@mikro-orm/migrations": "6.6.16"
  }
}
JSON
echo "== adk-node: npm install @google/adk@2.0.0 @google/adk-devtools@2.0.0 into $work" >&2
if ! (cd "$work" && timeout 900 npm install --no-audit --no-fund --loglevel=error >"$work/npm.log" 2>&1); then
  echo "adk-node: SKIPPED: npm install of @google/adk 2.0.0 failed, so ADK's client cannot be run here:" >&2
  tail -20 "$work/npm.log" >&2
  exit 0
fi
cp "$here/adk-client.test.mjs" "$here/adk-devui.test.mjs" "$work/"

# The expected count from ffprobe, independently of Cutroom: frames 0, 10, 20, ... of the decoded video.
frames=$(ffprobe -v error -select_streams v:0 -count_frames -show_entries stream=nb_read_frames -of csv=p=0 "$video")
expected=$(( (frames + 9) / 10 ))

mkdir -p "$work/data"
Cutroom__Adk__DevUiDir="$work/node_modules/@google/adk-devtools/dist/browser" CUTROOM_LLM_URL="" dotnet "$cli" serve --auth local --port 0 --data "$work/data" >"$work/server.log" 2>&1 &
server=$!
url=""
for _ in $(seq 1 240); do
  url=$(grep -o 'listening on http://127\.0\.0\.1:[0-9]*' "$work/server.log" | head -1 | sed 's/listening on //') || true
  [ -n "$url" ] && break
  kill -0 "$server" 2>/dev/null || break
  sleep 0.5
done
if [ -z "$url" ]; then echo "adk-node: the server did not start:" >&2; cat "$work/server.log" >&2; exit 1; fi
grep -q "WARNING: --auth local" "$work/server.log" || { echo "adk-node: serve --auth local printed no warning" >&2; exit 1; }

echo "== adk-node: ADK's AdkApiClient against $url (expecting $expected frames of $frames)" >&2
status=0
(cd "$work" && CUTROOM_URL="$url" CUTROOM_VIDEO="$video" CUTROOM_EXPECTED_FRAMES="$expected" node --test adk-client.test.mjs adk-devui.test.mjs) || status=$?
if [ "$status" != 0 ]; then echo "adk-node: the server's log:" >&2; tail -40 "$work/server.log" >&2; fi
exit "$status"
