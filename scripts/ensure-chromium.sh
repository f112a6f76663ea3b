#!/bin/sh
# Make sure a Chromium is there for Playwright: the system one, never a downloaded build.
set -e
if [ -n "$AUDITOR_CHROMIUM" ] && [ -x "$AUDITOR_CHROMIUM" ]; then exit 0; fi
for b in /usr/bin/chromium /usr/lib/chromium/chromium /usr/bin/google-chrome; do
  [ -x "$b" ] && exit 0
done
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium (once)..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium chromium-driver >/dev/null
  exit 0
fi
echo "No Chromium found. Install one (Debian/Ubuntu: sudo apt-get install chromium)" >&2
echo "or set AUDITOR_CHROMIUM to a Chromium or Chrome binary." >&2
exit 3
