#!/bin/sh
# Make sure a Chromium is there for Playwright: the system one, never a downloaded build.
# The headless shell (chromium-headless-shell) is added where apt has it: audits start faster
# with it, and everything works without it.
set -e
if [ -n "$AUDITOR_CHROMIUM" ] && [ -x "$AUDITOR_CHROMIUM" ]; then exit 0; fi
have_browser() {
  for b in /usr/lib/chromium/chromium /usr/bin/chromium /usr/bin/google-chrome; do
    [ -x "$b" ] && return 0
  done
  return 1
}
have_shell() { [ -x /usr/lib/chromium/chromium-headless-shell ]; }
can_apt() { [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; }
add_shell() {
  apt-get install -y -qq chromium-headless-shell >/dev/null \
    || echo "note: chromium-headless-shell not installed; audits use the full Chromium" >&2
}
export DEBIAN_FRONTEND=noninteractive
if have_browser; then
  if ! have_shell && can_apt && apt-cache show chromium-headless-shell >/dev/null 2>&1; then
    echo "Installing Debian's chromium-headless-shell (once)..."
    add_shell
  fi
  exit 0
fi
if can_apt; then
  echo "Installing Debian's chromium (once)..."
  apt-get update -qq
  apt-get install -y -qq chromium chromium-driver >/dev/null
  add_shell
  exit 0
fi
echo "No Chromium found. Install one (Debian/Ubuntu: sudo apt-get install chromium)" >&2
echo "or set AUDITOR_CHROMIUM to a Chromium or Chrome binary." >&2
exit 3
