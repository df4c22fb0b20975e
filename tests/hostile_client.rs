//! The language server against a hostile or careless client, over the real binary's stdio:
//! malformed framing, requests the protocol says must be refused, notifications that do not
//! decode, contradictory configuration, documents too large to check, and several documents at
//! once. No test asserts on how long anything takes; each waits for what the server must say.

#[path = "support/lsp_client.rs"]
mod lsp_client;

use lsp_client::LspClient;
use serde_json::{json, Value};

fn uri(name: &str) -> String {
    format!("file:///tmp/copydesk-hostile-tests/{name}")
}

/// A story of about `bytes` bytes, paragraphs of the project's own sentences.
fn story_of(bytes: usize) -> String {
    let paragraph = "Critics say the council ignored the report. Two officials familiar with the \
                     talks said the vote was delayed. Mayor Ana Ruiz said the budget was final.\n\n";
    paragraph.repeat(bytes / paragraph.len() + 1)
}

fn codes(diagnostics: &[Value]) -> Vec<String> {
    diagnostics
        .iter()
        .filter_map(|d| d["code"].as_str().map(str::to_string))
        .collect()
}

#[test]
fn an_endless_header_is_dropped_without_being_logged_whole_and_the_session_goes_on() {
    let mut client = LspClient::spawn();
    client.initialize(&[], Value::Null);
    let mut junk = b"Content-Length: 17".to_vec();
    junk.extend(std::iter::repeat_n(b'z', 200_000));
    client.send_raw(&junk);
    // A valid frame after the junk is read once the junk has been dropped.
    let answer = client.request("copydesk/documentText", json!({"uri": uri("none.md")}));
    assert!(answer.get("error").is_none(), "{answer}");
    let log = client.stderr_once_it_says("skipped");
    assert!(
        log.matches('z').count() < 1_000,
        "the junk was logged: {} bytes of stderr",
        log.len()
    );
    assert!(client.shutdown_and_exit().success());
}

#[test]
fn a_dollar_request_with_an_id_gets_method_not_found() {
    let mut client = LspClient::spawn();
    client.initialize(&[], Value::Null);
    let answer = client.request("$/copydeskUnknown", json!({}));
    assert_eq!(answer["error"]["code"], json!(-32601), "{answer}");
    // `$/` notifications stay silent, as the specification allows.
    client.notify("$/setTrace", json!({"value": "off"}));
    let still = client.request("copydesk/documentText", json!({"uri": uri("none.md")}));
    assert!(still.get("error").is_none(), "{still}");
    assert!(client.shutdown_and_exit().success());
}

#[test]
fn a_notification_with_wrong_parameter_types_is_logged() {
    let mut client = LspClient::spawn();
    client.initialize(&[], Value::Null);
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri("a.md"), "languageId": "markdown", "version": "one", "text": 5}}),
    );
    client.notify("textDocument/didChange", json!([1, 2, 3]));
    let _ = client.request("copydesk/documentText", json!({"uri": uri("a.md")}));
    let log = client.stderr_once_it_says("notification textDocument/didChange ignored");
    assert!(
        log.contains("notification textDocument/didOpen ignored"),
        "{log}"
    );
    assert!(client.shutdown_and_exit().success());
}

#[test]
fn contradictory_house_names_are_a_configuration_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join(".copydesk.toml"),
        "[[names]]\npreferred = \"Smyth\"\nvariants = [\"Smith\"]\n\n[[names]]\npreferred = \"Smith\"\nvariants = [\"Smyth\"]\n",
    )
    .unwrap();
    let story = format!("file://{}/story.md", dir.path().display());
    let mut client = LspClient::spawn();
    client.initialize(&[], Value::Null);
    client.open(
        &story,
        "markdown",
        1,
        "John Smith said the vote was close.\n",
    );
    let diagnostics = client.diagnostics(&story, Some(1));
    let error = diagnostics
        .iter()
        .find(|d| d["code"] == "config-error")
        .unwrap_or_else(|| panic!("no configuration error in {diagnostics:?}"));
    assert!(
        error["message"]
            .as_str()
            .unwrap()
            .contains("keep one spelling per person"),
        "{error}"
    );
    assert!(client.shutdown_and_exit().success());
}

#[test]
fn a_document_over_the_size_limit_says_it_was_not_checked() {
    let mut client = LspClient::spawn_with_env(&[("COPYDESK_MAX_SIZE", "4KB")]);
    client.initialize(&[], Value::Null);
    let big = uri("big.md");
    client.open(&big, "markdown", 1, &story_of(10_000));
    let diagnostics = client.diagnostics(&big, Some(1));
    assert_eq!(codes(&diagnostics), ["not-checked"], "{diagnostics:?}");
    assert!(diagnostics[0]["message"]
        .as_str()
        .unwrap()
        .contains("larger than the limit of 4 KB"));
    // Cut below the limit, it is checked again.
    client.change(&big, 2, json!([{"text": story_of(1_000)}]));
    let diagnostics = client.diagnostics(&big, Some(2));
    assert!(
        !codes(&diagnostics).contains(&"not-checked".to_string()),
        "{diagnostics:?}"
    );
    assert!(client.shutdown_and_exit().success());
}

#[test]
fn an_analysis_past_its_budget_ends_with_a_diagnostic_not_silence() {
    // A budget far shorter than any analysis (the engine alone takes longer to build).
    let mut client = LspClient::spawn_with_env(&[("COPYDESK_ANALYSIS_BUDGET", "0.000001")]);
    client.initialize(&[], Value::Null);
    let story = uri("slow.md");
    client.open(&story, "markdown", 1, &story_of(200_000));
    let diagnostics = client.diagnostics(&story, Some(1));
    assert_eq!(codes(&diagnostics), ["not-checked"], "{diagnostics:?}");
    let message = diagnostics[0]["message"].as_str().unwrap();
    assert!(
        message.starts_with("analysis stopped after") && message.contains("document too large"),
        "{message}"
    );
    // The server is still answering.
    let text = client.document_text(&story).unwrap();
    assert_eq!(text.0, 1);
    assert!(client.shutdown_and_exit().success());
}

#[test]
fn a_small_story_is_not_held_up_behind_a_large_one() {
    let mut client = LspClient::spawn();
    client.initialize(&[], Value::Null);
    let large = uri("large.md");
    let small = uri("small.md");
    client.open(&large, "markdown", 1, &story_of(3_000_000));
    client.open(&small, "markdown", 1, &story_of(300));
    // Whichever is published first must be the small story: with one analysis slot for the
    // server, it waited for the large one to finish.
    let first = client.wait_for("the first diagnostics", |m| {
        m["method"] == "textDocument/publishDiagnostics"
    });
    assert_eq!(
        first["params"]["uri"],
        json!(small),
        "{}",
        first["params"]["uri"]
    );
    let _ = client.diagnostics(&large, Some(1));
    assert!(client.shutdown_and_exit().success());
}

#[test]
fn a_newer_version_supersedes_and_closing_cancels() {
    let mut client = LspClient::spawn();
    client.initialize(&[], Value::Null);
    let story = uri("edited.md");
    client.open(&story, "markdown", 1, &story_of(2_000_000));
    client.change(&story, 2, json!([{"text": story_of(500)}]));
    let first = client.wait_for("diagnostics for the edited story", |m| {
        m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == story
    });
    assert_eq!(
        first["params"]["version"],
        json!(2),
        "version 1 was published"
    );

    let closed = uri("closed.md");
    client.open(&closed, "markdown", 1, &story_of(2_000_000));
    client.close(&closed);
    let cleared = client.wait_for("the closed story's diagnostics cleared", |m| {
        m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == closed
    });
    assert_eq!(cleared["params"]["diagnostics"], json!([]));
    let after = uri("after.md");
    client.open(&after, "markdown", 1, &story_of(300));
    let _ = client.diagnostics(&after, Some(1));
    // Nothing for the closed story may come after it was cleared.
    let _ = client.request("copydesk/documentText", json!({"uri": after}));
    assert!(!client.received(|m| {
        m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == closed
    }));
    assert!(client.shutdown_and_exit().success());
}
