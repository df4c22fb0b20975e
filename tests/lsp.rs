//! The language server over real stdio: the built binary, spoken to in JSON-RPC.
//!
//! No test depends on a particular rule firing: edit sequences are checked against the
//! server's own copy of the text (`copydesk/documentText`) and their diagnostics against a
//! fresh open of the same final text, which holds whatever rules exist.

mod common;
#[path = "support/lsp_client.rs"]
mod lsp_client;

use lsp_client::{edit, LspClient};
use serde_json::{json, Value};

/// A wire-style story written for these tests: unnamed sources, a claim with no source, a name
/// that drifts. Plain `\n` line ends; the edit tests add `\r\n` lines around it.
const STORY: &str = "\
HARBOURTON, March 3 - The city council will close the old ferry terminal next year, two \
officials familiar with the plan said on Tuesday, a move that could cost hundreds of jobs.\n\
\n\
The officials, who asked not to be named because the decision has not been announced, said \
the council had failed to find a buyer for the site.\n\
\n\
Council leader Mariana Okafor said in a statement that no final decision had been taken. \
Okafor did not respond to questions about the jobs.\n\
\n\
The terminal has lost money every year since it opened. Critics say the closure was planned \
long before the vote.\n\
\n\
\"We were told nothing,\" said Tomasz Wilk, who has run a cafe at the terminal for 12 years. \
Wilks said he would join a protest on Friday.\n";

fn uri(name: &str) -> String {
    format!("file:///tmp/copydesk-lsp-tests/{name}")
}

/// Replaces document URIs inside diagnostics so two documents' diagnostics can be compared.
fn normalised(diagnostics: &[Value], uri: &str) -> String {
    serde_json::to_string(diagnostics)
        .unwrap()
        .replace(uri, "URI")
}

fn started(encodings: &[&str]) -> LspClient {
    let mut client = LspClient::spawn();
    client.initialize(encodings, Value::Null);
    client
}

#[test]
fn initialize_announces_incremental_sync_and_utf16_by_default() {
    let mut client = LspClient::spawn();
    let result = client.initialize(&[], Value::Null);
    let capabilities = &result["capabilities"];
    assert_eq!(capabilities["positionEncoding"], "utf-16");
    assert_eq!(capabilities["textDocumentSync"]["change"], 2);
    assert_eq!(capabilities["textDocumentSync"]["openClose"], true);
    assert!(capabilities["textDocumentSync"]["save"].is_object());
    assert_eq!(result["serverInfo"]["name"], "copydesk");
    assert!(client.shutdown_and_exit().success());
}

#[test]
fn utf8_is_chosen_when_offered() {
    let mut client = LspClient::spawn();
    let result = client.initialize(&["utf-16", "utf-8"], Value::Null);
    assert_eq!(result["capabilities"]["positionEncoding"], "utf-8");
    assert!(client.shutdown_and_exit().success());
}

#[test]
fn opening_a_story_publishes_diagnostics_for_its_version() {
    let mut client = started(&[]);
    let doc = uri("open.txt");
    client.open(&doc, "plaintext", 7, STORY);
    let diagnostics = client.diagnostics(&doc, Some(7));
    let lines = STORY.lines().count() as u64;
    for d in &diagnostics {
        assert_eq!(d["source"], "copydesk", "{d}");
        assert!(d["code"].is_string(), "{d}");
        assert!(d["message"].as_str().is_some_and(|m| !m.is_empty()), "{d}");
        assert!(d["range"]["end"]["line"].as_u64().unwrap() <= lines, "{d}");
    }
    eprintln!("open: {} diagnostics on the test story", diagnostics.len());
    assert!(client.shutdown_and_exit().success());
}

#[test]
fn the_seed_story_opens_and_edits_like_a_fresh_open() {
    let Some((path, text)) = common::corpus::seed_story() else {
        return;
    };
    let Ok(path) = path.canonicalize() else {
        return;
    };
    let doc = format!("file://{}", path.display());
    let mut client = started(&["utf-16"]);
    client.open(&doc, "plaintext", 1, &text);
    let first = client.diagnostics(&doc, Some(1));
    eprintln!("seed story: {} diagnostics", first.len());
    // Type a sentence at the very end, one character per notification, as an editor does.
    let addition = "\nA spokesperson said the talks would resume.";
    let last_line = text.split('\n').count() as u32 - 1;
    let mut column = text.rsplit('\n').next().unwrap().encode_utf16().count() as u32;
    let mut line = last_line;
    let mut version = 1;
    for ch in addition.chars() {
        version += 1;
        client.change(
            &doc,
            version,
            json!([edit(line, column, line, column, &ch.to_string())]),
        );
        if ch == '\n' {
            line += 1;
            column = 0;
        } else {
            column += ch.len_utf16() as u32;
        }
    }
    let edited = client.diagnostics(&doc, Some(version));
    let expected_text = format!("{text}{addition}");
    assert_eq!(
        client.document_text(&doc),
        Some((version as i64, expected_text.clone()))
    );
    // The same text opened fresh, beside the seed so the same configuration applies.
    let fresh = format!("{}.fresh", doc);
    client.open(&fresh, "plaintext", 1, &expected_text);
    let reference = client.diagnostics(&fresh, Some(1));
    assert_eq!(normalised(&edited, &doc), normalised(&reference, &fresh));
    assert!(client.shutdown_and_exit().success());
}

/// The mixed-script lines the edit sequence works on, around the story.
fn edit_base() -> String {
    format!("Harbour officials said 😀 the ferry\r\nfrom 東京 was late.\r\nA spokesman, who asked not to be named, declined to comment.\r\n{STORY}End")
}

fn edit_expected() -> String {
    format!("Harbour officials told 😀 reporters the ferry today\r\nfrom 東京都 was late!\r\nThe chief spokesman, who asked not to be named, declined to comment.\r\n{STORY}End.\r\nPS")
}

/// Sends the edit sequence (emoji, CJK, CRLF lines, a batch of two changes, a reversed range,
/// a column past a line end, the very end, a line past the end) in `utf8` or UTF-16 columns,
/// and checks the result against the server's text and a fresh open.
fn edit_sequence_matches_fresh_open(utf8: bool) {
    let name = if utf8 { "utf8" } else { "utf16" };
    let mut client = started(if utf8 { &["utf-8"] } else { &["utf-16"] });
    let doc = uri(&format!("edits-{name}.txt"));
    let end_line = edit_base().split('\n').count() as u32 - 1;
    // (utf-16 columns, utf-8 columns) where they differ.
    let col = |u16c: u32, u8c: u32| if utf8 { u8c } else { u16c };
    let steps: Vec<Value> = vec![
        json!([{"text": edit_base()}]),
        json!([edit(0, 18, 0, 22, "told")]),
        json!([edit(0, col(26, 28), 0, col(26, 28), "reporters ")]),
        json!([edit(1, col(7, 11), 1, col(7, 11), "都")]),
        json!([edit(1, col(18, 24), 1, col(17, 23), "!")]),
        json!([edit(2, 0, 2, 1, "The"), edit(2, 4, 2, 4, "chief ")]),
        json!([edit(end_line, 3, end_line, 3, ".")]),
        json!([edit(0, 500, 0, 600, " today")]),
        json!([edit(end_line + 99, 0, end_line + 99, 0, "\r\nPS")]),
    ];
    client.open(&doc, "plaintext", 1, "placeholder");
    let mut version = 1;
    for changes in steps {
        version += 1;
        client.change(&doc, version, changes);
    }
    let edited = client.diagnostics(&doc, Some(version));
    assert_eq!(
        client.document_text(&doc),
        Some((version as i64, edit_expected()))
    );
    let fresh = uri(&format!("fresh-{name}.txt"));
    client.open(&fresh, "plaintext", 1, &edit_expected());
    let reference = client.diagnostics(&fresh, Some(1));
    assert_eq!(normalised(&edited, &doc), normalised(&reference, &fresh));
    eprintln!(
        "{name}: {} diagnostics after the edit sequence",
        edited.len()
    );
    assert!(client.shutdown_and_exit().success());
}

#[test]
fn edit_sequence_in_utf16_matches_a_fresh_open() {
    edit_sequence_matches_fresh_open(false);
}

#[test]
fn edit_sequence_in_utf8_matches_a_fresh_open() {
    edit_sequence_matches_fresh_open(true);
}

#[test]
fn many_rapid_changes_apply_in_order() {
    let mut client = started(&[]);
    let doc = uri("rapid.txt");
    client.open(&doc, "plaintext", 1, "Rapid typing:\n");
    let alphabet: Vec<char> = "abcdefghijklmnopqrstuvwxyz".chars().collect();
    let mut expected = String::from("Rapid typing:\n");
    let count = 400;
    for i in 0..count {
        let ch = alphabet[i % alphabet.len()];
        // Each insertion lands at the end of the previous one: any reordering shows in the text
        // because a column past the end clamps to the end.
        let column = i as u32;
        client.change(
            &doc,
            i as i32 + 2,
            json!([edit(1, column, 1, column, &ch.to_string())]),
        );
        expected.push(ch);
    }
    let last = count as i32 + 1;
    client.diagnostics(&doc, Some(last));
    assert_eq!(client.document_text(&doc), Some((last as i64, expected)));
    assert!(client.shutdown_and_exit().success());
}

/// Edits are analysed as they come, not after a pause, so a burst of typing publishes for
/// several versions; none may land after a newer one, and the last version is always published.
#[test]
fn publications_during_rapid_typing_only_move_forward() {
    let mut client = started(&[]);
    let doc = uri("burst.txt");
    let story = "Officials said the council would vote. Critics say the plan is reckless.\n";
    client.open(&doc, "plaintext", 1, story);
    let count = 120;
    for i in 0..count {
        let column = 72 + i as u32;
        client.change(&doc, i + 2, json!([edit(0, column, 0, column, "x")]));
    }
    let last = count + 1;
    let final_diagnostics = client.diagnostics(&doc, Some(last));
    assert!(
        codes(&final_diagnostics)
            .iter()
            .any(|c| c == "vague-attribution"),
        "{final_diagnostics:?}"
    );
    let is_publication = |m: &Value| {
        m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == doc.as_str()
    };
    let mut versions = Vec::new();
    while client.received(is_publication) {
        let message = client.wait_for("an earlier publication", is_publication);
        versions.push(message["params"]["version"].as_i64().unwrap_or(-1));
    }
    assert!(
        versions.windows(2).all(|pair| pair[0] < pair[1]),
        "publications went back in version: {versions:?}"
    );
    assert!(
        versions.iter().all(|&v| v < i64::from(last)),
        "a publication arrived after the last version's: {versions:?}"
    );
    assert!(client.shutdown_and_exit().success());
}

#[test]
fn out_of_range_positions_clamp_instead_of_crashing() {
    let mut client = started(&[]);
    let doc = uri("ranges.txt");
    client.open(&doc, "plaintext", 1, "Short line.\r\nSecond 😀 line.\r\n");
    let huge = u32::MAX;
    client.change(
        &doc,
        2,
        json!([
            edit(0, 1000, 0, 2000, "!"),
            edit(1, 8, 1, 7, "X"), // inside the surrogate pair, reversed
            edit(50, 0, 60, 0, "Tail"),
            edit(huge, huge, huge, huge, "."),
        ]),
    );
    client.diagnostics(&doc, Some(2));
    assert_eq!(
        client.document_text(&doc),
        Some((2, "Short line.!\r\nSecond X😀 line.\r\nTail.".to_string()))
    );
    assert!(client.shutdown_and_exit().success());
}

#[test]
fn stale_and_unknown_changes_are_ignored() {
    let mut client = started(&[]);
    let doc = uri("stale.txt");
    client.open(&doc, "plaintext", 5, "Version five.");
    client.change(&doc, 4, json!([{"text": "older"}]));
    client.change(&doc, 5, json!([{"text": "same"}]));
    let never = uri("never-opened.txt");
    client.change(&never, 9, json!([edit(0, 0, 0, 0, "a guess")]));
    assert_eq!(
        client.document_text(&doc),
        Some((5, "Version five.".to_string()))
    );
    assert_eq!(client.document_text(&never), None);
    client.stderr_once_it_says("ignored");
    assert!(client.shutdown_and_exit().success());
}

#[test]
fn a_document_never_opened_is_adopted_from_a_full_text_change() {
    let mut client = started(&[]);
    let doc = uri("adopted.txt");
    client.change(
        &doc,
        3,
        json!([{"text": "Known text."}, edit(0, 10, 0, 10, " now")]),
    );
    client.diagnostics(&doc, Some(3));
    assert_eq!(
        client.document_text(&doc),
        Some((3, "Known text now.".to_string()))
    );
    assert!(client.shutdown_and_exit().success());
}

/// A broken `.copydesk.toml` beside a story: whatever the loader makes of it, the server must
/// agree with the library, keep checking, and say so at the top of the story when it fails.
#[test]
fn a_broken_configuration_file_is_reported_not_fatal() {
    let dir = std::env::temp_dir().join(format!("copydesk-lsp-config-{}", std::process::id()));
    let clean = std::env::temp_dir().join(format!("copydesk-lsp-clean-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::create_dir_all(&clean).unwrap();
    std::fs::write(dir.join(".copydesk.toml"), "preset = \"ap\nrules = [[[\n").unwrap();
    let story = dir.join("story.txt");
    let expected_error = copydesk::config_file::discover_for(&story).is_err();

    let mut client = started(&[]);
    let broken = format!("file://{}", story.display());
    let fine = format!("file://{}", clean.join("story.txt").display());
    client.open(&broken, "plaintext", 1, STORY);
    client.open(&fine, "plaintext", 1, STORY);
    let mut reported = client.diagnostics(&broken, Some(1));
    let reference = client.diagnostics(&fine, Some(1));
    let config_errors: Vec<Value> = reported
        .iter()
        .filter(|d| d["code"] == "config-error")
        .cloned()
        .collect();
    if expected_error {
        assert_eq!(config_errors.len(), 1, "{reported:?}");
        assert_eq!(
            config_errors[0]["range"]["start"],
            json!({"line": 0, "character": 0})
        );
        assert!(config_errors[0]["message"]
            .as_str()
            .is_some_and(|m| m.contains(".copydesk.toml")));
    } else {
        eprintln!("SKIP (partly): the configuration loader accepts this file or is not built yet");
        assert!(config_errors.is_empty());
    }
    // The rest is the default analysis, as in a folder with no configuration.
    reported.retain(|d| d["code"] != "config-error");
    assert_eq!(
        normalised(&reported, &broken),
        normalised(&reference, &fine)
    );
    assert!(client.shutdown_and_exit().success());
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::remove_dir_all(&clean);
}

#[test]
fn malformed_input_is_skipped_and_the_next_request_answered() {
    let mut client = started(&[]);
    let doc = uri("malformed.txt");
    client.open(&doc, "plaintext", 1, "Still here.");
    let frame = |body: &str| format!("Content-Length: {}\r\n\r\n{body}", body.len());
    client.send_raw(frame("{this is not json").as_bytes());
    client.send_raw(frame("[1, 2, 3]").as_bytes());
    client.send_raw(frame(r#"{"jsonrpc":"2.0","id":{"x":1},"method":"x"}"#).as_bytes());
    client.send_raw(b"Content-Length: lots\r\n\r\n{\"a\": 1}");
    client.send_raw(b"stray text from a confused client\r\n\r\n");
    assert_eq!(
        client.document_text(&doc),
        Some((1, "Still here.".to_string()))
    );
    assert!(client.shutdown_and_exit().success());
}

#[test]
fn close_clears_the_documents_diagnostics() {
    let mut client = started(&[]);
    let doc = uri("close.txt");
    client.open(&doc, "plaintext", 1, STORY);
    client.diagnostics(&doc, Some(1));
    client.close(&doc);
    let cleared = client.wait_for("cleared diagnostics", |m| {
        m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == doc.as_str()
    });
    assert_eq!(cleared["params"]["diagnostics"], json!([]));
    assert_eq!(client.document_text(&doc), None);
    assert!(client.shutdown_and_exit().success());
}

#[test]
fn settings_are_read_and_a_change_reanalyses_open_documents() {
    let mut client = LspClient::spawn();
    client.initialize(
        &[],
        json!({"copydesk": {"preset": "ap", "rules": {"made-up-rule": "loud"}}}),
    );
    let warning = client.wait_for("a settings warning", |m| {
        m["method"] == "window/logMessage"
            && m["params"]["message"]
                .as_str()
                .is_some_and(|s| s.contains("loud"))
    });
    assert_eq!(warning["params"]["type"], 2);
    let doc = uri("settings.txt");
    client.open(&doc, "plaintext", 1, STORY);
    client.diagnostics(&doc, Some(1));
    // Editors also send payloads with nothing of ours in them: no re-analysis, no reset.
    client.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": null}),
    );
    client.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"preset": "nyt"}}),
    );
    // A second publication for the same version: the document was analysed again.
    client.diagnostics(&doc, Some(1));
    client.did_save(&doc);
    client.diagnostics(&doc, Some(1));
    assert!(client.shutdown_and_exit().success());
}

#[test]
fn exit_without_shutdown_is_an_error_exit() {
    let mut client = started(&[]);
    client.notify("exit", Value::Null);
    let status = client.wait_exit();
    assert_eq!(status.code(), Some(1));
}

#[test]
fn stdout_carries_only_protocol_messages() {
    let mut client = started(&[]);
    let doc = uri("stdout.md");
    client.open(&doc, "markdown", 1, "# Heading\n\nSome *prose* here.\n");
    client.diagnostics(&doc, Some(1));
    client.assert_clean_stdout();
    assert!(client.shutdown_and_exit().success());
}

/// A client that watches files for the server: initialized with
/// `workspace.didChangeWatchedFiles.dynamicRegistration`, it must be asked to watch
/// configuration files, and agrees.
fn started_with_file_watcher() -> LspClient {
    let mut client = LspClient::spawn();
    client.initialize_with(
        json!({"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}}),
        Value::Null,
    );
    let request = client.wait_for("client/registerCapability", |m| {
        m["method"] == "client/registerCapability"
    });
    let registration = &request["params"]["registrations"][0];
    assert_eq!(registration["method"], "workspace/didChangeWatchedFiles");
    assert_eq!(
        registration["registerOptions"]["watchers"][0]["globPattern"],
        "**/.copydesk.toml"
    );
    client.send(&json!({"jsonrpc": "2.0", "id": request["id"], "result": null}));
    client
}

/// A story in a fresh folder of its own, so a `.copydesk.toml` written there affects it alone.
struct Desk {
    dir: tempfile::TempDir,
    story: String,
}

impl Desk {
    fn new() -> Desk {
        let dir = tempfile::tempdir().unwrap();
        let story = format!("file://{}", dir.path().join("story.txt").display());
        Desk { dir, story }
    }

    fn config_uri(&self) -> String {
        format!("file://{}", self.config_path().display())
    }

    fn config_path(&self) -> std::path::PathBuf {
        self.dir.path().join(".copydesk.toml")
    }

    fn write_config(&self, text: &str) {
        std::fs::write(self.config_path(), text).unwrap();
    }

    /// `workspace/didChangeWatchedFiles` for this desk's configuration file (1: created).
    fn announce_config_change(&self, client: &mut LspClient) {
        client.notify(
            "workspace/didChangeWatchedFiles",
            json!({"changes": [{"uri": self.config_uri(), "type": 1}]}),
        );
    }
}

fn codes(diagnostics: &[Value]) -> Vec<String> {
    diagnostics
        .iter()
        .map(|d| d["code"].as_str().unwrap_or_default().to_string())
        .collect()
}

/// A rule that fires on the test story with the default configuration: the one the tests turn
/// off, whichever rules this build has.
fn a_rule_that_fires(diagnostics: &[Value]) -> String {
    codes(diagnostics)
        .into_iter()
        .find(|code| code != "config-error")
        .expect("the test story should draw at least one diagnostic")
}

#[test]
fn a_watched_configuration_change_reaches_open_documents() {
    let desk = Desk::new();
    let mut client = started_with_file_watcher();
    client.open(&desk.story, "plaintext", 1, STORY);
    let before = client.diagnostics(&desk.story, Some(1));
    let rule = a_rule_that_fires(&before);

    desk.write_config(&format!("[rules]\n{rule} = \"off\"\n"));
    desk.announce_config_change(&mut client);
    // The same version published again, under the new configuration.
    let after = client.diagnostics(&desk.story, Some(1));
    assert!(!codes(&after).contains(&rule), "{rule} still reported");
    // A source's one finding may pass to the next rule that is on, so the count need not fall;
    // what was reported must change.
    assert_ne!(codes(&after), codes(&before));
    assert!(client.shutdown_and_exit().success());
}

#[test]
fn an_edit_does_not_read_the_configuration_file_again() {
    let desk = Desk::new();
    let mut client = started_with_file_watcher();
    client.open(&desk.story, "plaintext", 1, STORY);
    let rule = a_rule_that_fires(&client.diagnostics(&desk.story, Some(1)));

    // Changed on disk, and nobody says so: the edit is checked with what was read before.
    desk.write_config(&format!("[rules]\n{rule} = \"off\"\n"));
    client.change(&desk.story, 2, json!([{"text": format!("{STORY}\n")}]));
    let edited = client.diagnostics(&desk.story, Some(2));
    assert!(codes(&edited).contains(&rule), "the file was read again");

    // The file itself was fine: once announced, it applies.
    desk.announce_config_change(&mut client);
    let announced = client.diagnostics(&desk.story, Some(2));
    assert!(!codes(&announced).contains(&rule));
    assert!(client.shutdown_and_exit().success());
}

#[test]
fn a_broken_configuration_is_reported_on_every_analysis_until_fixed() {
    let desk = Desk::new();
    let mut client = started_with_file_watcher();
    client.open(&desk.story, "plaintext", 1, STORY);
    let clean = client.diagnostics(&desk.story, Some(1));
    assert!(!codes(&clean).contains(&"config-error".to_string()));
    let config_errors = |diagnostics: &[Value]| {
        codes(diagnostics)
            .iter()
            .filter(|code| *code == "config-error")
            .count()
    };

    desk.write_config("preset = \"ap\nrules = [[[\n");
    desk.announce_config_change(&mut client);
    let broken = client.diagnostics(&desk.story, Some(1));
    assert_eq!(config_errors(&broken), 1, "{broken:?}");
    let error = broken.iter().find(|d| d["code"] == "config-error").unwrap();
    assert!(error["message"]
        .as_str()
        .is_some_and(|m| m.contains(".copydesk.toml")));
    // The rest is the default analysis.
    assert_eq!(broken.len(), clean.len() + 1);

    // Still broken, still said, on the next keystroke's analysis.
    client.change(&desk.story, 2, json!([{"text": format!("{STORY}\n")}]));
    assert_eq!(config_errors(&client.diagnostics(&desk.story, Some(2))), 1);

    // Fixed in the editor: its save is the announcement.
    desk.write_config("preset = \"ap\"\n");
    client.did_save(&desk.config_uri());
    let fixed = client.diagnostics(&desk.story, Some(2));
    assert_eq!(config_errors(&fixed), 0, "{fixed:?}");
    assert!(client.shutdown_and_exit().success());
}

#[test]
fn without_a_file_watcher_saving_a_story_reads_the_configuration_again() {
    let desk = Desk::new();
    let mut client = started(&[]);
    client.open(&desk.story, "plaintext", 1, STORY);
    let rule = a_rule_that_fires(&client.diagnostics(&desk.story, Some(1)));

    desk.write_config(&format!("[rules]\n{rule} = \"off\"\n"));
    client.did_save(&desk.story);
    let saved = client.diagnostics(&desk.story, Some(1));
    assert!(!codes(&saved).contains(&rule), "{rule} still reported");
    assert!(client.shutdown_and_exit().success());
}
