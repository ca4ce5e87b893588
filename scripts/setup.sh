#!/usr/bin/env bash
# Installs what Cutroom needs from Debian's packages (as root) or says exactly what to run,
# then builds the solution in Release. Called by ./cutroom and ./test.sh; safe to run again.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)

need=()
command -v ffmpeg >/dev/null 2>&1 && command -v ffprobe >/dev/null 2>&1 || need+=(ffmpeg)
# The font files the renderer uses (src/Cutroom.Engine/Common/Fonts.cs).
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
[ -f /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc ] || need+=(fonts-noto-cjk)
if [ "${CUTROOM_TEST_SETUP:-0}" = 1 ]; then
  command -v exiftool >/dev/null 2>&1 || need+=(libimage-exiftool-perl)
  [ -x /usr/bin/time ] || need+=(time)
  # Browser tests (tests/Cutroom.Server.Tests/Studio) drive Debian's Chromium through Playwright.
  [ -x /usr/bin/chromium ] || need+=(chromium)
  command -v tmux >/dev/null 2>&1 || need+=(tmux)
  # The server tests run a second time on a throwaway PostgreSQL cluster (scripts/pg-test-cluster.sh).
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
  # The storage tests run against s3rver (npm; scripts/s3rver.sh installs it).
  command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || need+=(nodejs npm)
fi
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "cutroom setup: installing ${need[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -qq "${need[@]}" >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null; }
  else
    echo "cutroom setup: missing ${need[*]}; run: sudo apt-get install -y ${need[*]}" >&2
    exit 1
  fi
fi
command -v dotnet >/dev/null 2>&1 || { echo "cutroom setup: the .NET 10 SDK is missing; see https://learn.microsoft.com/dotnet/core/install/linux-debian" >&2; exit 1; }

# Build once; rebuild when any source is newer than the last build.
stamp="$here/artifacts/.build-stamp"
if [ ! -f "$stamp" ] || [ -n "$(find "$here/src" "$here/Directory.Build.props" "$here/Directory.Packages.props" -newer "$stamp" -type f -print -quit)" ]; then
  mkdir -p "$here/artifacts"
  # Published ReadyToRun (precompiled) for this machine's runtime: every command starts 0.1-0.2 s
  # sooner than with JIT-only assemblies (docs/benchmarks.md); falls back to a plain build when the
  # precompiler package cannot be restored.
  dotnet publish "$here/src/Cutroom.Cli/Cutroom.Cli.csproj" -c Release --use-current-runtime --self-contained false \
      -p:PublishReadyToRun=true -o "$here/artifacts/cli" -nologo -v q "-clp:ErrorsOnly;NoSummary" >&2 \
    || dotnet build "$here/src/Cutroom.Cli/Cutroom.Cli.csproj" -c Release -o "$here/artifacts/cli" -nologo -v q "-clp:ErrorsOnly;NoSummary" >&2
  touch "$stamp"
fi
