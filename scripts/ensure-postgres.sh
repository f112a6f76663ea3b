#!/bin/sh
# Make sure PostgreSQL's server programs are there (Debian's package), for the tests of the
# history database on PostgreSQL. The tests start their own server on 127.0.0.1.
set -e
if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's postgresql (once)..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq postgresql >/dev/null
  exit 0
fi
echo "PostgreSQL is not installed and this user cannot install it: apt-get install postgresql" >&2
exit 1
