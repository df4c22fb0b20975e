#!/bin/bash
# VS Code (code-server in headless Chromium, driven by playwright-core) with the release .vsix:
# the platform package scripts/release.sh builds, carrying the server as server/copydesk. No
# setting names a server and no copydesk is on code-server's PATH, so the findings can only come
# from the bundled binary; every copydesk process code-server starts is checked to be that one.
# Needs install.sh to have run.
# Usage: tests/editors/vscode.sh [SERVER [ARG...]]   the arguments are not used: the server is the
#        one inside the .vsix (run.sh passes them to every editor alike).
# Env: VSIX (a release .vsix, used as is; default target/dist/copydesk-linux-x64-VERSION.vsix,
#      built or rebuilt with scripts/release.sh when missing or older than the sources),
#      SHOT (screenshot, default .ci/artifacts/vscode.png), IMAGES_DIR (also write README
#      screenshots there), TIMEOUT_MS.
set -uo pipefail
source "$(dirname "$0")/common.sh"
SHOT=${SHOT:-$REPO/.ci/artifacts/vscode.png}
CODE_SERVER=${CODE_SERVER:-$(ls -d "$CACHE"/code-server-*/node_modules/.bin/code-server 2>/dev/null | tail -1)}
export PW_CORE=${PW_CORE:-$CACHE/npm-tools/node_modules/playwright-core}
[ -x "$CODE_SERVER" ] || { echo "FAIL: code-server not installed (run tests/editors/install.sh)"; exit 1; }
mkdir -p "$(dirname "$SHOT")"

if [ -z "${VSIX:-}" ]; then
  version=$(sed -n 's/^version = "\(.*\)"/\1/p' "$REPO/Cargo.toml" | head -1)
  VSIX=$REPO/target/dist/copydesk-linux-x64-$version.vsix
  # A package older than what goes into it would test yesterday's build.
  stale=
  if [ -f "$VSIX" ]; then
    stale=$(find "$REPO/target/release/copydesk" "$REPO/scripts/release.sh" "$REPO/Cargo.lock" \
      "$REPO/editors/vscode" \( -name node_modules -o -name out -o -name server \) -prune \
      -o -type f -newer "$VSIX" -print 2>/dev/null | head -1)
  fi
  if [ ! -f "$VSIX" ] || [ -n "$stale" ]; then
    echo "building $VSIX with scripts/release.sh${stale:+ ($stale is newer)}"
    t=$SECONDS
    nice -n 5 "$REPO/scripts/release.sh" 2>&1 || { echo "FAIL: scripts/release.sh"; exit 1; }
    echo "release.sh: $((SECONDS - t))s"
  fi
fi
[ -f "$VSIX" ] || { echo "FAIL: no $VSIX"; exit 1; }
echo "vsix: $VSIX"

# code-server's PATH without any directory holding a copydesk: the extension looks there before
# its bundled binary, so a copydesk on PATH would be tested instead of the package.
clean_path=
IFS=: read -ra path_dirs <<<"$PATH"
for d in "${path_dirs[@]}"; do
  [ -n "$d" ] && [ ! -e "$d/copydesk" ] && clean_path=${clean_path:+$clean_path:}$d
done
if found=$(env -i PATH="$clean_path" /bin/sh -c 'command -v copydesk'); then
  echo "FAIL: copydesk still on the scrubbed PATH ($found)"; exit 1
fi
echo "no copydesk on code-server's PATH ($clean_path)"
# The extension host normally takes its PATH from a login shell (~/.profile, ~/.bashrc), which
# could add a copydesk back; VSCODE_CLI=1 makes it keep code-server's scrubbed environment. The
# PATH each server actually got is checked after the run all the same.

state=$(mktemp -d /tmp/copydesk-vscode.XXXXXX)
ws=$state/newsroom
mkdir -p "$ws" "$state/data/User"
for expect in "$FIXTURES"/*.expect; do cp "$(ls "${expect%.expect}".* | grep -v '\.expect$' | head -1)" "$ws/"; done
# No copydesk.server.* setting: the extension must find its server by itself.
python3 - "$state/data/User/settings.json" "$RULES_JSON" <<'PY'
import json, sys
path, rules = sys.argv[1], json.loads(sys.argv[2])
json.dump({
    "copydesk.rules": rules,
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
env PATH="$clean_path" "$CODE_SERVER" "${common[@]}" --install-extension "$VSIX" >"$state/install.log" 2>&1 \
  || { cat "$state/install.log"; echo "FAIL: --install-extension"; exit 1; }
bundled=$(find "$state/ext" -path '*/server/copydesk' -type f | head -1)
[ -x "$bundled" ] || { ls -R "$state/ext" | head -40; echo "FAIL: no executable server/copydesk in the installed extension"; exit 1; }
echo "bundled server: ${bundled#"$state/"} ($("$bundled" --version))"
# What the status bar must say of each story: its ledger headline, from the packaged server's CLI.
"$bundled" sources --format json "$ws"/* >"$state/ledger.json" 2>"$state/ledger.err" \
  || { cat "$state/ledger.err"; echo "FAIL: copydesk sources on the fixtures"; exit 1; }
env PATH="$clean_path" VSCODE_CLI=1 "$CODE_SERVER" "${common[@]}" --disable-telemetry --disable-update-check \
  --disable-workspace-trust --disable-getting-started-override "$ws" >"$state/code-server.log" 2>&1 &
cs_pid=$!
python3 "$HERE/vscode/server_pids.py" "$cs_pid" "$bundled" "$state/server.pids" "$state/foreign.pids" \
  "$state/server.path" &
watch_pid=$!
cleanup() {
  kill "$cs_pid" 2>/dev/null; wait "$cs_pid" 2>/dev/null
  kill "$watch_pid" 2>/dev/null; wait "$watch_pid" 2>/dev/null
  # the language servers are code-server's grandchildren: end the ones server_pids.py recorded
  for f in "$state/server.pids" "$state/foreign.pids"; do
    [ -f "$f" ] && while read -r p _; do kill "$p" 2>/dev/null; done < "$f"
  done
  rm -rf "$state"
}
trap cleanup EXIT
for _ in $(seq 1 120); do curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.5; done
echo "code-server up after $((SECONDS - t0))s"

rc=0
STATE="$state" LEDGER_JSON="$state/ledger.json" node "$HERE/vscode/ui_test.js" "http://127.0.0.1:$port/?folder=$ws" "$FIXTURES" "$SHOT" || rc=$?
if [ $rc -ne 0 ]; then
  echo "--- code-server.log (tail)"; tail -30 "$state/code-server.log"
  log=$(find "$state/data/logs" -name "*copydesk*" -type f 2>/dev/null | head -1)
  [ -n "$log" ] && { echo "--- $log (tail)"; tail -30 "$log"; }
fi
if [ -s "$state/foreign.pids" ]; then
  echo "FAIL: code-server ran a copydesk that is not the one in the .vsix:"; sed 's/^/  /' "$state/foreign.pids"
  rc=1
fi
if [ ! -s "$state/server.pids" ]; then
  echo "FAIL: the bundled server never ran"; rc=1
else
  echo "bundled server processes started: $(wc -l < "$state/server.pids")"
fi
# The PATH the extension searched is its host's, which every server it starts inherits.
while read -r server_path; do
  if found=$(env -i PATH="$server_path" /bin/sh -c 'command -v copydesk'); then
    echo "FAIL: the extension host's PATH has a copydesk ($found): $server_path"; rc=1
  fi
done < <(sort -u "$state/server.path" 2>/dev/null)
[ -s "$state/server.path" ] && echo "extension host PATH: $(sort -u "$state/server.path" | head -1)"
exit $rc
