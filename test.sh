#!/usr/bin/env bash
# The test command: sets up (ffmpeg, fonts, exiftool, build), fetches the real media, runs every test.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
CUTROOM_TEST_SETUP=1 "$here/scripts/setup.sh"
media="${CUTROOM_MEDIA:-$HOME/.cache/cutroom-media}"
"$here/../shared/media/fetch-media.sh" "$media" >&2
export CUTROOM_MEDIA="$media"
# -v q keeps the build quiet; the console logger still names every failed test with its message.
dotnet test "$here/Cutroom.sln" -c Release --nologo -v q --logger "console;verbosity=minimal" "$@"
