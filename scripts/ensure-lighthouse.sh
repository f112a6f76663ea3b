#!/bin/sh
# Install Lighthouse and Lighthouse CI into lighthouse/node_modules, once; skip without npm.
set -e
cd "$(dirname "$0")/../lighthouse"
if ! command -v npm >/dev/null 2>&1; then
  echo "npm not found: 'auditor run --lighthouse' will be skipped (install Node.js 20+ to use it)."
  exit 0
fi
if [ -f node_modules/.installed ] && [ node_modules/.installed -nt package-lock.json ]; then exit 0; fi
npm ci --no-audit --no-fund --loglevel=error
touch node_modules/.installed
