#!/bin/sh
# Serve the seeded pretix shop on 127.0.0.1:PORT from a fresh copy of its database in STATE
# (each start begins from the same catalogue, no orders, no accounts), as in production:
# gunicorn, static files by WhiteNoise (wsgi.py); its storefront is the event's page, /toys/shop/. Usage: start.sh PORT STATE  (ZOO_CONFIG_ONLY=1: only write
# STATE/pretix.cfg, for setup.sh). Its e-mails go to a loopback port where nothing listens.
set -e
CACHE=${ZOO_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/journey-auditor/stores}/pretix
cat > "$2/pretix.cfg" <<CFG
[pretix]
instance_name=Toys & Tales
url=http://127.0.0.1:$1
currency=EUR
datadir=$2
registration=off
[database]
backend=sqlite3
name=$2/db.sqlite3
[django]
secret=a-zoo-store-on-loopback-only
debug=off
[mail]
host=127.0.0.1
port=9
CFG
[ -n "$ZOO_CONFIG_ONLY" ] && exit 0
cp "$CACHE/seeded/db.sqlite3" "$2/"
export PRETIX_CONFIG_FILE="$2/pretix.cfg"
exec "$CACHE/venv/bin/gunicorn" --chdir "$(dirname "$0")" --bind "127.0.0.1:$1" \
     --workers 2 --threads 4 --log-level warning wsgi:application
