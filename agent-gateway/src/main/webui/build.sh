#!/usr/bin/env bash
# Builds the agent desktop and the customer widget into the gateway's classpath (run by Maven in
# process-resources; `./mvnw ... -Dlivechat.webui.skip` skips it). Needs Node.js 18+ and npm: ./livechat and
# .ci/run install them when missing. Packages come from the npm registry, pinned by package-lock.json.
set -euo pipefail
cd "$(dirname "$0")"
command -v node >/dev/null && command -v npm >/dev/null \
  || { echo "Node.js and npm are needed to build the web pages (Debian: apt-get install -y nodejs npm)." >&2; exit 1; }
major=$(node -p 'process.versions.node.split(".")[0]')
[ "$major" -ge 18 ] || { echo "Node.js 18+ is needed; found $(node --version)." >&2; exit 1; }
# npm ci only when the lock file changed since the last install (it wipes node_modules).
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
case "${1:-build}" in
  build) npm run --silent build ;;
  test) npm run --silent test ;;
  *) echo "usage: build.sh [build|test]" >&2; exit 2 ;;
esac
