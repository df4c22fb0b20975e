//! Snapshot tests of findings, per rule, in the manner of ruff's fixtures: each story under
//! `tests/fixtures/RULE/` is analysed and its findings rendered to a snapshot beside this file, so
//! a change in a rule's behaviour shows in review as the findings that moved.
//!
//! The stories are the project's own. A file's name says what it shows: `flags-` (the folder's
//! rule must fire), `quiet-` (it must not), `known-miss-` and `known-false-alarm-` (the engine is
//! wrong today; the snapshot records how). `stories/` holds one whole story per check family.
//! The nearest `copydesk.toml` inside `fixtures/` applies, as a `.copydesk.toml` would for
//! `copydesk check`; it is not named `.copydesk.toml` so that `copydesk check` run in the
//! repository (which reads only `examples/`, by the root `.copydesk.toml`) does not pick the
//! fixtures up.
//!
//! After an intended change: `cargo insta review` (or `INSTA_UPDATE=always cargo test`), then
//! read the diff of `tests/snapshots/`.

use copydesk_core::config::from_toml;
use copydesk_core::{rules, Config, Engine, Finding, SourceFormat, Span};
use std::collections::HashMap;
use std::fmt::Write;
use std::path::{Path, PathBuf};

const FIXTURE_CONFIG: &str = "copydesk.toml";

/// 1-based line and column (in characters) of a byte offset.
fn line_col(source: &str, offset: usize) -> (usize, usize) {
    let before = &source[..offset.min(source.len())];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

fn at(source: &str, span: Span) -> String {
    let (l1, c1) = line_col(source, span.start);
    let (l2, c2) = line_col(source, span.end);
    let text = source
        .get(span.start..span.end)
        .unwrap_or("<not on a char boundary>");
    format!("{l1}:{c1}-{l2}:{c2} {text:?}")
}

/// One block per finding: where, which rule at which severity, the words under it, then the
/// message, related places and suggestion.
fn render(source: &str, findings: &[Finding]) -> String {
    if findings.is_empty() {
        return "no findings\n".to_owned();
    }
    let mut out = String::new();
    for finding in findings {
        let _ = writeln!(
            out,
            "{}[{}] {}",
            finding.severity,
            finding.rule,
            at(source, finding.span())
        );
        let _ = writeln!(out, "    {}", finding.message());
        for related in finding.related() {
            let _ = writeln!(
                out,
                "    related {}: {}",
                at(source, related.span),
                related.message
            );
        }
        if let Some(suggestion) = finding.suggestion() {
            let _ = writeln!(out, "    suggestion: {suggestion:?}");
        }
    }
    out
}

/// The configuration file for a fixture: the nearest `copydesk.toml` in its folder or above, up
/// to `fixtures/`.
fn config_file_for(story: &Path) -> Option<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    story
        .ancestors()
        .skip(1)
        .take_while(|dir| dir.starts_with(&root))
        .map(|dir| dir.join(FIXTURE_CONFIG))
        .find(|file| file.is_file())
}

fn config_from(file: Option<&Path>) -> Config {
    file.map_or_else(Config::default, |file| {
        let text = std::fs::read_to_string(file).expect("readable configuration");
        from_toml(&text, file).unwrap_or_else(|e| panic!("{e}"))
    })
}

/// What the file name promises about the folder's rule, checked before the snapshot so that a
/// blessed snapshot cannot quietly contradict the fixture's name.
fn check_promise(path: &Path, findings: &[Finding]) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let relative = path.strip_prefix(&root).expect("fixture under fixtures/");
    let folder = relative
        .components()
        .next()
        .and_then(|c| c.as_os_str().to_str())
        .unwrap_or_default();
    if folder == "stories" {
        return;
    }
    let rule = rules::find(folder)
        .unwrap_or_else(|| panic!("fixtures/{folder}/ is not named after a rule"))
        .id;
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    let fires = findings.iter().any(|f| f.rule == rule);
    let (should_fire, what) = if name.starts_with("flags-") {
        (true, "must fire")
    } else if name.starts_with("known-false-alarm-") {
        (true, "is a known false alarm, so it fires")
    } else if name.starts_with("quiet-") {
        (false, "must stay quiet")
    } else if name.starts_with("known-miss-") {
        (false, "is a known miss, so it stays quiet")
    } else {
        panic!("{name}: a fixture's name starts with flags-, quiet-, known-miss- or known-false-alarm-")
    };
    assert_eq!(
        fires,
        should_fire,
        "{}: {rule} {what}; findings:\n{}",
        relative.display(),
        render(&std::fs::read_to_string(path).unwrap_or_default(), findings)
    );
}

#[test]
fn fixtures() {
    // Building an engine compiles its lexicons: one per configuration file, not per story.
    let mut engines: HashMap<Option<PathBuf>, Engine> = HashMap::new();
    insta::glob!("fixtures/**/*.{md,txt}", |path| {
        let source = std::fs::read_to_string(path).expect("readable fixture");
        let file = config_file_for(path);
        let engine = engines
            .entry(file.clone())
            .or_insert_with(|| Engine::new(config_from(file.as_deref())));
        let findings = engine.analyze(&source, SourceFormat::from_path(path));
        check_promise(path, &findings);
        insta::assert_snapshot!(render(&source, &findings));
    });
}

/// `copydesk explain` shows each rule's wrong and right example: what the engine makes of them,
/// under the default configuration (with the rule itself on when it is opt-in).
#[test]
fn explain_examples() {
    let defaults = Engine::new(Config::default());
    for rule in rules::all() {
        let opted_in;
        let engine = if rule.opt_in {
            let mut config = Config::default();
            config.rules.insert(
                rule.id.to_owned(),
                copydesk_core::config::RuleLevel::Severity(rule.default_severity),
            );
            opted_in = Engine::new(config);
            &opted_in
        } else {
            &defaults
        };
        let mut out = String::new();
        for (label, example) in [("wrong", rule.wrong), ("right", rule.right)] {
            let findings = engine.analyze(example, SourceFormat::Markdown);
            let _ = writeln!(out, "{label}: {example:?}");
            for line in render(example, &findings).lines() {
                let _ = writeln!(out, "  {line}");
            }
        }
        insta::assert_snapshot!(format!("explain-{}", rule.id), out);
    }
}
