#!/usr/bin/env bash
# A throwaway PostgreSQL for the tests: a cluster in a temp folder, on a free loopback port, run as a non-root user.
#   scripts/test-postgres.sh start DIR   prints the connection string (Host=127.0.0.1;Port=…;Username=luoshi)
#   scripts/test-postgres.sh stop DIR    stops it and removes DIR
# Uses Debian's postgresql package (scripts/install-test-deps.sh installs it when missing).
set -euo pipefail
action=${1:?start|stop}
dir=${2:?cluster folder}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$bin" ] || { echo "test-postgres: PostgreSQL is not installed (run scripts/install-test-deps.sh)" >&2; exit 1; }

# PostgreSQL refuses to run as root: run it as the package's postgres user then.
as_server() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "$action" in
  start)
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    as_server "$bin/initdb" -D "$dir/data" -U luoshi --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    # fsync off: a test cluster need not survive a power cut; it makes the tests faster. LUOSHI_PG_DURABLE=1 keeps
    # PostgreSQL's durable defaults (the bench compares engines that both fsync their commits).
    durability="-c fsync=off -c synchronous_commit=off"
    [ "${LUOSHI_PG_DURABLE:-0}" = 1 ] && durability=""
    as_server "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 $durability -c max_connections=300" \
      start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    echo "Host=127.0.0.1;Port=$port;Username=luoshi;Database=postgres"
    ;;
  stop)
    [ -d "$dir/data" ] && as_server "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac
