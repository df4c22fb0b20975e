//! The same story saved with LF, CRLF or lone-CR line ends gives the same findings, at the same
//! places once offsets are shifted for the extra bytes of CRLF. Lone CRs once let any HTML
//! comment hide the rest of a Markdown story and left every suppression "unused".

use copydesk_core::{Config, Engine, Finding, SourceFormat};
use std::path::{Path, PathBuf};

/// A finding reduced to what must not depend on line ends, offsets in the LF text.
#[derive(Debug, PartialEq, Eq)]
struct Seen {
    rule: &'static str,
    span: (usize, usize),
    message: String,
    related: Vec<(usize, usize, String)>,
}

fn same_line_ends(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// Findings with offsets mapped back to the LF text: `to_lf` maps an offset of the analysed
/// text to the LF text's.
fn seen(findings: &[Finding], to_lf: &dyn Fn(usize) -> usize) -> Vec<Seen> {
    findings
        .iter()
        .map(|f| Seen {
            rule: f.rule.as_str(),
            span: (to_lf(f.span().start), to_lf(f.span().end)),
            message: same_line_ends(f.message()),
            related: f
                .related()
                .iter()
                .map(|r| {
                    (
                        to_lf(r.span.start),
                        to_lf(r.span.end),
                        same_line_ends(&r.message),
                    )
                })
                .collect(),
        })
        .collect()
}

fn stories() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut found = Vec::new();
    let mut folders = vec![root.join("tests/fixtures")];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "md" || e == "txt") {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

fn check_story(engine: &Engine, lf: &str, format: SourceFormat, name: &str) -> usize {
    let crlf = lf.replace('\n', "\r\n");
    let cr = lf.replace('\n', "\r");
    let expected = seen(&engine.analyze(lf, format), &|o| o);
    let crs_before = |offset: usize| {
        crlf.as_bytes()[..offset.min(crlf.len())]
            .iter()
            .filter(|&&b| b == b'\r')
            .count()
    };
    let from_crlf = seen(&engine.analyze(&crlf, format), &|o| o - crs_before(o));
    let from_cr = seen(&engine.analyze(&cr, format), &|o| o);
    assert_eq!(from_crlf, expected, "{name}: CRLF differs from LF");
    assert_eq!(from_cr, expected, "{name}: lone CR differs from LF");
    expected.len()
}

#[test]
fn every_fixture_story_gives_the_same_findings_with_any_line_ends() {
    let engine = Engine::new(Config::default());
    let mut findings = 0;
    let stories = stories();
    assert!(stories.len() > 20, "fixtures not found");
    for path in &stories {
        let text = same_line_ends(&std::fs::read_to_string(path).unwrap());
        findings += check_story(
            &engine,
            &text,
            SourceFormat::from_path(path),
            &path.display().to_string(),
        );
    }
    assert!(findings > 20, "the fixtures should produce findings");
}

#[test]
fn a_comment_does_not_hide_the_rest_of_a_lone_cr_story() {
    let engine = Engine::new(Config::default());
    let lf = "The mayor spoke.\n<!-- an editor's note -->\nCritics say the plan will fail.\n\n<!-- copydesk-disable-next-line vague-attribution -->\nSome experts say it is late.\n";
    let cr = lf.replace('\n', "\r");
    let findings = engine.analyze(&cr, SourceFormat::Markdown);
    let rules: Vec<&str> = findings.iter().map(|f| f.rule.as_str()).collect();
    assert_eq!(rules, ["vague-attribution"], "{findings:#?}");
    assert_eq!(
        findings[0].span().text(&cr),
        &cr[cr.find("Critics say").unwrap()..][..findings[0].span().len()]
    );
    check_story(&engine, lf, SourceFormat::Markdown, "comment story");
    check_story(
        &engine,
        lf,
        SourceFormat::PlainText,
        "comment story as text",
    );
}
