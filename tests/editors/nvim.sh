#!/bin/bash
# Neovim + editors/nvim against a language server, on every fixture.
# Usage: tests/editors/nvim.sh SERVER [ARG...]     (Env: NVIM=binary, default `nvim` on PATH)
# Exit 1 if any fixture's expected diagnostics did not arrive (or a clean one got any).
set -uo pipefail
source "$(dirname "$0")/common.sh"
source "$HERE/run_fixtures.sh"
[ $# -gt 0 ] || { echo "usage: $0 SERVER [ARG...]" >&2; exit 2; }
export REPO RULES_JSON CMD_JSON
CMD_JSON=$(json_argv "$@")
run_fixtures "${NVIM:-nvim}" --headless --clean -n -i NONE -c "luafile $HERE/nvim/attach_test.lua"
