# Shared by the editor test scripts (sourced). Sets HERE, REPO, FIXTURES and helpers.
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
FIXTURES=${FIXTURES:-$HERE/fixtures}
if [ "$(id -u)" = 0 ]; then CACHE=${COPYDESK_EDITORS_CACHE:-/var/cache/copydesk-editors}
else CACHE=${COPYDESK_EDITORS_CACHE:-$HOME/.cache/copydesk-editors}; fi
# Rule settings every editor passes to the server; the checker then requires these severities.
RULES_JSON=${RULES_JSON:-'{"anonymous-source": "error"}'}
SEVERITY_ARGS=(anonymous-source=error)

json_argv() { python3 -c 'import json,sys; print(json.dumps(sys.argv[1:]))' "$@"; }
# expect_count FILE.expect [after-edit]: number of plain (or after-edit) expectation lines
expect_count() {
  if [ "${2:-}" = after-edit ]; then grep -c '^after-edit ' "$1" || true
  else grep -Evc '^(#|$|edit |after-edit )' "$1" || true; fi
}
edit_line() { sed -n 's/^edit //p' "$1" | head -1; }
# off_rule FILE.expect: the first expected rule id (editors that test run-time settings turn it off)
off_rule() { grep -Ev '^(#|$|edit |after-edit )' "$1" | head -1 | cut -d' ' -f1; }
