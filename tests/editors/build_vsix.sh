#!/bin/bash
# Compile editors/vscode with tsc and package it offline into editors/vscode/copydesk.vsix.
# Reinstalls node_modules only when package-lock.json changed. Needs install.sh (for vsce).
set -euo pipefail
source "$(dirname "$0")/common.sh"
ext=$REPO/editors/vscode
stamp=$ext/node_modules/.copydesk-lock-sha
sha=$(sha256sum "$ext/package-lock.json" | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$sha" ]; then
  (cd "$ext" && npm ci --no-audit --no-fund --silent)
  echo "$sha" > "$stamp"
fi
(cd "$ext" && rm -rf out && node_modules/.bin/tsc -p .)
# vsce takes the runtime dependencies from node_modules (npm list --production): no network.
(cd "$ext" && "$CACHE/npm-tools/node_modules/.bin/vsce" package --out copydesk.vsix </dev/null)
