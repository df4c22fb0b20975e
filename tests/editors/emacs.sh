#!/bin/bash
# Emacs (batch) + Eglot + editors/emacs/copydesk.el against a language server, on every fixture.
# Usage: tests/editors/emacs.sh SERVER [ARG...]     (Env: EMACS=binary, default `emacs`)
set -uo pipefail
source "$(dirname "$0")/common.sh"
source "$HERE/run_fixtures.sh"
[ $# -gt 0 ] || { echo "usage: $0 SERVER [ARG...]" >&2; exit 2; }
export REPO RULES_JSON CMD_JSON
CMD_JSON=$(json_argv "$@")
run_fixtures "${EMACS:-emacs}" --batch -l "$HERE/emacs/eglot_test.el"
