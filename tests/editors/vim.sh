#!/bin/bash
# Vim 9 + ALE (Debian vim-ale) + editors/vim against a language server, on every fixture.
# Usage: tests/editors/vim.sh SERVER [ARG...]
set -uo pipefail
source "$(dirname "$0")/common.sh"
source "$HERE/run_fixtures.sh"
[ $# -gt 0 ] || { echo "usage: $0 SERVER [ARG...]" >&2; exit 2; }
export REPO RULES_JSON CMD_JSON
CMD_JSON=$(json_argv "$@")
# Vim writes terminal codes to stdout even with --not-a-term: the test writes files instead.
run_fixtures sh -c 'exec vim -N -u NONE -i NONE -n -X --not-a-term -S "$0" >/dev/null 2>&1' "$HERE/vim/ale_test.vim"
