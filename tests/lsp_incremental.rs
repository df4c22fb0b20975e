//! The language server analyses each edit through the document's cache; what it publishes must
//! be what a fresh open of the same text gets, after typing, deleting a paragraph break and
//! opening a quotation that runs on into the next paragraphs, and after the document is closed
//! and reopened with other text under the same name.

#[path = "support/lsp_client.rs"]
mod lsp_client;

use lsp_client::{edit, LspClient};
use serde_json::{json, Value};

#[allow(dead_code)]
#[path = "../tools/lsp-latency/src/newsgen.rs"]
mod newsgen;

/// The LSP position (line, UTF-16 column) of byte `at`.
fn position(text: &str, at: usize) -> (u32, u32) {
    let before = &text[..at];
    let line = before.matches('\n').count();
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = text[line_start..at].encode_utf16().count();
    (line as u32, column as u32)
}

/// Replaces bytes `start..end` of `text` with `new`, as the server is told and on our copy.
fn change(
    client: &mut LspClient,
    uri: &str,
    version: i32,
    text: &mut String,
    start: usize,
    end: usize,
    new: &str,
) {
    let (l1, c1) = position(text, start);
    let (l2, c2) = position(text, end);
    client.change(uri, version, json!([edit(l1, c1, l2, c2, new)]));
    text.replace_range(start..end, new);
}

/// Diagnostics in a canonical order, whole (range, code, severity, message, related), with
/// the document's own name written `DOCUMENT` so two names for one text compare equal.
fn sorted(uri: &str, diagnostics: Vec<Value>) -> Vec<String> {
    let mut out: Vec<String> = diagnostics
        .iter()
        .map(|d| d.to_string().replace(uri, "DOCUMENT"))
        .collect();
    out.sort();
    out
}

fn fresh_open(client: &mut LspClient, name: &str, text: &str) -> Vec<String> {
    client.open(name, "markdown", 1, text);
    let diagnostics = client.diagnostics(name, Some(1));
    client.close(name);
    sorted(name, diagnostics)
}

#[test]
fn every_edited_version_is_published_as_a_fresh_open_of_its_text() {
    let uri = "file:///newsroom/incremental/story.md";
    let mut text = newsgen::story(11, 1_500);
    let mut client = LspClient::spawn();
    client.initialize(&[], Value::Null);
    client.open(uri, "markdown", 1, &text);
    let opened = sorted(uri, client.diagnostics(uri, Some(1)));
    assert!(!opened.is_empty(), "the generated story has findings");
    let mut version = 1;
    let mut fresh_count = 0;

    // Typing a sentence with an unnamed source, character by character, after a sentence end
    // in the middle of the story.
    let middle = text.len() / 2;
    let mut at = text[middle..]
        .find(". ")
        .map_or(text.len(), |i| middle + i + 1);
    for c in " Two officials, speaking on condition of anonymity, said it was over.".chars() {
        version += 1;
        let typed = c.to_string();
        change(&mut client, uri, version, &mut text, at, at, &typed);
        at += typed.len();
        let published = sorted(uri, client.diagnostics(uri, Some(version)));
        // A fresh open of every fifth version keeps the test quick.
        if version % 5 == 0 {
            fresh_count += 1;
            let name = format!("file:///newsroom/incremental/fresh-{version}.md");
            assert_eq!(
                published,
                fresh_open(&mut client, &name, &text),
                "version {version}"
            );
        }
    }

    // Two paragraphs joined, then an opening quotation mark left unclosed, which carries the
    // quote into the paragraphs after it although their own text is unchanged.
    let join = text[text.len() / 3..]
        .find("\n\n")
        .map(|i| text.len() / 3 + i);
    if let Some(join) = join {
        version += 1;
        change(&mut client, uri, version, &mut text, join, join + 2, " ");
    }
    let open_at = text[text.len() / 4..]
        .find(". ")
        .map_or(0, |i| text.len() / 4 + i + 2);
    version += 1;
    change(&mut client, uri, version, &mut text, open_at, open_at, "“");
    let published = sorted(uri, client.diagnostics(uri, Some(version)));
    assert_eq!(
        published,
        fresh_open(&mut client, "file:///newsroom/incremental/quoted.md", &text)
    );

    // Closed and reopened under the same name with other text: nothing of the old one is used.
    client.close(uri);
    let other = newsgen::story(12, 800);
    client.open(uri, "markdown", 1, &other);
    let reopened = sorted(uri, client.diagnostics(uri, Some(1)));
    assert_eq!(
        reopened,
        fresh_open(&mut client, "file:///newsroom/incremental/other.md", &other)
    );
    println!("{fresh_count} typed versions and 3 other edits published as fresh opens");
    assert!(client.shutdown_and_exit().success());
}
