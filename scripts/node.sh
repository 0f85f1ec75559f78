#!/bin/sh
# Runs Node >= 22.18 (needed for native TypeScript type stripping, @line/bot-sdk 11 and vitest).
# Uses the machine's node when it is new enough; otherwise installs Node 24 once from the npm
# registry into .cache/node (no other download source is needed) and uses that.
set -e
here=$(cd "$(dirname "$0")/.." && pwd)
ok() {
  "$1" -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=18)?0:1)' 2>/dev/null
}
if command -v node >/dev/null 2>&1 && ok node; then
  exec node "$@"
fi
os=$(uname -s | tr 'A-Z' 'a-z')
case "$(uname -m)" in x86_64|amd64) arch=x64 ;; aarch64|arm64) arch=arm64 ;; *) arch=$(uname -m) ;; esac
# The platform package holds the binary itself, so no install script has to run.
pkg="node-$os-$arch"
local_node="$here/.cache/node/node_modules/$pkg/bin/node"
if [ ! -x "$local_node" ] || ! ok "$local_node"; then
  echo "Node $(node --version 2>/dev/null || echo missing) is older than 22.18; installing Node 24 into .cache/node (once)..." >&2
  mkdir -p "$here/.cache/node"
  [ -f "$here/.cache/node/package.json" ] || echo "{}" > "$here/.cache/node/package.json"
  (cd "$here/.cache/node" && npm install --no-save --no-audit --no-fund --no-package-lock --no-update-notifier --loglevel=error "$pkg@24" >/dev/null)
fi
PATH="$(dirname "$local_node"):$PATH" exec "$local_node" "$@"
