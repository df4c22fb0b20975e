//! Name consistency on real articles: the dev corpus with its labelled people, the same
//! articles with injected misspellings, the attribution corpus for false alarms at scale, and
//! the seed story. Texts are read from `../shared/`, never copied.

mod common;

use common::corpus::{attributions_dir, corpus_dir, load_attributions, load_corpus, seed_story};
use copydesk::checks::names::FAMILY;
use copydesk::{Config, Finding, Severity, SourceFormat, Span, Story};

/// The name family's own findings, with the severities it sets (the engine's configured
/// severities would turn a short-form hint back into a warning).
struct Names(Box<dyn copydesk::checks::Check>);

impl Names {
    fn new() -> Names {
        Names((FAMILY.build)(&Config::default()))
    }

    fn analyze(&self, text: &str, _format: SourceFormat) -> Vec<Finding> {
        let story = Story::new(text, SourceFormat::PlainText);
        let mut out = Vec::new();
        self.0.check(&story, &mut out);
        out.sort_by_key(|f| (f.span.start, f.span.end));
        out
    }
}

const DRIFT_RULES: [&str; 2] = ["name-variant", "name-first-name-mismatch"];

fn drift(findings: &[Finding]) -> Vec<&Finding> {
    findings
        .iter()
        .filter(|f| DRIFT_RULES.contains(&f.rule) && f.severity >= Severity::Warning)
        .collect()
}

fn context(text: &str, span: Span) -> String {
    let mut start = span.start.saturating_sub(60);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = (span.end + 60).min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    format!(
        "…{}[[{}]]{}…",
        &text[start..span.start],
        &text[span.start..span.end],
        &text[span.end..end]
    )
    .replace('\n', " ")
}

#[test]
fn dev_corpus_names() {
    let Some(dir) = corpus_dir() else { return };
    let engine = Names::new();
    let articles = load_corpus(&dir);
    let mut words = 0;
    let mut on_noted = 0;
    let mut false_findings = 0;
    let mut noted = 0;
    let mut noted_found = Vec::new();
    for article in &articles {
        words += article.words;
        let findings = engine.analyze(&article.text, SourceFormat::PlainText);
        let notes: Vec<Span> = article
            .people
            .iter()
            .flat_map(|p| p.mentions.iter())
            .filter(|m| m.note.is_some())
            .map(|m| m.span)
            .collect();
        noted += notes.len();
        for note in &notes {
            if drift(&findings).iter().any(|f| f.span.overlaps(*note)) {
                noted_found.push(format!("{} {}", article.id, &article.text[note.range()]));
            }
        }
        for f in drift(&findings) {
            if notes.iter().any(|n| n.overlaps(f.span)) {
                on_noted += 1;
                eprintln!("NOTED   {} {}: {}", article.id, f.rule, context(&article.text, f.span));
            } else {
                false_findings += 1;
                eprintln!(
                    "FALSE   {} {}: {} — {}",
                    article.id,
                    f.rule,
                    context(&article.text, f.span),
                    f.message
                );
            }
        }
    }
    let per_k = false_findings as f64 * 1000.0 / words.max(1) as f64;
    eprintln!(
        "dev corpus: {} articles, {words} words; drift findings on noted mentions: {on_noted}; \
         elsewhere: {false_findings} ({per_k:.3} per 1,000 words); noted mentions found: {}/{noted} {:?}",
        articles.len(),
        noted_found.len(),
        noted_found
    );
    assert!(per_k <= 0.1, "too many false name findings: {false_findings}");
    assert!(
        noted_found.iter().any(|n| n.contains("Rence Priebus")),
        "the misspelt Priebus reference was not found"
    );
}

#[test]
fn seed_story_names() {
    let Some((_, text)) = seed_story() else { return };
    let engine = Names::new();
    let findings = engine.analyze(&text, SourceFormat::PlainText);
    for f in &findings {
        if f.category == copydesk::Category::NameConsistency {
            eprintln!("seed: {} {:?} {}", f.rule, f.severity, context(&text, f.span));
        }
    }
    let unexpected: Vec<&Finding> = findings
        .iter()
        .filter(|f| f.category == copydesk::Category::NameConsistency)
        .filter(|f| !(f.rule == "name-first-reference" && text[f.span.range()].contains("Trump")))
        .collect();
    assert!(unexpected.is_empty(), "unexpected name findings on the seed: {unexpected:?}");

    // The second paragraph opens with the envoy's surname: misspell it there.
    let second = text
        .find("\n\n")
        .map(|i| i + 2)
        .and_then(|start| {
            let rest = &text[start..];
            let skip = rest.len() - rest.trim_start().len();
            Some(start + skip)
        })
        .expect("a second paragraph");
    let mut paragraph_starts = vec![];
    let mut pos = 0;
    for para in text.split("\n\n") {
        let lead = para.len() - para.trim_start().len();
        paragraph_starts.push(pos + lead);
        pos += para.len() + 2;
    }
    let start = paragraph_starts
        .iter()
        .copied()
        .find(|&s| text[s..].starts_with("Kellogg"))
        .unwrap_or(second);
    assert!(text[start..].starts_with("Kellogg"), "no paragraph opens with the envoy's name");
    let changed = format!("{}Kellog{}", &text[..start], &text[start + "Kellogg".len()..]);
    let findings = engine.analyze(&changed, SourceFormat::PlainText);
    let hit = findings
        .iter()
        .find(|f| f.rule == "name-variant" && f.span.start == start)
        .unwrap_or_else(|| panic!("no name-variant on the misspelt envoy: {findings:?}"));
    assert_eq!(hit.severity, Severity::Warning);
    assert_eq!(hit.suggestion.as_deref(), Some("Kellogg"));
    assert!(
        hit.related.iter().any(|r| changed[r.span.range()] == *"Keith Kellogg"),
        "related span should point at the first full reference: {hit:?}"
    );
}
