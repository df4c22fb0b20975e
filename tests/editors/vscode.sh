#!/bin/bash
# VS Code (code-server in headless Chromium, driven by playwright-core) + the packaged copydesk
# extension against a language server. Needs install.sh and build_vsix.sh to have run.
# Usage: tests/editors/vscode.sh SERVER [ARG...]
# Env: VSIX (default editors/vscode/copydesk.vsix), SHOT (screenshot, default
#      .ci/artifacts/vscode.png), IMAGES_DIR (also write README screenshots there), TIMEOUT_MS.
set -uo pipefail
source "$(dirname "$0")/common.sh"
[ $# -gt 0 ] || { echo "usage: $0 SERVER [ARG...]" >&2; exit 2; }
VSIX=${VSIX:-$REPO/editors/vscode/copydesk.vsix}
SHOT=${SHOT:-$REPO/.ci/artifacts/vscode.png}
CODE_SERVER=${CODE_SERVER:-$(ls -d "$CACHE"/code-server-*/node_modules/.bin/code-server 2>/dev/null | tail -1)}
export PW_CORE=${PW_CORE:-$CACHE/npm-tools/node_modules/playwright-core}
[ -f "$VSIX" ] || { echo "FAIL: no $VSIX (run tests/editors/build_vsix.sh)"; exit 1; }
[ -x "$CODE_SERVER" ] || { echo "FAIL: code-server not installed (run tests/editors/install.sh)"; exit 1; }
mkdir -p "$(dirname "$SHOT")"

state=$(mktemp -d /tmp/copydesk-vscode.XXXXXX)
ws=$state/newsroom
mkdir -p "$ws" "$state/data/User"
for expect in "$FIXTURES"/*.expect; do cp "$(ls "${expect%.expect}".* | grep -v '\.expect$' | head -1)" "$ws/"; done
# The server runs through a wrapper that records its pid, so the test can crash it on purpose.
cat > "$state/server.sh" <<SH
#!/bin/sh
echo \$\$ >> "$state/server.pids"
exec "\$@"
SH
chmod +x "$state/server.sh"
python3 - "$state/data/User/settings.json" "$state/server.sh" "$RULES_JSON" "$@" <<'PY'
import json, sys
path, wrapper, rules, argv = sys.argv[1], sys.argv[2], json.loads(sys.argv[3]), sys.argv[4:]
json.dump({
    "copydesk.server.path": wrapper, "copydesk.server.args": argv, "copydesk.rules": rules,
    "copydesk.trace.server": "messages",
    "workbench.startupEditor": "none", "security.workspace.trust.enabled": False,
    "telemetry.telemetryLevel": "off", "extensions.autoCheckUpdates": False,
    "extensions.autoUpdate": False, "workbench.tips.enabled": False, "update.mode": "none",
    "chat.disableAIFeatures": True, "workbench.colorTheme": "Default Light Modern",
    "editor.minimap.enabled": False, "window.commandCenter": False,
    "workbench.layoutControl.enabled": False, "editor.fontSize": 15,
    # every story stays open (a preview tab would close the negative control on the next open)
    "workbench.editor.enablePreview": False,
}, open(path, "w"), indent=1)
PY
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
printf 'bind-addr: 127.0.0.1:%s\nauth: none\ncert: false\n' "$port" > "$state/config.yaml"
common=(--config "$state/config.yaml" --user-data-dir "$state/data" --extensions-dir "$state/ext")

t0=$SECONDS
"$CODE_SERVER" "${common[@]}" --install-extension "$VSIX" >"$state/install.log" 2>&1 \
  || { cat "$state/install.log"; echo "FAIL: --install-extension"; exit 1; }
"$CODE_SERVER" "${common[@]}" --disable-telemetry --disable-update-check --disable-workspace-trust \
  --disable-getting-started-override "$ws" >"$state/code-server.log" 2>&1 &
cs_pid=$!
cleanup() {
  kill "$cs_pid" 2>/dev/null; wait "$cs_pid" 2>/dev/null
  # the language server is code-server's grandchild: end the ones the wrapper recorded
  [ -f "$state/server.pids" ] && while read -r p; do kill "$p" 2>/dev/null; done < "$state/server.pids"
  rm -rf "$state"
}
trap cleanup EXIT
for _ in $(seq 1 120); do curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.5; done
echo "code-server up after $((SECONDS - t0))s"

rc=0
STATE="$state" node "$HERE/vscode/ui_test.js" "http://127.0.0.1:$port/?folder=$ws" "$FIXTURES" "$SHOT" || rc=$?
if [ $rc -ne 0 ]; then
  echo "--- code-server.log (tail)"; tail -30 "$state/code-server.log"
  log=$(find "$state/data/logs" -name "*copydesk*" -type f 2>/dev/null | head -1)
  [ -n "$log" ] && { echo "--- $log (tail)"; tail -30 "$log"; }
fi
exit $rc
