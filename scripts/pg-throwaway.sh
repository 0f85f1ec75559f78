#!/bin/sh
# Starts (or stops) a throwaway PostgreSQL cluster on 127.0.0.1 for tests and benchmarks.
#   scripts/pg-throwaway.sh start <dir> <port>   → prints the connection URL
#   scripts/pg-throwaway.sh stop <dir>
# PG_DURABLE=1 keeps fsync on (benchmarks); by default durability is off for fast tests.
# Uses the server binaries found by pg_config (Debian: postgresql-15); initdb refuses to run as
# root, so the cluster belongs to the postgres user when we are root.
set -e
cmd=$1 dir=$2 port=${3:-55432}
bindir=$(pg_config --bindir 2>/dev/null || true)
if [ ! -x "$bindir/initdb" ]; then
  for v in 17 16 15 14; do [ -x "/usr/lib/postgresql/$v/bin/initdb" ] && bindir=/usr/lib/postgresql/$v/bin && break; done
fi
[ -x "$bindir/initdb" ] || { echo "PostgreSQL server binaries not found (apt-get install postgresql)" >&2; exit 1; }
as_pg() {
  if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi
}
case "$cmd" in
  start)
    mkdir -p "$dir"
    if [ "$(id -u)" = 0 ]; then chown postgres "$dir"; chmod o+rx "$(dirname "$dir")"; fi
    if [ ! -f "$dir/PG_VERSION" ]; then
      as_pg "'$bindir/initdb' -D '$dir' -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null"
    fi
    fast="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    [ "${PG_DURABLE:-0}" = 1 ] && fast=""
    as_pg "'$bindir/pg_ctl' -D '$dir' -l '$dir/server.log' -w -o \"-p $port -k /tmp -c listen_addresses=127.0.0.1 $fast -c max_connections=300 -c shared_buffers=256MB\" start >/dev/null"
    echo "postgres://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    as_pg "'$bindir/pg_ctl' -D '$dir' -m fast stop >/dev/null" || true
    ;;
  *) echo "usage: $0 start|stop <dir> [port]" >&2; exit 2 ;;
esac
