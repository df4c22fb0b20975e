#!/usr/bin/env python3
"""Compare the diagnostics an editor received with a fixture's expectations file.

Usage: check_diagnostics.py FIXTURE EXPECT PHASE REPORT.json [RULE=SEVERITY...]
  PHASE   `open` (the expectations' plain lines) or `edit` (the `after-edit` lines, checked
          against FIXTURE plus the appended `edit` line).
  REPORT  JSON written by the editor script: {"published": bool, "diagnostics": [{"line": 1-based,
          "col": 0-based chars, "end_line", "end_col", "text": covered text, "code", "source",
          "message"}]}; col/end_col may be null when an editor cannot say (then only line and
          covered text are checked).
  RULE=SEVERITY  every diagnostic with that code must have that severity (error/warning/info/
          hint): proves the editor passed its rule settings to the server.
Prints what it found and exits 1 on any mismatch. An expectations file without plain lines is a
negative control: zero copydesk diagnostics allowed.
"""
import json
import sys


def load_expectations(path):
    plain, edit, after = [], None, []
    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            head, _, rest = line.partition(" ")
            if head == "edit":
                edit = rest.strip()
            elif head == "after-edit":
                rule, line_no, text = rest.strip().split(None, 2)
                after.append((rule, line_no, text))
            else:
                line_no, text = rest.strip().split(None, 1)
                plain.append((head, line_no, text))
    return plain, edit, after


def main():
    fixture, expect_path, phase, report_path = sys.argv[1:5]
    severities = dict(arg.split("=", 1) for arg in sys.argv[5:])
    with open(fixture, encoding="utf-8") as f:
        lines = f.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    plain, edit, after = load_expectations(expect_path)
    if phase == "edit":
        lines.append(edit or "")
        wanted = after
    else:
        wanted = plain
    with open(report_path, encoding="utf-8") as f:
        report = json.load(f)
    diags = [d for d in report.get("diagnostics", []) if d.get("source") == "copydesk"]
    failures = []
    if not report.get("published"):
        failures.append("the editor never received diagnostics from the server for this file")
    for d in diags:
        print("  got %s (%s) line %s col %s-%s %r: %s" % (d.get("code"), d.get("severity"), d.get("line"),
              d.get("col"), d.get("end_col"), d.get("text"), d.get("message")))
        wanted_severity = severities.get(d.get("code"))
        if wanted_severity and d.get("severity") != wanted_severity:
            failures.append("line %d: %s has severity %s, configured %s"
                            % (d["line"], d.get("code"), d.get("severity"), wanted_severity))
        # Whatever the editor's column units, the covered text must be what the line holds there.
        line = lines[d["line"] - 1] if 0 < d["line"] <= len(lines) else None
        if line is not None and d.get("col") is not None and d.get("end_line") == d["line"]:
            expected_text = line[d["col"]:d["end_col"]]
            if d.get("text") is not None and d["text"] != expected_text:
                failures.append("line %d: range covers %r but the characters there are %r"
                                % (d["line"], d["text"], expected_text))
    if not wanted and phase == "open" and diags:
        failures.append("negative control: expected no copydesk diagnostics, got %d" % len(diags))
    for rule, line_no, text in wanted:
        n = len(lines) if line_no == "$" else int(line_no)
        line = lines[n - 1] if 0 < n <= len(lines) else ""
        a = line.find(text)
        if a < 0:
            failures.append("expectations file is stale: %r is not on line %d" % (text, n))
            continue
        b = a + len(text)

        def covers(d):
            if d.get("code") != rule or d.get("line") != n:
                return False
            if d.get("col") is None:
                return bool(d.get("text")) and text in d["text"]
            end = d["end_col"] if d.get("end_line") == n and d.get("end_col") is not None else len(line)
            return d["col"] <= a and b <= end

        if any(covers(d) for d in diags):
            print("  ok  %s on line %d covering %r" % (rule, n, text))
        else:
            failures.append("missing %s on line %d covering %r" % (rule, n, text))
    for f in failures:
        print("  FAIL " + f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
