#!/bin/sh
# Serve the seeded shop on 127.0.0.1:PORT from a fresh copy of its database in STATE (each
# start begins from the same catalogue, no orders, no accounts), under gunicorn as in
# production. Usage: start.sh PORT STATE
set -e
HERE=$(cd "$(dirname "$0")" && pwd)
CACHE=${ZOO_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/journey-auditor/stores}/oscar
mkdir -p "$2/media" && cp -r "$CACHE/seeded/shop.sqlite3" "$CACHE/seeded/whoosh" "$2/"
export ZOO_STATE="$2" ZOO_STATIC="$CACHE/static" PYTHONPATH="$HERE" \
       DJANGO_SETTINGS_MODULE=shop.settings
exec "$CACHE/venv/bin/gunicorn" --bind "127.0.0.1:$1" --workers 2 --threads 4 \
     --log-level warning shop.wsgi:application
