#!/bin/sh
# EverShop for the zoo: the published npm package (with concat-stream, which its CMS module
# imports without declaring), its storefront built once, and a seeded PostgreSQL cluster kept
# under the machine's cache. Idempotent: done again only when this folder changes (its files'
# digest is the stamp). Usage: sh stores/evershop/setup.sh
set -e
HERE=$(cd "$(dirname "$0")" && pwd)
CACHE=${ZOO_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/journey-auditor/stores}/evershop
DIGEST=$(cat "$HERE/package.json" "$HERE/package-lock.json" "$HERE/setup.sh" "$HERE/start.sh" \
         "$HERE/seed.py" "$HERE/../catalogue.json" | sha256sum | cut -c1-16)
[ -f "$CACHE/.ready-$DIGEST" ] && exit 0
command -v npm >/dev/null || { echo "EverShop needs Node.js 20 and npm: apt-get install nodejs npm" >&2; exit 1; }
sh "$HERE/../../scripts/ensure-postgres.sh"
echo "Setting up EverShop for the zoo (once, ~3 min)..."
mkdir -p "$CACHE/app"
cp "$HERE/package.json" "$HERE/package-lock.json" "$CACHE/app/"
cd "$CACHE/app"
npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
SUPPRESS_NO_CONFIG_WARNING=1 node node_modules/@evershop/evershop/dist/bin/evershop.js build >/dev/null
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
STATE=$(mktemp -d)
PORT=$(free_port)
export ZOO_PG_PORT=$(free_port)
ZOO_FRESH_DB=1 setsid sh "$HERE/start.sh" "$PORT" "$STATE" >"$STATE/server.log" 2>&1 &
SERVER=$!
until python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$PORT/', timeout=5)" 2>/dev/null; do
  kill -0 $SERVER 2>/dev/null || { tail -30 "$STATE/server.log" >&2; exit 1; }
  sleep 1
done
DB_HOST=127.0.0.1 DB_PORT=$ZOO_PG_PORT DB_NAME=evershop DB_USER=evershop DB_PASSWORD="" \
  DB_SSLMODE=disable SUPPRESS_NO_CONFIG_WARNING=1 \
  node node_modules/@evershop/evershop/dist/bin/evershop.js user:create \
  --name Zoo --email zoo@example.com --password zoo-admin-1 >/dev/null
python3 "$HERE/seed.py" "http://127.0.0.1:$PORT" zoo@example.com zoo-admin-1
kill -TERM -"$SERVER"
wait $SERVER || true
rm -rf "$CACHE/seeded" && mkdir -p "$CACHE/seeded"
cp -a "$STATE/pg" "$CACHE/seeded/pg"
rm -rf "$STATE"
rm -f "$CACHE"/.ready-* && touch "$CACHE/.ready-$DIGEST"
