#!/bin/bash
# Kakoune + kak-lsp + editors/kakoune/copydesk.kak against copydesk, on every fixture in one
# session: negative controls are opened first, then the stories; once the stories' findings
# are in, the *diagnostics* buffer (all files) is checked against the expectations.
# Usage: tests/editors/kak.sh COPYDESK-BINARY lsp --stdio   (copydesk.kak fixes the arguments)
# Needs kak (Debian kakoune) and kak-lsp on PATH (install.sh puts it under the cache).
set -uo pipefail
source "$(dirname "$0")/common.sh"
[ $# -gt 0 ] || { echo "usage: $0 SERVER lsp --stdio" >&2; exit 2; }
[ "${*:2}" = "lsp --stdio" ] || [ $# -eq 1 ] || { echo "kak.sh: copydesk.kak always passes 'lsp --stdio'" >&2; exit 2; }
export PATH="$CACHE/kak-lsp/bin:$PATH" REPO COPYDESK_BIN=$1
export RULES_TOML=$(python3 -c 'import json,sys; d=json.loads(sys.argv[1]); print("{ " + ", ".join("%s = %s" % (json.dumps(k), json.dumps(v)) for k, v in d.items()) + " }")' "$RULES_JSON")
TIMEOUT=${TIMEOUT:-15}
tmp=$(mktemp -d); sess=copydesk$$
clean=(); stories=()
for expect in "$FIXTURES"/*.expect; do
  doc=$(ls "${expect%.expect}".* | grep -v '\.expect$' | head -1)
  cp "$doc" "$tmp/"
  if [ "$(expect_count "$expect")" -eq 0 ]; then clean+=("$(basename "$doc")"); else stories+=("$(basename "$doc")"); fi
done
cd "$tmp" || exit 1
timeout $((TIMEOUT * 2 + 20)) kak -n -ui dummy -s "$sess" -e "source $HERE/kak/init.kak" "${clean[@]}" "${stories[@]}" \
  >"$tmp/kak.out" 2>&1 &
kpid=$!
send() { printf '%s\n' "$1" | kak -p "$sess" 2>/dev/null; }
# every buffer needs a window for lsp-enable-window: display each once
sleep 1
for f in "${clean[@]}" "${stories[@]}"; do send "evaluate-commands -client client0 %{ edit $tmp/$f }"; sleep 0.3; done
rc=0
for f in "${stories[@]}"; do
  want=$(expect_count "$FIXTURES/${f%.*}.expect"); n=0; end=$((SECONDS + TIMEOUT))
  while [ $SECONDS -lt $end ]; do
    rm -f "$tmp/count"
    send "evaluate-commands -buffer $tmp/$f %{ echo -to-file $tmp/count %opt{lsp_diagnostic_error_count} %opt{lsp_diagnostic_warning_count} %opt{lsp_diagnostic_info_count} %opt{lsp_diagnostic_hint_count} }"
    sleep 0.3
    [ -s "$tmp/count" ] && n=$(tr ' ' '\n' < "$tmp/count" | awk '{s+=$1} END {print s+0}')
    [ "$n" -ge "$want" ] && break
  done
  echo "$f: $n diagnostics"
done
send "evaluate-commands -client client0 lsp-diagnostics"
for _ in $(seq 1 15); do
  sleep 0.3
  send "evaluate-commands -buffer *diagnostics* %{ write -force $tmp/diagnostics.txt }"
  [ -s "$tmp/diagnostics.txt" ] && break
done
echo "kakoune $(kak -version) / $(kak-lsp --version)"
send "kill!"; wait $kpid 2>/dev/null
# *diagnostics* lines: FILE:LINE:BYTECOL: [severity][server][source][code] message
for f in "${clean[@]}" "${stories[@]}"; do
  echo "== $f"
  python3 - "$tmp/diagnostics.txt" "$f" "$FIXTURES/$f" "$tmp/$f.json" <<'PY'
import json, re, sys
listing, name, fixture, out = sys.argv[1:5]
lines = open(fixture, encoding="utf-8").read().split("\n")
try:
    text = open(listing, encoding="utf-8").read()
except OSError:
    text = ""
diags = []
for m in re.finditer(r"^(?P<file>[^:\n]+):(?P<line>\d+):(?P<col>\d+): \[(?P<sev>\w+)\](?:\[[^]]*\])*?\[(?P<source>[^]]+)\]\[(?P<code>[^]]+)\] (?P<msg>.*)$", text, re.M):
    if m["file"] != name:
        continue
    n = int(m["line"])
    line = lines[n - 1] if 0 < n <= len(lines) else ""
    col = len(line.encode("utf-8")[: int(m["col"]) - 1].decode("utf-8", "ignore"))
    diags.append({"line": n, "end_line": None, "col": col, "end_col": None, "text": None,
                  "code": m["code"], "source": m["source"], "severity": m["sev"], "message": m["msg"]})
# The listing exists once the stories' findings are in; the server answers in order, so a
# negative control opened before them has been analysed by then.
json.dump({"published": bool(text.strip()), "diagnostics": diags}, open(out, "w"))
PY
  python3 "$HERE/check_diagnostics.py" "$FIXTURES/$f" "$FIXTURES/${f%.*}.expect" open "$tmp/$f.json" "${SEVERITY_ARGS[@]}" || rc=1
done
[ -s "$tmp/diagnostics.txt" ] || { echo "FAIL: no *diagnostics* listing"; tail -20 "$tmp/kak.out"; rc=1; }
rm -rf "$tmp"
exit $rc
