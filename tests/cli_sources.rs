//! `copydesk sources` end to end: the ledger in the terminal and as JSON, files found as `check`
//! finds them, exit codes.
//!
//! What the ledger holds is the engine's business; these tests check that the command reports
//! it faithfully (every span's text and position against the story itself, counts against the
//! records) and assert only the few facts any reading of these stories must give.

mod common;

use common::run::{copydesk_in, Run};
use serde_json::Value;
use std::path::Path;

/// Written for these tests.
const FERRY: &str = "\
# Ferry terminal to close\n\
\n\
HARBOURTON - The council will close the ferry terminal, two officials familiar with the plan \
said on Tuesday.\n\
\n\
The officials, who asked not to be named because they feared for their jobs, said no buyer \
had been found.\n\
\n\
Council leader Mariana Okafor said no decision had been taken. She will meet Tomasz Wilk, \
who runs the terminal café, on Friday.\n";

/// Written for these tests: a 😀 and accented words before the sources, so character columns
/// and byte offsets differ.
const MARKET: &str = "\
Les marchés 😀 ont chuté. Traders said the fall would continue, while Ana Reyes, an economist \
at Northbank, said it was overdone.\n";

fn desk() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("politics")).unwrap();
    std::fs::write(dir.path().join("politics/ferry.md"), FERRY).unwrap();
    std::fs::write(dir.path().join("market.txt"), MARKET).unwrap();
    std::fs::write(dir.path().join("photo.jpg"), [0xFF, 0xD8, 0xFF]).unwrap();
    dir
}

fn json(run: &Run) -> Value {
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("not JSON ({e}):\n{}", run.stdout))
}

/// 1-based line and character column of byte `offset`, counted here from the story itself.
fn line_column(text: &str, offset: usize) -> (u64, u64) {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap().chars().count() + 1;
    (line as u64, column as u64)
}

/// Every quoted passage of a record: its text is the story's text at its span, and its range
/// is where that span is.
fn check_passage(text: &str, passage: &Value) {
    let start = passage["span"]["start"].as_u64().unwrap() as usize;
    let end = passage["span"]["end"].as_u64().unwrap() as usize;
    assert!(start <= end && end <= text.len(), "{passage}");
    assert_eq!(passage["text"], text[start..end], "{passage}");
    for (key, offset) in [("start", start), ("end", end)] {
        let (line, column) = line_column(text, offset);
        assert_eq!(passage["range"][key]["line"], line, "{passage}");
        assert_eq!(passage["range"][key]["column"], column, "{passage}");
    }
}

fn check_file(file: &Value, text: &str) {
    let sources = file["sources"].as_array().unwrap();
    let people = file["people"].as_array().unwrap();
    for (id, source) in sources.iter().enumerate() {
        assert_eq!(source["id"], id);
        assert!(
            !source["mentions"].as_array().unwrap().is_empty(),
            "{source}"
        );
        for mention in source["mentions"].as_array().unwrap() {
            check_passage(text, mention);
        }
        for statement in source["statements"].as_array().unwrap() {
            check_passage(text, statement);
        }
        for key in ["reason", "basis"] {
            if !source[key].is_null() {
                check_passage(text, &source[key]);
            }
        }
        if let Some(person) = source["person"].as_u64() {
            assert_eq!(people[person as usize]["source"], id, "{source}");
        }
        assert!(
            ["named", "unnamed", "other"].contains(&source["group"].as_str().unwrap()),
            "{source}"
        );
        assert!(source["kind"].as_str().is_some_and(|k| !k.is_empty()));
    }
    for person in people {
        check_passage(text, &person["first"]);
        for mention in person["mentions"].as_array().unwrap() {
            check_passage(text, mention);
        }
        assert!(
            !person["spellings"].as_array().unwrap().is_empty(),
            "{person}"
        );
    }
    let in_group = |group: &str| sources.iter().filter(|s| s["group"] == group).count();
    let summary = &file["summary"];
    assert_eq!(summary["named"], in_group("named"));
    assert_eq!(summary["unnamed"], in_group("unnamed"));
    assert_eq!(summary["people"], people.len());
    let unexplained = sources
        .iter()
        .filter(|s| s["group"] == "unnamed" && s["unasked"].is_null())
        .filter(|s| {
            !["explanation", "boilerplate"].contains(&s["reason"]["kind"].as_str().unwrap_or(""))
        })
        .count();
    assert_eq!(summary["unnamed_without_reason"], unexplained);
}

#[test]
fn json_gives_one_record_per_entity_with_spans_and_positions() {
    let dir = desk();
    let run = copydesk_in(dir.path(), &["sources", "--format", "json", "."], None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let document = json(&run);
    assert_eq!(document["version"], 1);
    let files = document["files"].as_array().unwrap();
    let paths: Vec<&str> = files.iter().map(|f| f["path"].as_str().unwrap()).collect();
    assert_eq!(
        paths,
        ["market.txt", "politics/ferry.md"],
        "walked like check"
    );
    check_file(&files[0], MARKET);
    check_file(&files[1], FERRY);

    // What any reading of the ferry story gives: an unnamed source told about twice, with the
    // story's reason; a named source; a person named but not quoted.
    let ferry = &files[1];
    let unnamed = ferry["sources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["group"] == "unnamed")
        .expect("the officials");
    assert!(
        unnamed["label"].as_str().unwrap().contains("officials"),
        "{unnamed}"
    );
    assert!(!unnamed["reason"].is_null(), "{unnamed}");
    assert!(ferry["summary"]["named"].as_u64().unwrap() >= 1, "{ferry}");
    assert!(
        ferry["people"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["name"] == "Tomasz Wilk" && p["source"].is_null()),
        "{ferry}"
    );
    let total = |key: &str| {
        files
            .iter()
            .map(|f| f["summary"][key].as_u64().unwrap())
            .sum::<u64>()
    };
    for key in ["named", "unnamed", "unnamed_without_reason", "people"] {
        assert_eq!(document["summary"][key], total(key), "{key}");
    }
    assert_eq!(document["summary"]["files"], 2);
    assert_eq!(document["summary"]["failed"], 0);
}

#[test]
fn the_terminal_listing_shows_each_group_with_positions() {
    let dir = desk();
    let run = copydesk_in(dir.path(), &["sources", "politics/ferry.md"], None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let data = json(&copydesk_in(
        dir.path(),
        &["sources", "--format", "json", "politics/ferry.md"],
        None,
    ));
    let file = &data["files"][0];
    let first_line = run.stdout.lines().next().unwrap();
    assert_eq!(
        first_line,
        format!(
            "politics/ferry.md: {}",
            file["summary"]["headline"].as_str().unwrap()
        )
    );
    for group in ["  Named sources", "  Unnamed sources", "  Other people"] {
        assert!(
            run.stdout.lines().any(|l| l == group),
            "{group}:\n{}",
            run.stdout
        );
    }
    // Every mention appears with its line:column and its words.
    for source in file["sources"].as_array().unwrap() {
        for mention in source["mentions"].as_array().unwrap() {
            let start = &mention["range"]["start"];
            let shown = format!(
                "{}:{} \"{}\"",
                start["line"],
                start["column"],
                mention["text"].as_str().unwrap()
            );
            assert!(
                run.stdout.contains(&shown),
                "{shown} missing:\n{}",
                run.stdout
            );
        }
    }
    assert!(run.stdout.contains("reason ("), "{}", run.stdout);
}

#[test]
fn standard_input_and_several_files_are_listed_with_totals() {
    let dir = desk();
    let stdin = copydesk_in(
        dir.path(),
        &["sources", "--stdin-filename", "wire.txt", "-"],
        Some(MARKET.as_bytes()),
    );
    assert_eq!(stdin.code, 0, "{}", stdin.stderr);
    assert!(stdin.stdout.starts_with("wire.txt: "), "{}", stdin.stdout);
    let both = copydesk_in(dir.path(), &["sources", "."], None);
    assert_eq!(both.code, 0, "{}", both.stderr);
    assert!(both.stdout.contains("market.txt: "), "{}", both.stdout);
    assert!(
        both.stdout.contains("politics/ferry.md: "),
        "{}",
        both.stdout
    );
    let last = both.stdout.lines().last().unwrap();
    assert!(last.starts_with("2 stories: "), "{last}");
}

#[test]
fn unreadable_stories_exit_2_and_the_rest_are_still_listed() {
    let dir = desk();
    let run = copydesk_in(
        dir.path(),
        &["sources", "--format", "json", "missing.md", "market.txt"],
        None,
    );
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("missing.md"), "{}", run.stderr);
    let document = json(&run);
    assert_eq!(document["summary"]["failed"], 1);
    let market = document["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"] == "market.txt")
        .expect("listed anyway");
    check_file(market, MARKET);

    // A broken configuration file is found the way `check` finds it, and stops its stories.
    std::fs::write(dir.path().join("politics/.copydesk.toml"), "preset = [\n").unwrap();
    let check = copydesk_in(dir.path(), &["check", "politics/ferry.md"], None);
    let sources = copydesk_in(dir.path(), &["sources", "politics/ferry.md"], None);
    assert_eq!((check.code, sources.code), (2, 2), "{}", sources.stderr);
    assert!(
        sources.stderr.contains(".copydesk.toml"),
        "{}",
        sources.stderr
    );

    let usage = copydesk_in(dir.path(), &["sources", "--format", "xml"], None);
    assert_eq!(usage.code, 2);
}

#[test]
fn help_documents_the_exit_status() {
    let run = copydesk_in(Path::new("."), &["sources", "--help"], None);
    assert_eq!(run.code, 0);
    assert!(run.stdout.contains("Exit status:"), "{}", run.stdout);
    assert!(run.stdout.contains("  2  "), "{}", run.stdout);
}
