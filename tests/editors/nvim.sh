#!/bin/bash
# Neovim + editors/nvim against a language server, on every fixture.
# Usage: tests/editors/nvim.sh SERVER [ARG...]     (Env: NVIM=binary, default `nvim` on PATH)
# Exit 1 if any fixture's expected diagnostics did not arrive (or a clean one got any).
set -uo pipefail
source "$(dirname "$0")/common.sh"
[ $# -gt 0 ] || { echo "usage: $0 SERVER [ARG...]" >&2; exit 2; }
NVIM=${NVIM:-nvim}
export REPO RULES_JSON CMD_JSON
CMD_JSON=$(json_argv "$@")
rc=0
for expect in "$FIXTURES"/*.expect; do
  name=$(basename "$expect" .expect)
  doc=$(ls "$FIXTURES/$name".* | grep -v '\.expect$' | head -1)
  tmp=$(mktemp -d)
  cp "$doc" "$tmp/"   # the edit step changes the buffer only, but keep the fixture untouched anyway
  echo "== $(basename "$doc")"
  DOC="$tmp/$(basename "$doc")" EDIT_LINE=$(edit_line "$expect") \
  EXPECT_MIN=$(expect_count "$expect") EXPECT_EDIT_MIN=$(expect_count "$expect" after-edit) \
  REPORT_OPEN="$tmp/open.json" REPORT_EDIT="$tmp/edit.json" \
    timeout 90 "$NVIM" --headless --clean -n -i NONE -c "luafile $HERE/nvim/attach_test.lua" </dev/null
  [ $? -eq 0 ] || rc=1
  [ -f "$tmp/open.json" ] && { python3 "$HERE/check_diagnostics.py" "$doc" "$expect" open "$tmp/open.json" "${SEVERITY_ARGS[@]}" || rc=1; } || rc=1
  if [ -n "$(edit_line "$expect")" ]; then
    echo "-- after edit"
    [ -f "$tmp/edit.json" ] && { python3 "$HERE/check_diagnostics.py" "$doc" "$expect" edit "$tmp/edit.json" "${SEVERITY_ARGS[@]}" || rc=1; } || rc=1
  fi
  rm -rf "$tmp"
done
exit $rc
