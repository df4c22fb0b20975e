# Sourced by nvim.sh / emacs.sh: run_fixtures EDITOR-COMMAND... runs the editor once per
# fixture with the env its test script reads, then checks the reports. Returns 1 on any failure.
run_fixtures() {
  local rc=0 expect name doc tmp
  for expect in "$FIXTURES"/*.expect; do
    name=$(basename "$expect" .expect)
    doc=$(ls "$FIXTURES/$name".* | grep -v '\.expect$' | head -1)
    tmp=$(mktemp -d)
    cp "$doc" "$tmp/"   # edits happen in the buffer only; the copy keeps fixtures safe anyway
    echo "== $(basename "$doc")"
    DOC="$tmp/$(basename "$doc")" EDIT_LINE=$(edit_line "$expect") \
    EXPECT_MIN=$(expect_count "$expect") EXPECT_EDIT_MIN=$(expect_count "$expect" after-edit) \
    OFF_RULE=$(off_rule "$expect") REPORT_OPEN="$tmp/open.json" REPORT_EDIT="$tmp/edit.json" \
      timeout 120 "$@" </dev/null
    [ $? -eq 0 ] || { echo "  FAIL the editor run failed"; rc=1; }
    if [ -f "$tmp/open.json" ]; then
      python3 "$HERE/check_diagnostics.py" "$doc" "$expect" open "$tmp/open.json" "${SEVERITY_ARGS[@]}" || rc=1
    else echo "  FAIL no report from the editor"; rc=1; fi
    if [ -n "$(edit_line "$expect")" ]; then
      echo "-- after edit"
      if [ -f "$tmp/edit.json" ]; then
        python3 "$HERE/check_diagnostics.py" "$doc" "$expect" edit "$tmp/edit.json" "${SEVERITY_ARGS[@]}" || rc=1
      else echo "  FAIL no report after the edit"; rc=1; fi
    fi
    rm -rf "$tmp"
  done
  return $rc
}
