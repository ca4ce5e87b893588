#!/usr/bin/env bash
# The test command, in two tiers (README "Tests"):
#   ./test.sh          sets up (ffmpeg, fonts, exiftool, browser), fetches the real media, builds,
#                      installs s3rver (npm) for the S3 storage tests, runs the fast tier, then
#                      everything else: every test runs once; then Google ADK's own client (node,
#                      tests/adk-node/run.sh: npm packages into a temp folder) against a real server.
#                      Then the server tests (tests/Cutroom.Server.Tests, Tier!=Fast) run a second time
#                      on PostgreSQL: a throwaway cluster on loopback (scripts/pg-test-cluster.sh), or
#                      the server of $CUTROOM_TEST_POSTGRES (an admin connection string) when set.
#   ./test.sh --fast   builds and runs only the fast tier (tests marked [Trait("Tier", "Fast")]:
#                      no ffmpeg, no server, no browser); installs nothing and fetches nothing.
# Any further arguments go to both `dotnet test` runs (e.g. --blame-hang-timeout 10m).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
fast=0
if [ "${1:-}" = "--fast" ]; then fast=1; shift; fi

if [ "$fast" = 0 ]; then
  CUTROOM_TEST_SETUP=1 "$here/scripts/setup.sh"
  media="${CUTROOM_MEDIA:-$HOME/.cache/cutroom-media}"
  "$here/../shared/media/fetch-media.sh" "$media" >&2
  export CUTROOM_MEDIA="$media"
  # The S3 storage tests start their own s3rver (loopback, temp folder) from this installation.
  CUTROOM_S3RVER=$("$here/scripts/s3rver.sh" install)
  export CUTROOM_S3RVER
fi

dotnet build "$here/Cutroom.sln" -c Release --nologo -v q "-clp:ErrorsOnly;NoSummary"

# -v q keeps the output short; the console logger still names every failed test with its message.
tier() {
  echo "== tests: $1" >&2
  dotnet test "$here/Cutroom.sln" -c Release --no-build --nologo -v q --logger "console;verbosity=minimal" --filter "$2" "${@:3}"
}

status=0
tier "fast tier" "Tier=Fast" "$@" || status=$?
if [ "$fast" = 0 ]; then
  tier "the rest (ffmpeg, server, browser)" "Tier!=Fast&Tier!=Bench" "$@" || status=$?

  # Google ADK's own client (npm @google/adk 2.0.0, installed into a temp folder) against `serve --auth local`
  # (docs/adk.md); skipped with the reason only when npm cannot install it.
  echo "== tests: Google ADK's AdkApiClient (node)" >&2
  "$here/tests/adk-node/run.sh" || status=$?

  # The server tests again, each server on a fresh PostgreSQL database of its own (docs/scale-out.md).
  pg="${CUTROOM_TEST_POSTGRES:-}"
  if [ -z "$pg" ]; then
    pgdir=$(mktemp -d "${TMPDIR:-/tmp}/cutroom-pg.XXXXXX")
    trap '"$here/scripts/pg-test-cluster.sh" stop "$pgdir"' EXIT
    pg=$("$here/scripts/pg-test-cluster.sh" start "$pgdir") || { echo "test.sh: the PostgreSQL test cluster did not start" >&2; exit 1; }
  fi
  echo "== tests: the server tests on PostgreSQL" >&2
  CUTROOM_TEST_POSTGRES="$pg" dotnet test "$here/tests/Cutroom.Server.Tests/Cutroom.Server.Tests.csproj" -c Release --no-build --nologo -v q \
    --logger "console;verbosity=minimal" --filter "Tier!=Fast" "$@" || status=$?
fi
exit "$status"
