//! The language server shows what the command line shows: the same findings at the same
//! places, in both position encodings. The CLI's JSON gives byte spans; this test converts them
//! to LSP ranges itself (its own line and column arithmetic, not the server's) and compares
//! them with what `copydesk lsp --stdio` publishes for the same file.
//!
//! Also the editor-only features over real stdio: an edit that adds an unnamed source, the
//! "disable for this line" quick fix, and hover.

mod common;
#[path = "support/lsp_client.rs"]
mod lsp_client;

use common::corpus::seed_story;
use copydesk_core::Category;
use lsp_client::{edit, LspClient};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::Command;

/// `(rule, [start line, start character, end line, end character], LSP severity)`.
type Placed = (String, [u64; 4], u64);

fn draft_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/draft-story.md")
}

/// A `file://` URI for a path, percent-encoding everything but unreserved bytes and `/`.
fn file_uri(path: &Path) -> String {
    let absolute = path.canonicalize().expect("the story exists");
    let mut uri = String::from("file://");
    for byte in absolute.to_string_lossy().bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            uri.push(byte as char);
        } else {
            uri.push_str(&format!("%{byte:02X}"));
        }
    }
    uri
}

/// Line starts of a text by the LSP's own rule: `\n`, `\r\n` and a lone `\r` end a line.
struct Lines<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Lines<'a> {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        for (i, &b) in bytes.iter().enumerate() {
            if b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
                starts.push(i + 1);
            }
        }
        Lines { text, starts }
    }

    fn line_of(&self, byte: usize) -> usize {
        self.starts.partition_point(|&s| s <= byte) - 1
    }

    /// The position of a byte offset, its column in bytes (`utf8`) or UTF-16 code units.
    fn position(&self, byte: usize, utf8: bool) -> (u64, u64) {
        let line = self.line_of(byte);
        let start = self.starts[line];
        let column = if utf8 {
            byte - start
        } else {
            self.text[start..byte].encode_utf16().count()
        };
        (line as u64, column as u64)
    }

    /// The byte offset of a UTF-16 position on a line that has it.
    fn byte_at(&self, line: u64, character: u64) -> usize {
        let start = self.starts[line as usize];
        let mut units = 0;
        for (i, c) in self.text[start..].char_indices() {
            if units >= character as usize {
                return start + i;
            }
            units += c.len_utf16();
        }
        self.text.len()
    }

    fn range(&self, start: usize, end: usize, utf8: bool) -> [u64; 4] {
        let (l1, c1) = self.position(start, utf8);
        let (l2, c2) = self.position(end, utf8);
        [l1, c1, l2, c2]
    }
}

fn lsp_severity(cli: &str) -> u64 {
    match cli {
        "error" => 1,
        "warning" => 2,
        "info" => 3,
        "hint" => 4,
        other => panic!("the CLI printed an unknown severity {other:?}"),
    }
}

/// `copydesk check --format json FILE`: each finding's rule, byte span and severity.
fn cli_findings(path: &Path) -> Vec<(String, usize, usize, String)> {
    let output = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(["check", "--format", "json", "--fail-on", "never"])
        .arg(path)
        .output()
        .expect("cannot run copydesk check");
    assert!(
        output.status.success(),
        "copydesk check failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let report: Value = serde_json::from_slice(&output.stdout).expect("JSON on stdout");
    let file = &report["files"][0];
    assert!(
        file.get("error").is_none(),
        "the CLI could not check: {file}"
    );
    file["diagnostics"]
        .as_array()
        .expect("a diagnostics array")
        .iter()
        .map(|d| {
            let offset = |key: &str| d["span"][key].as_u64().expect("span offset") as usize;
            (
                d["rule"].as_str().expect("rule").to_string(),
                offset("start"),
                offset("end"),
                d["severity"].as_str().expect("severity").to_string(),
            )
        })
        .collect()
}

fn placed(diagnostic: &Value) -> Placed {
    let at = |end: &str, key: &str| {
        diagnostic["range"][end][key]
            .as_u64()
            .expect("a range position")
    };
    (
        diagnostic["code"].as_str().unwrap_or_default().to_string(),
        [
            at("start", "line"),
            at("start", "character"),
            at("end", "line"),
            at("end", "character"),
        ],
        diagnostic["severity"].as_u64().unwrap_or(0),
    )
}

/// Opens `text` as `uri` in a fresh server negotiating `encodings` and returns what it
/// publishes for version 1.
fn published(uri: &str, language_id: &str, text: &str, encodings: &[&str]) -> Vec<Value> {
    let mut client = LspClient::spawn();
    client.initialize(encodings, Value::Null);
    client.open(uri, language_id, 1, text);
    let diagnostics = client.diagnostics(uri, Some(1));
    assert!(client.shutdown_and_exit().success());
    diagnostics
}

/// Sorted, with the differences spelled out when they are not equal.
fn assert_same(what: &str, mut expected: Vec<Placed>, mut got: Vec<Placed>) {
    expected.sort();
    got.sort();
    if expected != got {
        let missing: Vec<&Placed> = expected.iter().filter(|e| !got.contains(e)).collect();
        let extra: Vec<&Placed> = got.iter().filter(|g| !expected.contains(g)).collect();
        panic!(
            "{what}: the server does not publish what the CLI reports\n\
             CLI only ({}): {missing:#?}\nserver only ({}): {extra:#?}\n\
             counts: CLI {}, server {}",
            missing.len(),
            extra.len(),
            expected.len(),
            got.len()
        );
    }
}

/// Checks parity in UTF-16 and then UTF-8; returns the UTF-16 diagnostics.
fn assert_parity(path: &Path, language_id: &str) -> Vec<Value> {
    let text = std::fs::read_to_string(path).expect("readable story");
    let lines = Lines::new(&text);
    let uri = file_uri(path);
    let cli = cli_findings(path);
    assert!(
        !cli.is_empty(),
        "{}: the CLI finds nothing, so there is nothing to compare",
        path.display()
    );
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let mut utf16 = Vec::new();
    for (encoding, utf8) in [("utf-16", false), ("utf-8", true)] {
        let expected: Vec<Placed> = cli
            .iter()
            .map(|(rule, start, end, severity)| {
                (
                    rule.clone(),
                    lines.range(*start, *end, utf8),
                    lsp_severity(severity),
                )
            })
            .collect();
        let offered: &[&str] = if utf8 { &["utf-8", "utf-16"] } else { &[] };
        let diagnostics = published(&uri, language_id, &text, offered);
        let got: Vec<Placed> = diagnostics.iter().map(placed).collect();
        assert_same(&format!("{name} in {encoding}"), expected, got);
        println!(
            "{name} in {encoding}: {} findings, the server publishes the same rule, range and \
             severity for each",
            cli.len()
        );
        if !utf8 {
            utf16 = diagnostics;
        }
    }
    let differ = cli
        .iter()
        .filter(|(_, start, end, _)| {
            lines.range(*start, *end, true) != lines.range(*start, *end, false)
        })
        .count();
    println!(
        "{name}: {differ} of {} findings have different UTF-8 and UTF-16 columns",
        cli.len()
    );
    utf16
}

/// Each unnamed source gets one finding, under the most severe of the anonymous family's rules
/// that applies, so any of them marks the source.
fn is_unnamed_source_finding(code: &str) -> bool {
    [
        "anonymous-source",
        "anonymity-unexplained",
        "anonymity-boilerplate",
        "anonymous-source-bare",
        "anonymous-source-uncounted",
        "anonymous-attack",
    ]
    .contains(&code)
}

#[test]
fn the_draft_story_is_published_as_the_cli_reports_it() {
    assert_parity(&draft_path(), "markdown");
}

#[test]
fn the_seed_story_is_published_as_the_cli_reports_it() {
    let Some((path, text)) = seed_story() else {
        return;
    };
    let diagnostics = assert_parity(&path, "plaintext");
    let lines = Lines::new(&text);

    // The unnamed sources a standards editor would circle, located at run time.
    for phrase in [
        "four sources briefed on the matter",
        "One U.S. official",
        "A separate senior U.S. official",
    ] {
        let start = text
            .find(phrase)
            .unwrap_or_else(|| panic!("{phrase:?} is not in the seed story any more"));
        let [l1, c1, l2, c2] = lines.range(start, start + phrase.len(), false);
        let hit = diagnostics.iter().map(placed).find(|(code, r, _)| {
            is_unnamed_source_finding(code) && (r[0], r[1]) < (l2, c2) && (l1, c1) < (r[2], r[3])
        });
        let Some((_, range, _)) = hit else {
            panic!("no unnamed-source diagnostic on {phrase:?} at {l1}:{c1}-{l2}:{c2}");
        };
        println!("{phrase:?}: unnamed-source finding at {range:?}");
    }

    // Nothing in the publisher's disclaimer after the story.
    let disclaimer = lines
        .starts
        .iter()
        .position(|&start| {
            let rest = &text[start..];
            let line = rest.split(['\n', '\r']).next().unwrap_or_default();
            line.trim() == "Disclaimer"
        })
        .expect("the seed story ends with a \"Disclaimer\" line");
    let inside: Vec<Placed> = diagnostics
        .iter()
        .map(placed)
        .filter(|(_, range, _)| range[0] >= disclaimer as u64)
        .collect();
    assert!(
        inside.is_empty(),
        "diagnostics in the disclaimer (from line {disclaimer}): {inside:#?}"
    );
}

/// The start of a paragraph near the middle of `text`: a non-blank line after a blank one.
fn middle_paragraph_line(lines: &Lines) -> u64 {
    let line_text = |i: usize| {
        let start = lines.starts[i];
        let end = lines.starts.get(i + 1).copied().unwrap_or(lines.text.len());
        lines.text[start..end].trim()
    };
    let starts: Vec<usize> = (1..lines.starts.len())
        .filter(|&i| line_text(i - 1).is_empty() && !line_text(i).is_empty())
        .collect();
    assert!(starts.len() >= 3, "the draft has several paragraphs");
    starts[starts.len() / 2] as u64
}

#[test]
fn a_new_unnamed_source_appears_and_later_findings_shift_with_the_edit() {
    let path = draft_path();
    let text = std::fs::read_to_string(&path).expect("the draft story");
    let lines = Lines::new(&text);
    let uri = file_uri(&path);
    let line = middle_paragraph_line(&lines);
    let sentence = "A person familiar with the plan said the vote would slip.";
    let inserted = format!("{sentence}\n\n");

    let mut client = LspClient::spawn();
    client.initialize(&[], Value::Null);
    client.open(&uri, "markdown", 1, &text);
    let before: Vec<Placed> = client
        .diagnostics(&uri, Some(1))
        .iter()
        .map(placed)
        .collect();
    client.change(
        &uri,
        2,
        json!([edit(line as u32, 0, line as u32, 0, &inserted)]),
    );
    let after_values = client.diagnostics(&uri, Some(2));
    let after: Vec<Placed> = after_values.iter().map(placed).collect();

    let at = lines.starts[line as usize];
    let edited = format!("{}{inserted}{}", &text[..at], &text[at..]);
    assert_eq!(
        client.document_text(&uri),
        Some((2, edited.clone())),
        "the server's copy"
    );

    // The new source, on the inserted line and within the sentence.
    let source = "A person familiar with the plan";
    let new_source = after.iter().find(|(code, r, _)| {
        is_unnamed_source_finding(code)
            && r[0] == line
            && r[2] == line
            && r[1] < source.len() as u64
            && r[3] > 0
    });
    assert!(
        new_source.is_some(),
        "no unnamed-source finding on the inserted sentence at line {line}: {after:#?}"
    );

    // Findings after the insertion moved down two lines; the ones before did not move.
    let shifted: Vec<Placed> = before
        .iter()
        .map(|(code, r, severity)| {
            let r = if r[0] >= line {
                [r[0] + 2, r[1], r[2] + 2, r[3]]
            } else {
                *r
            };
            (code.clone(), r, *severity)
        })
        .collect();
    let lost: Vec<&Placed> = shifted.iter().filter(|p| !after.contains(p)).collect();
    assert!(
        lost.is_empty(),
        "findings that did not follow the edit: {lost:#?}"
    );
    let added = after.len() - before.len();
    println!(
        "inserted an unnamed source at line {line}: {} findings before, {} after ({added} new)",
        before.len(),
        after.len()
    );

    // And exactly what a fresh open of the edited text gets, messages included.
    let fresh = uri.replace("draft-story.md", "draft-story-edited.md");
    client.open(&fresh, "markdown", 1, &edited);
    let reference = client.diagnostics(&fresh, Some(1));
    let key = |d: &Value| {
        (
            placed(d),
            d["message"].as_str().unwrap_or_default().to_string(),
        )
    };
    let mut a: Vec<_> = after_values.iter().map(key).collect();
    let mut b: Vec<_> = reference.iter().map(key).collect();
    a.sort();
    b.sort();
    assert_eq!(
        a, b,
        "an edited document and a fresh open of its text differ"
    );
    assert!(client.shutdown_and_exit().success());
}

/// Client capabilities of an editor that applies versioned edits and renders Markdown hovers.
fn editor_capabilities() -> Value {
    json!({
        "workspace": {"workspaceEdit": {"documentChanges": true}},
        "textDocument": {"hover": {"contentFormat": ["markdown", "plaintext"]}},
    })
}

#[test]
fn initialize_announces_quick_fixes_and_hover() {
    let mut client = LspClient::spawn();
    let result = client.initialize(&[], Value::Null);
    let capabilities = &result["capabilities"];
    assert_eq!(capabilities["hoverProvider"], true);
    assert_eq!(
        capabilities["codeActionProvider"]["codeActionKinds"],
        json!(["quickfix"])
    );
    assert!(client.shutdown_and_exit().success());
}

/// A diagnostic's rule and message, the parts an unrelated edit must not change.
fn said(diagnostic: &Value) -> (String, String) {
    (
        diagnostic["code"].as_str().unwrap_or_default().to_string(),
        diagnostic["message"]
            .as_str()
            .unwrap_or_default()
            .to_string(),
    )
}

/// For every rule and line with findings in `text`: takes the "Disable RULE for this line"
/// action, applies its edit as an editor would, and checks that the rule is silent on that
/// line while every other finding stays as it was, with no hint that the comment is unused.
fn disable_for_this_line(name: &str, language_id: &str, text: &str) {
    let mut client = LspClient::spawn();
    client.initialize_with(editor_capabilities(), Value::Null);
    let base = format!("file:///tmp/copydesk-parity-tests/{name}");
    client.open(&base, language_id, 1, text);
    let diagnostics = client.diagnostics(&base, Some(1));
    let mut targets: Vec<(String, u64)> = diagnostics
        .iter()
        .map(placed)
        .filter(|(code, _, _)| code != "unused-suppression")
        .map(|(code, range, _)| (code, range[0]))
        .collect();
    targets.dedup();
    assert!(!targets.is_empty(), "the story has findings");
    let lines = Lines::new(text);
    let mut placements = std::collections::BTreeMap::new();
    for (n, (rule, line)) in targets.iter().enumerate() {
        let target = diagnostics
            .iter()
            .find(|d| placed(d).0 == *rule && placed(d).1[0] == *line)
            .expect("a target")
            .clone();
        let uri = base.replace(name, &format!("{n}-{name}"));
        client.open(&uri, language_id, 1, text);
        client.diagnostics(&uri, Some(1));
        let response = client.request(
            "textDocument/codeAction",
            json!({
                "textDocument": {"uri": uri},
                "range": target["range"],
                "context": {"diagnostics": [target], "only": ["quickfix"]},
            }),
        );
        let actions = response["result"].as_array().cloned().unwrap_or_default();
        // A rule named like its category stands for the whole category in a suppression.
        let is_category = Category::ALL.iter().any(|c| c.as_str() == rule);
        let title = if is_category {
            format!("Disable all {rule} rules for this line")
        } else {
            format!("Disable {rule} for this line")
        };
        let covered = |d: &Value| {
            let code = placed(d).0;
            code == *rule
                || (is_category
                    && copydesk_core::rules::find(&code)
                        .is_some_and(|info| info.category.as_str() == rule))
        };
        let action = actions
            .iter()
            .find(|a| a["title"] == title)
            .unwrap_or_else(|| panic!("no {title:?} among {actions:#?}"));
        assert_eq!(action["kind"], "quickfix");
        let change = &action["edit"]["documentChanges"][0];
        assert_eq!(change["textDocument"]["uri"], uri);
        assert_eq!(change["textDocument"]["version"], 1);
        let text_edit = &change["edits"][0];
        let new_text = text_edit["newText"].as_str().expect("newText");
        let (kind, silenced_line) = if new_text.contains("copydesk-disable-next-line") {
            ("own line above", line + 1)
        } else {
            ("in the line", *line)
        };
        assert!(
            new_text.contains(&format!("{rule} -->")),
            "the comment names the rule: {new_text:?}"
        );
        *placements.entry(kind).or_insert(0) += 1;

        // Apply it, as the editor would, and send the change.
        let at = |end: &str| {
            let position = &text_edit["range"][end];
            lines.byte_at(
                position["line"].as_u64().expect("line"),
                position["character"].as_u64().expect("character"),
            )
        };
        let edited = format!("{}{new_text}{}", &text[..at("start")], &text[at("end")..]);
        client.change(
            &uri,
            2,
            json!([{"range": text_edit["range"], "text": new_text}]),
        );
        let after = client.diagnostics(&uri, Some(2));
        assert_eq!(client.document_text(&uri), Some((2, edited)));
        assert!(
            !after
                .iter()
                .any(|d| covered(d) && placed(d).1[0] == silenced_line),
            "{rule} is still reported on line {silenced_line} after {new_text:?}: {after:#?}"
        );
        let mut expected: Vec<(String, String)> = diagnostics
            .iter()
            .filter(|d| !(covered(d) && placed(d).1[0] == *line))
            .map(said)
            .collect();
        let mut got: Vec<(String, String)> = after.iter().map(said).collect();
        expected.sort();
        got.sort();
        assert_eq!(
            got, expected,
            "disabling {rule} on line {line} with {new_text:?} changed other findings"
        );
        client.close(&uri);
    }
    println!(
        "{name}: disabled {} rule-lines one at a time, each silenced with everything else \
         unchanged; placements {placements:?}",
        targets.len()
    );
    assert!(client.shutdown_and_exit().success());
}

#[test]
fn disable_for_this_line_silences_the_finding_in_markdown() {
    let text = std::fs::read_to_string(draft_path()).expect("the draft story");
    disable_for_this_line("draft.md", "markdown", &text);
}

#[test]
fn disable_for_this_line_silences_the_finding_in_plain_text() {
    let text = std::fs::read_to_string(draft_path()).expect("the draft story");
    disable_for_this_line("draft.txt", "plaintext", &text);
}

#[test]
fn hover_explains_the_rule_under_the_cursor() {
    let path = draft_path();
    let text = std::fs::read_to_string(&path).expect("the draft story");
    let uri = file_uri(&path);
    let mut client = LspClient::spawn();
    client.initialize_with(editor_capabilities(), Value::Null);
    client.open(&uri, "markdown", 1, &text);
    let diagnostics = client.diagnostics(&uri, Some(1));
    let (rule, range, _) = placed(diagnostics.first().expect("the draft has findings"));
    let response = client.request(
        "textDocument/hover",
        json!({
            "textDocument": {"uri": uri},
            "position": {"line": range[0], "character": range[1]},
        }),
    );
    let hover = &response["result"];
    assert_eq!(hover["contents"]["kind"], "markdown", "{response}");
    let info = copydesk_core::rules::find(&rule).expect("a registered rule");
    // The Markdown escapes punctuation; the words are the registry's.
    let shown = hover["contents"]["value"]
        .as_str()
        .expect("markdown text")
        .replace('\\', "");
    for part in [info.id, info.summary, info.explanation] {
        assert!(shown.contains(part), "{part:?} not in the hover:\n{shown}");
    }
    let first_wrong_line = info.wrong.lines().next().unwrap_or_default();
    assert!(shown.contains(first_wrong_line), "{shown}");
    assert_eq!(hover["range"]["start"]["line"], range[0]);

    // Where no diagnostic is, no hover.
    let covered = |line: u64, character: u64| {
        diagnostics
            .iter()
            .map(placed)
            .any(|(_, r, _)| (r[0], r[1]) <= (line, character) && (line, character) <= (r[2], r[3]))
    };
    let free = (0..lines_in(&text))
        .find(|&line| !covered(line, 0))
        .expect("a line without findings");
    let response = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": free, "character": 0}}),
    );
    assert!(response["result"].is_null(), "{response}");
    assert!(client.shutdown_and_exit().success());
}

fn lines_in(text: &str) -> u64 {
    Lines::new(text).starts.len() as u64
}
