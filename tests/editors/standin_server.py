#!/usr/bin/env python3
"""A stand-in for `copydesk lsp --stdio` (stdlib only), so the editor tests can be developed
and debugged without the real server. It speaks the same protocol surface the editors see:
full text sync, push diagnostics with source "copydesk" and code = rule id, UTF-16 columns,
initializationOptions / workspace/didChangeConfiguration settings {preset, rules}.
It flags a few obvious anonymous-source and vague-attribution phrasings; it is not the checker.
Takes the real server's arguments, `lsp --stdio` (or none), and like it rejects anything else, so
a client that adds arguments of its own fails here too.
Env: STANDIN_LOG=path logs traffic; STANDIN_BYTE_COLUMNS=1 sends wrong (UTF-8 byte) columns.
"""
import json
import os
import re
import sys

LOG = os.environ.get("STANDIN_LOG")
ANONYMOUS = re.compile(
    r"\b(?:(?:two|three|several|some)\s+)?officials?\s+familiar\s+with\s+the\s+\w+"
    r"|\ba\s+senior\s+official\b|\bsources\b", re.IGNORECASE)
VAGUE = re.compile(r"\b(?:critics|some\s+\w+)(?=\s+(?:say|said|believe)\b)", re.IGNORECASE)
SEVERITY = {"error": 1, "warning": 2, "info": 3, "hint": 4}

settings = {"preset": "none", "rules": {}}
documents = {}


def log(*parts):
    if LOG:
        with open(LOG, "a") as f:
            f.write(" ".join(str(p) for p in parts) + "\n")


def read_message():
    headers = {}
    while True:
        line = sys.stdin.buffer.readline()
        if not line:
            return None
        line = line.decode("ascii").strip()
        if not line:
            break
        key, value = line.split(":", 1)
        headers[key.strip().lower()] = value.strip()
    return json.loads(sys.stdin.buffer.read(int(headers["content-length"])))


def send(message):
    body = json.dumps(dict(message, jsonrpc="2.0")).encode("utf-8")
    sys.stdout.buffer.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    sys.stdout.buffer.flush()
    log("->", message.get("method", message.get("id")))


def utf16(s):
    # STANDIN_BYTE_COLUMNS=1 reproduces a classic server bug (UTF-8 byte columns), to show the
    # tests catch it.
    if os.environ.get("STANDIN_BYTE_COLUMNS") == "1":
        return len(s.encode("utf-8"))
    return len(s.encode("utf-16-le")) // 2


def publish(uri):
    diagnostics = []
    for rule, pattern, message in (
            ("anonymous-source", ANONYMOUS, "Anonymous source: say why the source cannot be named."),
            ("vague-attribution", VAGUE, "Vague attribution: who are they?")):
        level = settings["rules"].get(rule, "warning")
        if level == "off":
            continue
        for line_no, line in enumerate(documents.get(uri, "").split("\n")):
            for m in pattern.finditer(line):
                diagnostics.append({
                    "range": {"start": {"line": line_no, "character": utf16(line[:m.start()])},
                              "end": {"line": line_no, "character": utf16(line[:m.end()])}},
                    "severity": SEVERITY.get(level, 2), "source": "copydesk", "code": rule,
                    "message": message + " (stand-in)"})
    diagnostics.sort(key=lambda d: (d["range"]["start"]["line"], d["range"]["start"]["character"]))
    send({"method": "textDocument/publishDiagnostics",
          "params": {"uri": uri, "diagnostics": diagnostics}})


def apply_settings(value):
    if isinstance(value, dict):
        value = value.get("copydesk", value)
        settings.update({k: v for k, v in value.items() if k in ("preset", "rules")})


def main():
    if sys.argv[1:] not in ([], ["lsp", "--stdio"]):
        sys.stderr.write("error: unexpected arguments %r (expected: lsp --stdio)\n" % sys.argv[1:])
        return 2
    shutdown = False
    while True:
        msg = read_message()
        if msg is None:
            return 0 if shutdown else 1
        method, mid, params = msg.get("method"), msg.get("id"), msg.get("params") or {}
        log("<-", method, mid, json.dumps(params)[:200])
        if method == "initialize":
            apply_settings(params.get("initializationOptions"))
            send({"id": mid, "result": {
                "capabilities": {"textDocumentSync": {"openClose": True, "change": 1}},
                "serverInfo": {"name": "copydesk-standin", "version": "0"}}})
        elif method == "shutdown":
            shutdown = True
            send({"id": mid, "result": None})
        elif method == "exit":
            return 0 if shutdown else 1
        elif method == "workspace/didChangeConfiguration":
            apply_settings(params.get("settings"))
            for uri in documents:
                publish(uri)
        elif method == "textDocument/didOpen":
            doc = params["textDocument"]
            documents[doc["uri"]] = doc["text"]
            publish(doc["uri"])
        elif method == "textDocument/didChange":
            uri = params["textDocument"]["uri"]
            documents[uri] = params["contentChanges"][-1]["text"]
            publish(uri)
        elif method == "textDocument/didClose":
            documents.pop(params["textDocument"]["uri"], None)
        elif mid is not None and method is not None:
            send({"id": mid, "error": {"code": -32601, "message": "method not found: " + method}})


if __name__ == "__main__":
    sys.exit(main())
