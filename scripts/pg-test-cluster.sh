#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests (docs/scale-out.md, "PostgreSQL"):
#   scripts/pg-test-cluster.sh start DIR   initdb in DIR (an empty or missing folder), start the server on
#                                          127.0.0.1 at a free port (no Unix socket), print the admin
#                                          connection string (Npgsql keywords) on stdout
#   scripts/pg-test-cluster.sh stop DIR    stop it and delete DIR
# Uses Debian's postgresql server binaries (/usr/lib/postgresql/<major>/bin, or $PG_BIN). initdb refuses
# root, so as root the cluster runs as the unprivileged user `postgres` (runuser). The superuser's
# password is random (scram-sha-256), written only into DIR (mode 0700). Durability is off
# (fsync, full_page_writes, synchronous_commit): the data is thrown away with DIR.
set -euo pipefail
cmd=${1:-}; dir=${2:-}
if [ -z "$cmd" ] || [ -z "$dir" ]; then echo "usage: $0 start|stop DIR" >&2; exit 2; fi

bin=${PG_BIN:-}
if [ -z "$bin" ]; then
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
fi
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "pg-test-cluster: PostgreSQL's server binaries are missing; run: sudo apt-get install -y postgresql" >&2
  exit 1
fi

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$cmd" in
start)
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  [ "$(id -u)" = 0 ] && chown postgres: "$dir"
  chmod 0700 "$dir"
  password=$(head -c 18 /dev/urandom | base64 | tr '+/' '-_')
  (umask 077; printf '%s\n' "$password" > "$dir/password")
  [ "$(id -u)" = 0 ] && chown postgres: "$dir/password"
  as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=scram-sha-256 --pwfile="$dir/password" \
    --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  # A free port: try random ones until the server starts on one.
  for _ in 1 2 3 4 5 6 7 8 9 10; do
    port=$(( 20000 + RANDOM % 30000 ))
    if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start \
        -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories='' -c max_connections=400 -c fsync=off -c full_page_writes=off -c synchronous_commit=off" \
        >/dev/null 2>&1; then
      echo "$port" > "$dir/port"
      echo "Host=127.0.0.1;Port=$port;Username=postgres;Password=$password;Database=postgres"
      exit 0
    fi
  done
  echo "pg-test-cluster: the server did not start; its log:" >&2
  cat "$dir/server.log" >&2 || true
  exit 1
  ;;
stop)
  [ -d "$dir" ] || exit 0
  if [ -f "$dir/data/postmaster.pid" ]; then
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
  ;;
*)
  echo "usage: $0 start|stop DIR" >&2; exit 2
  ;;
esac
