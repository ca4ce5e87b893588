#!/usr/bin/env bash
# s3rver (npm, 3.7.1): the S3-compatible server the storage tests run against (docs/storage.md).
#   scripts/s3rver.sh install        installs it once into $CUTROOM_TOOLS/s3rver (default ~/.cache/cutroom-tools)
#                                    with `npm install --prefix`, and prints the path of its command (a node script)
#   scripts/s3rver.sh path           prints that path if installed, else fails
#   scripts/s3rver.sh run DIR [PORT] runs it in the foreground on 127.0.0.1:PORT (default 4568, 0 = any free port)
#                                    with its data in DIR and a bucket named "cutroom"; access key and secret S3RVER
# The tests start and stop their own s3rver from this installation (tests/Cutroom.Server.Tests/Infrastructure/S3rver.cs).
set -euo pipefail
version=3.7.1
tools="${CUTROOM_TOOLS:-$HOME/.cache/cutroom-tools}"
prefix="$tools/s3rver"
bin="$prefix/node_modules/s3rver/bin/s3rver.js"

installed() { [ -f "$bin" ] && grep -q "\"version\": \"$version\"" "$prefix/node_modules/s3rver/package.json"; }

case "${1:-}" in
  install)
    if ! installed; then
      command -v npm >/dev/null || { echo "s3rver.sh: npm is missing: apt-get install nodejs npm (node 18 or later)" >&2; exit 1; }
      mkdir -p "$prefix"
      npm install --prefix "$prefix" --no-audit --no-fund --loglevel=error "s3rver@$version" >&2
    fi
    installed || { echo "s3rver.sh: s3rver $version did not install into $prefix" >&2; exit 1; }
    echo "$bin"
    ;;
  path)
    installed || { echo "s3rver.sh: not installed: run scripts/s3rver.sh install" >&2; exit 1; }
    echo "$bin"
    ;;
  run)
    installed || { echo "s3rver.sh: not installed: run scripts/s3rver.sh install" >&2; exit 1; }
    dir="${2:?usage: scripts/s3rver.sh run DIR [PORT]}"
    mkdir -p "$dir"
    exec node "$bin" --directory "$dir" --address 127.0.0.1 --port "${3:-4568}" --configure-bucket cutroom
    ;;
  *)
    echo "usage: scripts/s3rver.sh install | path | run DIR [PORT]" >&2; exit 2 ;;
esac
