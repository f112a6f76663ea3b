#!/bin/sh
# Make sure Redis's server is there (Debian's package), the broker of the Celery fleet. The
# tests and `auditor broker` start their own server on 127.0.0.1; nothing runs as a service.
set -e
if command -v redis-server >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's redis-server (once)..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq redis-server >/dev/null
  exit 0
fi
echo "Redis is not installed and this user cannot install it: apt-get install redis-server" >&2
exit 1
