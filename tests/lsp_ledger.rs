//! The story's source ledger over the real language server's stdio: the outline
//! (`textDocument/documentSymbol`), the hover cards on sources and people, the code lens and
//! `copydesk/ledger`.
//!
//! What the ledger holds is the engine's business and changes as it improves; these tests take
//! `copydesk sources --format json` on the same text as the reference (both front ends only
//! translate the engine's ledger), work out every expected LSP position from its byte spans on
//! their own, and assert only the few facts any reading of the story must give.

mod common;
#[path = "support/lsp_client.rs"]
mod lsp_client;

use common::run::copydesk_in;
use lsp_client::{edit, LspClient};
use serde_json::{json, Value};
use std::path::Path;

/// Written for these tests. An emoji comes before the first source on the first line, so a
/// server counting bytes or characters instead of UTF-16 units puts every range there off.
const STORY: &str = "\
😀 Two people briefed on the talks said the ferry deal was close.\n\
\n\
The people, who spoke on condition of anonymity because they feared losing their jobs, said \
the port would be sold by the end of the year.\n\
\n\
Harbour master Lena Brandt said the sale had not been agreed. Brandt met the mayor, Jonas \
Ekberg, on Monday.\n";

fn uri_in(dir: &Path, name: &str) -> String {
    format!("file://{}", dir.join(name).display())
}

/// `copydesk sources --format json` on `text` read as `name` in `dir`: the same configuration
/// lookup the server makes for a story there.
fn cli_ledger(dir: &Path, name: &str, text: &str) -> Value {
    let run = copydesk_in(
        dir,
        &["sources", "--format", "json", "--stdin-filename", name, "-"],
        Some(text.as_bytes()),
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let document: Value = serde_json::from_str(&run.stdout).expect("JSON");
    document["files"][0].clone()
}

/// The LSP position of byte `offset` in `text`, counted independently of the server.
fn position(text: &str, offset: usize, utf8: bool) -> Value {
    let before = &text[..offset];
    let line = before.matches('\n').count();
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = &text[line_start..offset];
    let character = if utf8 {
        column.len()
    } else {
        column.encode_utf16().count()
    };
    json!({"line": line, "character": character})
}

fn range_of(text: &str, span: &Value, utf8: bool) -> Value {
    let at = |key: &str| span[key].as_u64().unwrap() as usize;
    json!({"start": position(text, at("start"), utf8), "end": position(text, at("end"), utf8)})
}

fn started(utf8: bool, code_lens: bool) -> (LspClient, Value) {
    let mut client = LspClient::spawn();
    let mut capabilities =
        json!({"general": {"positionEncodings": [if utf8 { "utf-8" } else { "utf-16" }]}});
    if code_lens {
        capabilities["textDocument"] = json!({"codeLens": {}});
    }
    let result = client.initialize_with(capabilities, Value::Null);
    (client, result)
}

/// Group titles, each with its entities' names and mention ranges.
type Outline = Vec<(String, Vec<(String, Vec<Value>)>)>;

/// The outline the CLI's ledger implies: group titles, entity names and mention ranges.
fn expected_outline(ledger: &Value, text: &str, utf8: bool) -> Outline {
    let mut groups = Vec::new();
    for (title, group) in [
        ("Named sources", "named"),
        ("Unnamed sources", "unnamed"),
        ("Other sources", "other"),
    ] {
        let entities: Vec<(String, Vec<Value>)> = ledger["sources"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|s| s["group"] == group)
            .map(|s| {
                let mentions = s["mentions"].as_array().unwrap();
                let ranges = mentions
                    .iter()
                    .map(|m| range_of(text, &m["span"], utf8))
                    .collect();
                (s["label"].as_str().unwrap().to_string(), ranges)
            })
            .collect();
        if !entities.is_empty() {
            groups.push((title.to_string(), entities));
        }
    }
    let others: Vec<(String, Vec<Value>)> = ledger["people"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["source"].is_null())
        .map(|p| {
            let mentions = p["mentions"].as_array().unwrap();
            let ranges = mentions
                .iter()
                .map(|m| range_of(text, &m["span"], utf8))
                .collect();
            (p["name"].as_str().unwrap().to_string(), ranges)
        })
        .collect();
    if !others.is_empty() {
        groups.push(("Other people".to_string(), others));
    }
    groups
}

fn outline_of(symbols: &Value) -> Outline {
    symbols
        .as_array()
        .expect("a nested outline")
        .iter()
        .map(|group| {
            let entities = group["children"]
                .as_array()
                .unwrap()
                .iter()
                .map(|entity| {
                    let mentions = entity["children"].as_array().unwrap();
                    for m in mentions {
                        assert_eq!(m["range"], m["selectionRange"], "{m}");
                    }
                    let ranges = mentions.iter().map(|m| m["range"].clone()).collect();
                    (entity["name"].as_str().unwrap().to_string(), ranges)
                })
                .collect();
            (group["name"].as_str().unwrap().to_string(), entities)
        })
        .collect()
}

fn document_symbols(client: &mut LspClient, uri: &str) -> Value {
    let response = client.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": uri}}),
    );
    assert!(response.get("error").is_none(), "{response}");
    response["result"].clone()
}

fn outline_matches_the_ledger(utf8: bool) {
    let dir = tempfile::tempdir().unwrap();
    let ledger = cli_ledger(dir.path(), "story.md", STORY);
    let (mut client, init) = started(utf8, false);
    assert_eq!(init["capabilities"]["documentSymbolProvider"], true);
    let uri = uri_in(dir.path(), "story.md");
    client.open(&uri, "markdown", 1, STORY);
    // Asked at once, as editors do on opening: the answer is for this version, not nothing.
    let symbols = document_symbols(&mut client, &uri);
    let outline = outline_of(&symbols);
    assert_eq!(
        outline,
        expected_outline(&ledger, STORY, utf8),
        "{symbols:#}"
    );

    let titles: Vec<&str> = outline.iter().map(|(t, _)| t.as_str()).collect();
    for title in ["Named sources", "Unnamed sources", "Other people"] {
        assert!(titles.contains(&title), "{title} missing: {symbols:#}");
    }
    // The unnamed source right after the emoji: three UTF-16 units, five bytes.
    let after_emoji = STORY.find("Two people").unwrap();
    let unnamed = &outline
        .iter()
        .find(|(t, _)| t == "Unnamed sources")
        .unwrap()
        .1;
    let first_mention = &unnamed[0].1[0];
    assert_eq!(
        STORY[..after_emoji].len(),
        "😀 ".len(),
        "the story starts with the emoji"
    );
    assert_eq!(first_mention["start"]["line"], 0);
    assert_eq!(
        first_mention["start"]["character"],
        if utf8 { 5 } else { 3 }
    );
    // Each group spans its members, each entity its mentions.
    for group in symbols.as_array().unwrap() {
        for entity in group["children"].as_array().unwrap() {
            assert!(contains(&group["range"], &entity["range"]), "{group:#}");
            for mention in entity["children"].as_array().unwrap() {
                assert!(contains(&entity["range"], &mention["range"]), "{entity:#}");
            }
        }
    }
    assert!(client.shutdown_and_exit().success());
}

fn contains(outer: &Value, inner: &Value) -> bool {
    let key = |p: &Value| {
        (
            p["line"].as_u64().unwrap(),
            p["character"].as_u64().unwrap(),
        )
    };
    key(&outer["start"]) <= key(&inner["start"]) && key(&inner["end"]) <= key(&outer["end"])
}

#[test]
fn the_outline_groups_the_ledger_with_exact_utf16_ranges() {
    outline_matches_the_ledger(false);
}

#[test]
fn the_outline_groups_the_ledger_with_exact_utf8_ranges() {
    outline_matches_the_ledger(true);
}

#[test]
fn the_seed_story_outline_is_its_ledger() {
    let Some((_, text)) = common::corpus::seed_story() else {
        return;
    };
    // In a folder of its own, so the configuration is the default for both front ends.
    let dir = tempfile::tempdir().unwrap();
    let ledger = cli_ledger(dir.path(), "seed.txt", &text);
    for utf8 in [false, true] {
        let (mut client, _) = started(utf8, false);
        let uri = uri_in(dir.path(), "seed.txt");
        client.open(&uri, "plaintext", 1, &text);
        let symbols = document_symbols(&mut client, &uri);
        assert_eq!(outline_of(&symbols), expected_outline(&ledger, &text, utf8));
        assert!(client.shutdown_and_exit().success());
    }
    eprintln!(
        "seed story: {}",
        ledger["summary"]["headline"].as_str().unwrap_or_default()
    );
}

#[test]
fn the_outline_follows_edits() {
    let dir = tempfile::tempdir().unwrap();
    let (mut client, _) = started(false, false);
    let uri = uri_in(dir.path(), "edited.md");
    client.open(&uri, "markdown", 1, STORY);
    let before = document_symbols(&mut client, &uri);
    // A new first line moves every mention down by one.
    let added = "A line added on top. 😀\n";
    client.change(&uri, 2, json!([edit(0, 0, 0, 0, added)]));
    let after = document_symbols(&mut client, &uri);
    let edited = format!("{added}{STORY}");
    let ledger = cli_ledger(dir.path(), "edited.md", &edited);
    assert_eq!(
        outline_of(&after),
        expected_outline(&ledger, &edited, false)
    );
    assert_ne!(before, after);
    assert!(client.shutdown_and_exit().success());
}

fn hover(client: &mut LspClient, uri: &str, at: &Value) -> Value {
    let response = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": at}),
    );
    assert!(response.get("error").is_none(), "{response}");
    response["result"].clone()
}

/// One past the start of `span`, where a reader's mouse would be.
fn inside(text: &str, span: &Value) -> Value {
    position(text, span["start"].as_u64().unwrap() as usize + 1, false)
}

#[test]
fn hover_shows_the_source_card_and_the_person_card() {
    let dir = tempfile::tempdir().unwrap();
    let ledger = cli_ledger(dir.path(), "hover.md", STORY);
    let (mut client, _) = started(false, false);
    let uri = uri_in(dir.path(), "hover.md");
    client.open(&uri, "markdown", 1, STORY);
    let diagnostics = client.diagnostics(&uri, Some(1));

    // Every mention of the unnamed source shows the same card.
    let unnamed = ledger["sources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["group"] == "unnamed")
        .expect("the story's unnamed source");
    let mentions = unnamed["mentions"].as_array().unwrap();
    let mut cards = Vec::new();
    for mention in mentions {
        let shown = hover(&mut client, &uri, &inside(STORY, &mention["span"]));
        let markdown = shown["contents"]["value"]
            .as_str()
            .expect("markdown")
            .to_string();
        assert!(markdown.contains("copydesk source ledger"), "{markdown}");
        assert!(markdown.contains("Reason for anonymity"), "{markdown}");
        assert!(markdown.contains("How the source knows"), "{markdown}");
        assert!(
            markdown.contains(&format!("**Mentions** ({})", mentions.len())),
            "{markdown}"
        );
        // Every mention is listed by its line.
        for m in mentions {
            let line = m["range"]["start"]["line"].as_u64().unwrap();
            assert!(markdown.contains(&format!("line {line}:")), "{markdown}");
        }
        match &unnamed["reason"] {
            Value::Null => assert!(markdown.contains("none given"), "{markdown}"),
            reason => {
                let line = reason["range"]["start"]["line"].as_u64().unwrap();
                assert!(markdown.contains("Reason for anonymity** ("), "{markdown}");
                assert!(markdown.contains(&format!("line {line}:")), "{markdown}");
            }
        }
        // A finding on the same words keeps its own documentation beside the card.
        let at = inside(STORY, &mention["span"]);
        let covering = diagnostics
            .iter()
            .any(|d| contains(&d["range"], &json!({"start": at, "end": at})));
        if covering {
            assert!(markdown.contains("(copydesk):"), "{markdown}");
        }
        assert_eq!(
            shown["range"]["start"]["line"],
            mention["range"]["start"]["line"].as_u64().unwrap() - 1
        );
        cards.push(
            markdown
                .split("copydesk source ledger")
                .nth(1)
                .unwrap()
                .to_string(),
        );
    }
    assert!(cards.windows(2).all(|w| w[0] == w[1]), "{cards:#?}");
    eprintln!("source card:{}", cards[0]);

    // A person the story names but does not quote.
    let ekberg = ledger["people"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"].as_str().is_some_and(|n| n.contains("Ekberg")))
        .expect("Jonas Ekberg is in the roster");
    let mention = &ekberg["mentions"][0];
    let shown = hover(&mut client, &uri, &inside(STORY, &mention["span"]));
    let markdown = shown["contents"]["value"].as_str().unwrap();
    eprintln!("person card:\n{markdown}");
    assert!(
        markdown.contains("**: person (copydesk source ledger)"),
        "{markdown}"
    );
    assert!(markdown.contains("First reference"), "{markdown}");
    let count = ekberg["mentions"].as_array().unwrap().len();
    assert!(
        markdown.contains(&format!("**Mentions:** {count}")),
        "{markdown}"
    );
    assert!(markdown.contains("Titles used"), "{markdown}");
    for spelling in ekberg["spellings"].as_array().unwrap() {
        assert!(markdown.contains(spelling.as_str().unwrap()), "{markdown}");
    }
    assert_eq!(
        shown["range"],
        range_of(STORY, &mention["span"], false),
        "the hover covers the mention"
    );

    // Words that are neither a source nor a person nor a finding show nothing.
    let plain = position(STORY, STORY.find("ferry deal").unwrap() + 2, false);
    let covered = diagnostics
        .iter()
        .any(|d| contains(&d["range"], &json!({"start": plain, "end": plain})));
    if !covered {
        assert_eq!(hover(&mut client, &uri, &plain), Value::Null);
    }
    assert!(client.shutdown_and_exit().success());
}

#[test]
fn the_code_lens_heads_the_story_with_the_ledger_count() {
    let dir = tempfile::tempdir().unwrap();
    let ledger = cli_ledger(dir.path(), "lens.md", STORY);
    let (mut client, init) = started(false, true);
    assert_eq!(
        init["capabilities"]["codeLensProvider"],
        json!({"resolveProvider": false})
    );
    let uri = uri_in(dir.path(), "lens.md");
    client.open(&uri, "markdown", 1, STORY);
    let response = client.request(
        "textDocument/codeLens",
        json!({"textDocument": {"uri": uri}}),
    );
    let lenses = response["result"].as_array().expect("lenses").clone();
    assert_eq!(lenses.len(), 1, "{response}");
    let lens = &lenses[0];
    assert_eq!(lens["range"]["start"], json!({"line": 0, "character": 0}));
    assert_eq!(lens["command"]["title"], ledger["summary"]["headline"]);
    assert_eq!(lens["command"]["command"], "copydesk.showSources");
    assert_eq!(lens["command"]["arguments"], json!([uri]));
    let headline = lens["command"]["title"].as_str().unwrap();
    assert!(
        headline.contains("named") && headline.contains("unnamed source"),
        "{headline}"
    );
    assert!(client.shutdown_and_exit().success());
}

#[test]
fn the_ledger_request_gives_plugins_the_same_data() {
    let dir = tempfile::tempdir().unwrap();
    let ledger = cli_ledger(dir.path(), "data.md", STORY);
    let (mut client, _) = started(false, false);
    let uri = uri_in(dir.path(), "data.md");
    client.open(&uri, "markdown", 4, STORY);
    let response = client.request("copydesk/ledger", json!({"uri": uri}));
    let result = &response["result"];
    assert_eq!(result["version"], 4, "{response}");
    for key in ["named", "unnamed", "people", "headline"] {
        assert_eq!(result["summary"][key], ledger["summary"][key], "{key}");
    }
    assert_eq!(
        result["summary"]["unnamedWithoutReason"],
        ledger["summary"]["unnamed_without_reason"]
    );
    let symbols = document_symbols(&mut client, &uri);
    let titles = |v: &Value, key: &str| -> Vec<Value> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|g| g[key].clone())
            .collect()
    };
    assert_eq!(titles(&result["groups"], "title"), titles(&symbols, "name"));
    let unknown = client.request(
        "copydesk/ledger",
        json!({"uri": uri_in(dir.path(), "closed.md")}),
    );
    assert_eq!(unknown["result"], Value::Null, "{unknown}");
    assert!(client.shutdown_and_exit().success());
}
