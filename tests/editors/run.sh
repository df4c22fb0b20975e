#!/bin/bash
# Real-editor tests of copydesk's editor integrations: installs the editors it needs (cached),
# then runs Neovim 0.7 (Debian) and 0.11 (PyPI), Emacs 28 +
# Eglot, and VS Code (code-server + Chromium, with the release .vsix and the server inside it;
# tests/editors/vscode.sh) against the language server, on every fixture in
# tests/editors/fixtures (and Vim 9 + ALE, Kakoune + kak-lsp). Ends with "N passed, N failed"; exits 1 on any failure.
#
# Usage: tests/editors/run.sh                      target/release/copydesk lsp --stdio
#        tests/editors/run.sh PATH/TO/copydesk     PATH/TO/copydesk lsp --stdio
#        tests/editors/run.sh SERVER ARG...        any stdio language server command
#        tests/editors/run.sh --standin            tests/editors/standin_server.py
# Env:   COPYDESK_EDITORS_CACHE (install cache), ONLY="nvim-0.7 emacs ..." (subset of editors),
#        ARTIFACTS (logs + screenshot, default .ci/artifacts)
set -uo pipefail
source "$(dirname "$0")/common.sh"
ARTIFACTS=${ARTIFACTS:-$REPO/.ci/artifacts}
mkdir -p "$ARTIFACTS/editors"
standin=no
if [ $# -eq 0 ]; then set -- "$REPO/target/release/copydesk" lsp --stdio
elif [ "$1" = --standin ]; then set -- "$HERE/standin_server.py"; standin=yes
elif [ $# -eq 1 ]; then set -- "$1" lsp --stdio; fi
[ -x "$1" ] || command -v "$1" >/dev/null || { echo "server not found: $1"; echo "0 passed, 1 failed"; exit 1; }
# Absolute path: the editors run from other directories.
case $1 in */*) server=("$(cd "$(dirname "$1")" && pwd)/$(basename "$1")" "${@:2}");; *) server=("$@");; esac
echo "server: ${server[*]}"

pass=0; fail=0; summary=()
step() {  # NAME COMMAND... : run, log, count
  local name=$1 t=$SECONDS; shift
  case " ${ONLY:- $name } " in *" $name "*) ;; *) return 0;; esac
  if "$@" >"$ARTIFACTS/editors/$name.log" 2>&1; then
    pass=$((pass + 1)); summary+=("PASS $name ($((SECONDS - t))s)")
    echo "PASS $name ($((SECONDS - t))s)"
  else
    fail=$((fail + 1)); summary+=("FAIL $name ($((SECONDS - t))s)")
    echo "FAIL $name ($((SECONDS - t))s) -- log $ARTIFACTS/editors/$name.log:"
    sed 's/^/    /' "$ARTIFACTS/editors/$name.log" | tail -60
  fi
}

t0=$SECONDS
if ! "$HERE/install.sh" >"$ARTIFACTS/editors/install.log" 2>&1; then
  echo "FAIL install -- log:"; sed 's/^/    /' "$ARTIFACTS/editors/install.log" | tail -40
  echo "0 passed, 1 failed"; exit 1
fi
sed 's/^/  /' "$ARTIFACTS/editors/install.log" | grep -v '^\s*\[install'
echo "install: $((SECONDS - t0))s"

step nvim-0.7 env NVIM=/usr/bin/nvim "$HERE/nvim.sh" "${server[@]}"
step nvim-0.11 env NVIM="$CACHE/venv-nvim/bin/nvim" "$HERE/nvim.sh" "${server[@]}"
step emacs-eglot "$HERE/emacs.sh" "${server[@]}"
step vim-ale "$HERE/vim.sh" "${server[@]}"
step kakoune "$HERE/kak.sh" "${server[@]}"
# VS Code runs the release .vsix (scripts/release.sh builds it when missing or stale), whose
# server is the one it carries: the SERVER argument does not reach it.
if [ "$standin" = yes ]; then
  case " ${ONLY:- vscode } " in *" vscode "*) echo "SKIP vscode (tests the release .vsix and its own server, not the stand-in)";; esac
else
  step vscode env SHOT="$ARTIFACTS/vscode.png" "$HERE/vscode.sh" "${server[@]}"
  case " ${ONLY:- vscode } " in *" vscode "*) echo "screenshot: $ARTIFACTS/vscode.png";; esac
fi
echo "total: $((SECONDS - t0))s"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
