//! Replays every input the fuzzers ever failed on (`fuzz/regressions/TARGET/`, saved there by
//! `fuzz/run.sh`) through the same invariant checks, so a fixed crash stays fixed without a
//! fuzzer installed.

use copydesk::fuzz_checks::{
    assert_extraction_well_formed, assert_findings_well_formed, check_config_text, check_framing,
};
use copydesk_core::text::extract::extract;
use copydesk_core::{Config, Engine, SourceFormat, Span};
use std::path::{Path, PathBuf};

fn inputs(target: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/regressions")
        .join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.is_file() && path.file_name().is_some_and(|n| n != ".gitkeep"))
        .collect();
    files.sort();
    files
}

fn bytes(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn engine_regressions() {
    let engine = Engine::new(Config::default());
    for path in inputs("engine") {
        let data = bytes(&path);
        let Ok(story) = std::str::from_utf8(&data) else {
            continue;
        };
        eprintln!("replaying {}", path.display());
        for format in [SourceFormat::Markdown, SourceFormat::PlainText] {
            assert_findings_well_formed(story, &engine.analyze(story, format));
        }
    }
}

#[test]
fn extract_regressions() {
    for path in inputs("extract") {
        let data = bytes(&path);
        let Ok(story) = std::str::from_utf8(&data) else {
            continue;
        };
        for format in [SourceFormat::Markdown, SourceFormat::PlainText] {
            assert_extraction_well_formed(story, &extract(story, format));
        }
    }
}

#[test]
fn config_regressions() {
    for path in inputs("config") {
        if let Ok(text) = std::str::from_utf8(&bytes(&path)) {
            check_config_text(text);
        }
    }
}

#[test]
fn framing_regressions() {
    for path in inputs("framing") {
        check_framing(&bytes(&path));
    }
}

#[test]
fn the_checks_catch_a_broken_invariant() {
    // The replay is only worth something if the checks can fail.
    let story = "Critics say the plan will fail.";
    let mut findings = Engine::new(Config::default()).analyze(story, SourceFormat::PlainText);
    assert!(!findings.is_empty(), "the story should raise a finding");
    let start = findings[0].span().start;
    findings[0].set_span(Span::new(start, story.len() + 1));
    let outcome = std::panic::catch_unwind(|| assert_findings_well_formed(story, &findings));
    assert!(outcome.is_err());
}
