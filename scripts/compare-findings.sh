#!/usr/bin/env bash
# Shows that a change to the engine leaves its findings byte-identical: runs two builds of
# copydesk over the same real and generated copy and compares their JSON output.
#
#   scripts/compare-findings.sh OLD_BINARY NEW_BINARY
#
# Typical use: copy target/release/copydesk aside before a change (`cp target/release/copydesk
# /tmp/copydesk-before`), make the change, `cargo build --release`, then
# `scripts/compare-findings.sh /tmp/copydesk-before target/release/copydesk`.
#
# Real copy is read from ../shared (or COPYDESK_CORPUS, COPYDESK_ATTRIBUTIONS, COPYDESK_WILD);
# whatever is absent is skipped with a message. The wild articles of the held-out blind samples
# (tests/labels/wild/blind-*/sample.json) are left out, so that a diff never shows a rule writer
# the findings on text kept for measuring. Generated copy (a manuscript and the pathological
# shapes' building blocks) comes from tools/lsp-latency, so a machine without the corpora still
# compares something. Exit status: 0 identical, 1 different, 2 could not run.
set -euo pipefail

if [[ $# -ne 2 ]]; then
    echo "usage: $0 OLD_BINARY NEW_BINARY" >&2
    exit 2
fi
old=$1
new=$2
root=$(cd "$(dirname "$0")/.." && pwd)
shared=$root/../shared
corpus=${COPYDESK_CORPUS:-$shared/corpus}
attributions=${COPYDESK_ATTRIBUTIONS:-$shared/attributions}
wild=${COPYDESK_WILD:-$shared/wild}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A copy of the wild folder without the held-out articles (hard links where the file system
# allows them, so it costs no space).
if [[ -d $wild ]]; then
    cp -al "$wild" "$work/wild" 2>/dev/null || cp -a "$wild" "$work/wild"
    held_out=$(python3 -c '
import glob, json, sys
for path in glob.glob(sys.argv[1] + "/tests/labels/wild/blind-*/sample.json"):
    for row in json.load(open(path)):
        print(row[1])
' "$root")
    while IFS= read -r file; do
        [[ -n $file ]] && rm -f "$work/wild/$file"
    done <<<"$held_out"
    echo "left out $(grep -c . <<<"$held_out") held-out wild articles"
    wild=$work/wild
fi

inputs=()
for dir in "$corpus" "$attributions/texts" "$wild"; do
    if [[ -d $dir ]]; then
        inputs+=("$dir")
    else
        echo "SKIP: $dir is absent; set COPYDESK_CORPUS / COPYDESK_ATTRIBUTIONS / COPYDESK_WILD" >&2
    fi
done

generator=$root/target/release/lsp-latency
if [[ -x $generator ]]; then
    mkdir -p "$work/generated"
    "$generator" --words 150000 --write-document "$work/generated/manuscript.md" >/dev/null
    # The same copy read as plain text exercises the other extraction path.
    cp "$work/generated/manuscript.md" "$work/generated/manuscript.txt"
    inputs+=("$work/generated")
else
    echo "SKIP generated copy: build tools/lsp-latency (cargo build --release -p lsp-latency)" >&2
fi

if [[ ${#inputs[@]} -eq 0 ]]; then
    echo "nothing to compare" >&2
    exit 2
fi

status=0
for input in "${inputs[@]}"; do
    name=$(basename "$input")
    # A config given explicitly, so a .copydesk.toml near the corpora cannot differ between runs;
    # --fail-on never because findings are expected; exit 2 (unreadable files) is still an error.
    printf '' >"$work/empty.toml"
    "$old" check "$input" --format json --fail-on never --config "$work/empty.toml" >"$work/old-$name.json"
    "$new" check "$input" --format json --fail-on never --config "$work/empty.toml" >"$work/new-$name.json"
    findings=$(grep -c '"rule":' "$work/old-$name.json" || true)
    if cmp -s "$work/old-$name.json" "$work/new-$name.json"; then
        echo "identical: $input ($findings findings)"
    else
        echo "DIFFERENT: $input"
        # diff exits 1 on a difference (and head may cut it short): not an error here.
        diff -u "$work/old-$name.json" "$work/new-$name.json" | head -40 || true
        status=1
    fi
done
exit $status
