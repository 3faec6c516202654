#!/usr/bin/env bash
# Throwaway PostgreSQL servers for the PostgreSQL projection backend's tests and benchmarks:
# a primary and one streaming read replica (pg_basebackup -R) on loopback ports, in a temporary
# directory, run by an unprivileged user (the `postgres` OS user when we are root).
#
#   scripts/postgres.sh up      → starts both; prints shell lines (eval-able):
#                                   PG_DIR=/tmp/pokt-pg.XXXX
#                                   PG_PRIMARY_URL=postgres://postgres@127.0.0.1:P1/postgres
#                                   PG_REPLICA_URL=postgres://postgres@127.0.0.1:P2/postgres
#   scripts/postgres.sh down DIR → stops both (fast shutdown) and removes DIR
#   scripts/postgres.sh restart-primary DIR → stops the primary (immediate) and starts it again
#   scripts/postgres.sh restart-replica DIR → restarts the replica (fast; pg_ctl restart keeps its port)
#
# POKT_PG_PORTS="P1 P2" puts the primary on P1 and the replica on P2 (a machine shared by people
# who each keep to a port range); unset, two free loopback ports are taken.
# Installs PostgreSQL from Debian's packages first when it is missing (scripts/system-deps.sh).
# Loopback only, trust authentication, fsync off: a test cluster, never a production one (the
# kill tests kill the projector, and the restart test stops the server, never the machine).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

pg_bin() {
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"
  if [ -z "$dir" ]; then
    bash "$here/system-deps.sh" >&2
    dir="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
  fi
  echo "$dir"
}

# Run a PostgreSQL program as the unprivileged server user (the postgres OS user when root).
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

up() {
  local bin dir p1 p2
  bin="$(pg_bin)"
  dir="$(mktemp -d /tmp/pokt-pg.XXXXXX)"
  chmod 755 "$dir"
  if [ "$(id -u)" -eq 0 ]; then chown postgres: "$dir"; fi
  if [ -n "${POKT_PG_PORTS:-}" ]; then
    read -r p1 p2 <<<"$POKT_PG_PORTS"
  else
    p1="$(free_port)"
    p2="$(free_port)"
    while [ "$p2" = "$p1" ]; do p2="$(free_port)"; done
  fi
  as_pg "$bin/initdb" -D "$dir/primary" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || as_pg "$bin/initdb" -D "$dir/primary" -U postgres --auth=trust -E UTF8 --locale=C >"$dir/initdb.log" 2>&1
  as_pg tee -a "$dir/primary/postgresql.conf" >/dev/null <<CONF
listen_addresses = '127.0.0.1'
port = $p1
unix_socket_directories = '$dir'
wal_level = replica
max_wal_senders = 4
wal_keep_size = 256MB
hot_standby = on
fsync = off
full_page_writes = off
max_connections = 60
shared_buffers = 64MB
CONF
  as_pg tee -a "$dir/primary/pg_hba.conf" >/dev/null <<HBA
host replication postgres 127.0.0.1/32 trust
HBA
  as_pg "$bin/pg_ctl" -D "$dir/primary" -l "$dir/primary.log" -w -t 60 start >/dev/null
  as_pg "$bin/pg_basebackup" -h 127.0.0.1 -p "$p1" -U postgres -D "$dir/replica" -R -X stream >"$dir/basebackup.log" 2>&1
  as_pg "$bin/pg_ctl" -D "$dir/replica" -l "$dir/replica.log" -o "-p $p2" -w -t 60 start >/dev/null
  echo "PG_DIR=$dir"
  echo "PG_PRIMARY_URL=postgres://postgres@127.0.0.1:$p1/postgres"
  echo "PG_REPLICA_URL=postgres://postgres@127.0.0.1:$p2/postgres"
}

down() {
  local bin dir="${1:?usage: postgres.sh down DIR}"
  case "$dir" in /tmp/pokt-pg.*) ;; *) echo "postgres.sh: refusing to remove $dir (not a postgres.sh directory)" >&2; exit 2 ;; esac
  bin="$(pg_bin)"
  for node in replica primary; do
    if [ -f "$dir/$node/postmaster.pid" ]; then as_pg "$bin/pg_ctl" -D "$dir/$node" -m fast -w -t 60 stop >/dev/null || true; fi
  done
  rm -rf "$dir"
}

restart_primary() {
  local bin dir="${1:?usage: postgres.sh restart-primary DIR}"
  bin="$(pg_bin)"
  as_pg "$bin/pg_ctl" -D "$dir/primary" -m immediate -w -t 60 stop >/dev/null
  as_pg "$bin/pg_ctl" -D "$dir/primary" -l "$dir/primary.log" -w -t 60 start >/dev/null
}

restart_replica() {
  local bin dir="${1:?usage: postgres.sh restart-replica DIR}"
  bin="$(pg_bin)"
  as_pg "$bin/pg_ctl" -D "$dir/replica" -l "$dir/replica.log" -m fast -w -t 60 restart >/dev/null
}

case "${1:-}" in
  up) up ;;
  down) down "${2:-}" ;;
  restart-primary) restart_primary "${2:-}" ;;
  restart-replica) restart_replica "${2:-}" ;;
  *) echo "usage: scripts/postgres.sh up | down DIR | restart-primary DIR | restart-replica DIR" >&2; exit 2 ;;
esac
