//! anonymous-source and vague-attribution on copy from other newsrooms, countries and decades
//! than the rules were written against: 12 articles from each folder of `../shared/wild/`,
//! labelled blind (before anyone ran copydesk on them; `tests/labels/wild/README.md`).
//!
//! Prints precision, recall and F1 per newsroom; these are benchmarks, not thresholds. As in the
//! development corpus, the line between an unnamed source and a vague attribution is fuzzy, so
//! a finding that lands on a label of either kind is not counted wrong; recall counts only the
//! labels of the rule's own kind that are not marked borderline (borderline ones are reported
//! apart). The article texts are read from `../shared/wild` (or `$COPYDESK_WILD`).

use copydesk_core::{Config, Engine, SourceFormat, Span};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn wild_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("COPYDESK_WILD")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/wild"));
    if dir.join("README.md").is_file() {
        Some(dir)
    } else {
        eprintln!(
            "SKIP: wild copy not found at {} (set COPYDESK_WILD to the folder)",
            dir.display()
        );
        None
    }
}

struct Label {
    span: Span,
    borderline: bool,
}

struct Article {
    newsroom: String,
    file: String,
    text: String,
    anonymous: Vec<Label>,
    vague: Vec<Label>,
}

fn labels(value: &Value, text: &str, file: &str) -> Vec<Label> {
    value
        .as_array()
        .into_iter()
        .flatten()
        .map(|label| {
            let start = label["start"].as_u64().expect("start") as usize;
            let end = label["end"].as_u64().expect("end") as usize;
            assert_eq!(
                text.get(start..end),
                label["text"].as_str(),
                "{file}: label offsets do not match its text"
            );
            Label {
                span: Span::new(start, end),
                borderline: label["borderline"].as_bool().unwrap_or(false),
            }
        })
        .collect()
}

fn articles(dir: &Path) -> Vec<Article> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/labels/wild/wild-labels.jsonl");
    let text = std::fs::read_to_string(&path).expect("tests/labels/wild/wild-labels.jsonl");
    text.lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            let row: Value = serde_json::from_str(line).expect("a JSON object per line");
            let file = row["file"].as_str().expect("file").to_owned();
            let story =
                std::fs::read_to_string(dir.join(&file)).unwrap_or_else(|e| panic!("{file}: {e}"));
            Article {
                newsroom: row["newsroom"].as_str().expect("newsroom").to_owned(),
                anonymous: labels(&row["anonymous_sources"], &story, &file),
                vague: labels(&row["vague"], &story, &file),
                file,
                text: story,
            }
        })
        .collect()
}

#[derive(Default)]
struct Score {
    findings: usize,
    correct_findings: usize,
    labels: usize,
    found_labels: usize,
    borderline: usize,
    found_borderline: usize,
}

impl Score {
    fn line(&self) -> String {
        let ratio = |a: usize, b: usize| {
            if b == 0 {
                f64::NAN
            } else {
                a as f64 / b as f64
            }
        };
        let p = ratio(self.correct_findings, self.findings);
        let r = ratio(self.found_labels, self.labels);
        let f1 = 2.0 * p * r / (p + r);
        format!(
            "P {p:.2} ({}/{}) R {r:.2} ({}/{}) F1 {f1:.2}; borderline found {}/{}",
            self.correct_findings,
            self.findings,
            self.found_labels,
            self.labels,
            self.found_borderline,
            self.borderline
        )
    }
}

fn overlaps(a: Span, b: Span) -> bool {
    a.start < b.end && b.start < a.end
}

#[test]
fn sourcing_rules_per_newsroom() {
    let Some(dir) = wild_dir() else {
        return;
    };
    let articles = articles(&dir);
    assert!(
        articles.len() >= 40,
        "the sample has {} articles",
        articles.len()
    );
    let engine = Engine::new(Config::default());
    // (newsroom, rule) → score
    let mut scores: BTreeMap<(String, &str), Score> = BTreeMap::new();
    let mut misses: Vec<String> = Vec::new();
    for article in &articles {
        let findings = engine.analyze(&article.text, SourceFormat::PlainText);
        let any_label = |span: Span| {
            article
                .anonymous
                .iter()
                .chain(&article.vague)
                .any(|l| overlaps(l.span, span))
        };
        for (rule, own) in [
            ("anonymous-source", &article.anonymous),
            ("vague-attribution", &article.vague),
        ] {
            let spans: Vec<Span> = findings
                .iter()
                .filter(|f| f.rule == rule)
                .map(|f| f.span)
                .collect();
            for key in [article.newsroom.clone(), "all".to_owned()] {
                let score = scores.entry((key, rule)).or_default();
                score.findings += spans.len();
                score.correct_findings += spans.iter().filter(|&&s| any_label(s)).count();
                for label in own.iter() {
                    let found = spans.iter().any(|&s| overlaps(s, label.span));
                    if label.borderline {
                        score.borderline += 1;
                        score.found_borderline += usize::from(found);
                    } else {
                        score.labels += 1;
                        score.found_labels += usize::from(found);
                    }
                }
            }
            for label in own.iter().filter(|l| !l.borderline) {
                if !spans.iter().any(|&s| overlaps(s, label.span)) {
                    misses.push(format!(
                        "{rule} missed in {}: {:?}",
                        article.file,
                        &article.text[label.span.start..label.span.end]
                    ));
                }
            }
        }
    }
    println!(
        "wild copy, blind-labelled sample ({} articles):",
        articles.len()
    );
    for ((newsroom, rule), score) in &scores {
        println!("  {newsroom:<20} {rule:<18} {}", score.line());
    }
    for miss in &misses {
        println!("  {miss}");
    }
}
