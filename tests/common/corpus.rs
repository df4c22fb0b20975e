//! Reading the labelled corpora in `../shared/` for evaluation tests.
//!
//! The texts are copyright their publishers: they are read from `../shared/` (or from
//! `COPYDESK_CORPUS` / `COPYDESK_ATTRIBUTIONS`), never copied into the project. When they are
//! absent, tests print why and skip.

#![allow(dead_code)]

use copydesk_core::Span;
use serde_json::Value;
use std::path::{Path, PathBuf};

/// `../shared/corpus`, or `$COPYDESK_CORPUS`.
pub fn corpus_dir() -> Option<PathBuf> {
    shared_dir("COPYDESK_CORPUS", "corpus", "labels.jsonl")
}

/// `../shared/attributions`, or `$COPYDESK_ATTRIBUTIONS`.
pub fn attributions_dir() -> Option<PathBuf> {
    shared_dir(
        "COPYDESK_ATTRIBUTIONS",
        "attributions",
        "attributions.jsonl",
    )
}

/// `../shared/seed/<name>`, or `$COPYDESK_SEED` (a file).
pub fn seed_story() -> Option<(PathBuf, String)> {
    let path = std::env::var_os("COPYDESK_SEED")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seed/reuters-kellogg-belarus.txt")
        });
    match std::fs::read_to_string(&path) {
        Ok(text) => Some((path, text)),
        Err(_) => {
            eprintln!(
                "SKIP: seed story not found at {} (set COPYDESK_SEED to its path)",
                path.display()
            );
            None
        }
    }
}

fn shared_dir(var: &str, name: &str, marker: &str) -> Option<PathBuf> {
    let dir = std::env::var_os(var).map(PathBuf::from).unwrap_or_else(|| {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../shared")
            .join(name)
    });
    if dir.join(marker).is_file() {
        Some(dir)
    } else {
        eprintln!(
            "SKIP: {} not found at {} (set {var} to the folder holding {marker})",
            name,
            dir.display()
        );
        None
    }
}

/// A labelled span from `labels.jsonl`.
#[derive(Debug, Clone)]
pub struct Label {
    pub span: Span,
    pub text: String,
    pub borderline: bool,
    /// Any extra fields (`reason_given`, `kind`, `note`, …).
    pub extra: Value,
}

#[derive(Debug, Clone)]
pub struct Mention {
    pub span: Span,
    pub text: String,
    pub note: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Person {
    pub canonical: String,
    pub mentions: Vec<Mention>,
}

#[derive(Debug, Clone)]
pub struct Article {
    pub id: String,
    pub path: PathBuf,
    pub text: String,
    pub words: usize,
    pub anonymous_sources: Vec<Label>,
    pub anonymity_reasons: Vec<Label>,
    pub weasel: Vec<Label>,
    pub unattributed_quotes: Vec<Label>,
    pub people: Vec<Person>,
}

fn labels(v: &Value, key: &str) -> Vec<Label> {
    v[key]
        .as_array()
        .map(|items| {
            items
                .iter()
                .map(|item| Label {
                    span: span_of(item),
                    text: item["text"].as_str().unwrap_or_default().to_string(),
                    borderline: item["borderline"].as_bool().unwrap_or(false),
                    extra: item.clone(),
                })
                .collect()
        })
        .unwrap_or_default()
}

pub fn span_of(v: &Value) -> Span {
    Span::new(
        v["start"].as_u64().unwrap_or(0) as usize,
        v["end"].as_u64().unwrap_or(0) as usize,
    )
}

/// Every article of the dev corpus with its labels, in file order.
pub fn load_corpus(dir: &Path) -> Vec<Article> {
    let labels_text = std::fs::read_to_string(dir.join("labels.jsonl")).expect("labels.jsonl");
    labels_text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let v: Value = serde_json::from_str(line).expect("labels.jsonl line is JSON");
            let file = v["file"].as_str().expect("file").to_string();
            let path = dir.join(&file);
            let text = std::fs::read_to_string(&path).expect("corpus article");
            let people = v["people"]
                .as_array()
                .map(|ps| {
                    ps.iter()
                        .map(|p| Person {
                            canonical: p["canonical"].as_str().unwrap_or_default().to_string(),
                            mentions: p["mentions"]
                                .as_array()
                                .map(|ms| {
                                    ms.iter()
                                        .map(|m| Mention {
                                            span: span_of(m),
                                            text: m["text"]
                                                .as_str()
                                                .unwrap_or_default()
                                                .to_string(),
                                            note: m["note"].as_str().map(str::to_string),
                                        })
                                        .collect()
                                })
                                .unwrap_or_default(),
                        })
                        .collect()
                })
                .unwrap_or_default();
            Article {
                id: v["id"].as_str().unwrap_or(&file).to_string(),
                path,
                words: v["words"].as_u64().unwrap_or(0) as usize,
                anonymous_sources: labels(&v, "anonymous_sources"),
                anonymity_reasons: labels(&v, "anonymity_reasons"),
                weasel: labels(&v, "weasel"),
                unattributed_quotes: labels(&v, "unattributed_quotes"),
                people,
                text,
            }
        })
        .collect()
}

/// The text from `before` bytes ahead of `span` to `after` bytes past it, clamped to character
/// boundaries, on one line: what a reader of a printed miss needs to judge it.
pub fn context(text: &str, span: Span, before: usize, after: usize) -> String {
    let mut a = span.start.saturating_sub(before);
    while !text.is_char_boundary(a) {
        a -= 1;
    }
    let mut b = (span.end + after).min(text.len());
    while !text.is_char_boundary(b) {
        b += 1;
    }
    text.get(a..b).unwrap_or("").replace('\n', " ")
}

/// One article of the attribution corpus: its text and the raw PolNeAR record.
pub struct AttributedArticle {
    pub path: PathBuf,
    pub text: String,
    pub record: Value,
}

/// Every article of `../shared/attributions`, in file order.
pub fn load_attributions(dir: &Path) -> Vec<AttributedArticle> {
    let index =
        std::fs::read_to_string(dir.join("attributions.jsonl")).expect("attributions.jsonl");
    index
        .lines()
        .filter(|l| !l.trim().is_empty())
        .filter_map(|line| {
            let record: Value = serde_json::from_str(line).ok()?;
            let path = dir.join(record["file"].as_str()?);
            let text = std::fs::read_to_string(&path).ok()?;
            Some(AttributedArticle { path, text, record })
        })
        .collect()
}

/// Precision, recall and F1 by span overlap.
#[derive(Debug, Default, Clone, Copy)]
pub struct Score {
    pub true_positives: usize,
    pub false_positives: usize,
    pub found_labels: usize,
    pub labels: usize,
}

impl Score {
    pub fn precision(&self) -> f64 {
        ratio(
            self.true_positives,
            self.true_positives + self.false_positives,
        )
    }
    pub fn recall(&self) -> f64 {
        ratio(self.found_labels, self.labels)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    pub fn add(&mut self, other: Score) {
        self.true_positives += other.true_positives;
        self.false_positives += other.false_positives;
        self.found_labels += other.found_labels;
        self.labels += other.labels;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// Scores `found` spans against `targets` (recall counted over them) where a finding that
/// overlaps any of `tolerated` is not a false positive.
pub fn score_overlap(found: &[Span], targets: &[Span], tolerated: &[Span]) -> Score {
    let overlaps_any = |s: &Span, set: &[Span]| set.iter().any(|t| t.overlaps(*s));
    let true_positives = found
        .iter()
        .filter(|f| overlaps_any(f, targets) || overlaps_any(f, tolerated))
        .count();
    Score {
        true_positives,
        false_positives: found.len() - true_positives,
        found_labels: targets.iter().filter(|t| overlaps_any(t, found)).count(),
        labels: targets.len(),
    }
}
