#!/bin/bash
# Compile editors/vscode with tsc and package it offline into editors/vscode/copydesk.vsix.
# Reinstalls node_modules only when package-lock.json changed. Needs install.sh (for vsce).
# Usage: build_vsix.sh [PATH/TO/copydesk]   with a binary: bundled as server/copydesk, which the
#        extension runs when no copydesk is on PATH (a platform-specific package).
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
rm -rf "$ext/server"
if [ $# -gt 0 ]; then mkdir -p "$ext/server" && cp "$1" "$ext/server/copydesk" && chmod +x "$ext/server/copydesk"; fi
# vsce takes the runtime dependencies from node_modules (npm list --production): no network.
# README images stay relative: they ship inside the package (no public repository to point at).
(cd "$ext" && "$CACHE/npm-tools/node_modules/.bin/vsce" package --no-rewrite-relative-links --out copydesk.vsix </dev/null)
