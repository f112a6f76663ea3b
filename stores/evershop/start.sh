#!/bin/sh
# Serve EverShop on 127.0.0.1:PORT with its own PostgreSQL on another free loopback port,
# from a fresh copy of the seeded database in STATE (each start begins from the same
# catalogue, no orders, no accounts). Stops its PostgreSQL when it is stopped.
# Usage: start.sh PORT STATE   (ZOO_FRESH_DB=1: an empty database, for setup.sh)
set -e
HERE=$(cd "$(dirname "$0")" && pwd)
CACHE=${ZOO_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/journey-auditor/stores}/evershop
PG=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
AS=""
if [ "$(id -u)" = "0" ]; then AS="runuser -u postgres --"; fi
chmod 711 "$2"
if [ -n "$ZOO_FRESH_DB" ]; then
  mkdir "$2/pg"
  if [ -n "$AS" ]; then chown postgres "$2/pg"; fi
  $AS "$PG/initdb" -D "$2/pg/db" -A trust -U evershop -E UTF8 --no-sync >/dev/null
else
  cp -a "$CACHE/seeded/pg" "$2/pg"
fi
DB_PORT=${ZOO_PG_PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
$AS "$PG/pg_ctl" -D "$2/pg/db" -l "$2/pg/log" -w -o "-h 127.0.0.1 -p $DB_PORT -k '' -F" start >/dev/null
trap '$AS "$PG/pg_ctl" -D "$2/pg/db" -m fast -w stop >/dev/null' EXIT
trap 'exit 0' TERM INT
if [ -n "$ZOO_FRESH_DB" ]; then
  $AS "$PG/createdb" -h 127.0.0.1 -p "$DB_PORT" -U evershop evershop
fi
# The JWT secrets sign admin and customer tokens of this loopback store only.
export DB_HOST=127.0.0.1 DB_PORT DB_NAME=evershop DB_USER=evershop DB_PASSWORD="" \
       DB_SSLMODE=disable PORT="$1" SUPPRESS_NO_CONFIG_WARNING=1 \
       NODE_CONFIG="{\"shop\": {\"homeUrl\": \"http://127.0.0.1:$1\"}}" \
       JWT_ADMIN_SECRET=zoo-admin-secret-loopback-only-0001 \
       JWT_ADMIN_REFRESH_SECRET=zoo-admin-refresh-secret-loopback-0002 \
       JWT_CUSTOMER_SECRET=zoo-customer-secret-loopback-only-0003 \
       JWT_CUSTOMER_REFRESH_SECRET=zoo-customer-refresh-secret-loopback-0004
cd "$CACHE/app"
node node_modules/@evershop/evershop/dist/bin/evershop.js start &
SHOP=$!
trap 'kill -TERM $SHOP 2>/dev/null; wait $SHOP; exit 0' TERM INT
wait $SHOP
