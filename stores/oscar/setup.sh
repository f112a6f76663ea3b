#!/bin/sh
# django-oscar for the zoo: its own virtualenv, migrated and seeded database and collected
# static files under the machine's cache. Idempotent: done again only when this folder
# changes (its files' digest is the stamp). Usage: sh stores/oscar/setup.sh
set -e
HERE=$(cd "$(dirname "$0")" && pwd)
CACHE=${ZOO_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/journey-auditor/stores}/oscar
DIGEST=$(cat "$HERE/requirements.lock" "$HERE/setup.sh" "$HERE/seed.py" "$HERE"/shop/*.py "$HERE/../catalogue.json" \
         | sha256sum | cut -c1-16)
[ -f "$CACHE/.ready-$DIGEST" ] && exit 0
echo "Setting up django-oscar for the zoo (once, ~1 min)..."
mkdir -p "$CACHE"
[ -x "$CACHE/venv/bin/python" ] || python3 -m venv "$CACHE/venv"
"$CACHE/venv/bin/pip" install -q --disable-pip-version-check -r "$HERE/requirements.lock"
rm -rf "$CACHE/seeded" && mkdir -p "$CACHE/seeded"
export ZOO_STATE="$CACHE/seeded" ZOO_STATIC="$CACHE/static" PYTHONPATH="$HERE" \
       DJANGO_SETTINGS_MODULE=shop.settings
"$CACHE/venv/bin/django-admin" migrate --noinput -v0
"$CACHE/venv/bin/django-admin" collectstatic --noinput --clear -v0
"$CACHE/venv/bin/python" "$HERE/seed.py"
"$CACHE/venv/bin/django-admin" rebuild_index --noinput -v0
rm -f "$CACHE"/.ready-* && touch "$CACHE/.ready-$DIGEST"
