#!/bin/sh
# pretix for the zoo: its own virtualenv, its static files compiled (`pretix rebuild`) and
# gzipped beside themselves for WhiteNoise, and a migrated and seeded database under the
# machine's cache. Idempotent: done again only when this folder changes (its files' digest
# is the stamp). Usage: sh stores/pretix/setup.sh
set -e
HERE=$(cd "$(dirname "$0")" && pwd)
CACHE=${ZOO_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/journey-auditor/stores}/pretix
DIGEST=$(cat "$HERE/requirements.lock" "$HERE/setup.sh" "$HERE/start.sh" "$HERE/seed.py" \
         "$HERE/wsgi.py" "$HERE/../catalogue.json" | sha256sum | cut -c1-16)
[ -f "$CACHE/.ready-$DIGEST" ] && exit 0
echo "Setting up pretix for the zoo (once, ~5 min)..."
mkdir -p "$CACHE"
[ -x "$CACHE/venv/bin/python" ] || python3 -m venv "$CACHE/venv"
"$CACHE/venv/bin/pip" install -q --disable-pip-version-check -r "$HERE/requirements.lock"
rm -rf "$CACHE/seeded" && mkdir -p "$CACHE/seeded"
ZOO_CONFIG_ONLY=1 sh "$HERE/start.sh" 0 "$CACHE/seeded"
export PRETIX_CONFIG_FILE="$CACHE/seeded/pretix.cfg"
"$CACHE/venv/bin/python" -m pretix migrate -v0
"$CACHE/venv/bin/python" -m pretix rebuild >/dev/null
STATIC_ROOT=$(DJANGO_SETTINGS_MODULE=pretix.settings "$CACHE/venv/bin/python" -c \
              "from django.conf import settings; print(settings.STATIC_ROOT)")
"$CACHE/venv/bin/python" -m whitenoise.compress -q "$STATIC_ROOT"
DJANGO_SETTINGS_MODULE=pretix.settings "$CACHE/venv/bin/python" "$HERE/seed.py"
rm -f "$CACHE"/.ready-* && touch "$CACHE/.ready-$DIGEST"
