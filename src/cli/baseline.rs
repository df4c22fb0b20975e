//! Baselines: accept today's findings in a legacy archive and report only new ones.
//!
//! A finding is recognised by its file, its rule and a content fingerprint: the words under the
//! span, the sentence around it and how many identical findings came before it in the file.
//! Line numbers are left out on purpose, so an edit elsewhere in the story (a new paragraph at
//! the top) does not resurrect every accepted finding.

use super::output::FileReport;
use copydesk_core::{Finding, Story};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashMap};
use std::io::Write;
use std::path::Path;

pub const VERSION: u32 = 1;

/// A baseline holds three short strings per accepted finding; even a newsroom's whole archive
/// stays far below this.
const MAX_BASELINE_SIZE: u64 = 512 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Entry {
    pub path: String,
    pub rule: String,
    pub fingerprint: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Baseline {
    pub version: u32,
    /// Sorted by path, rule, fingerprint, so the file diffs cleanly in review.
    pub findings: Vec<Entry>,
}

/// 64-bit FNV-1a: tiny, and stable across platforms and compiler versions, which the standard
/// library's hasher does not promise.
fn fnv1a(bytes: &[u8], seed: u64) -> u64 {
    let mut hash = 0xcbf2_9ce4_8422_2325 ^ seed;
    for &byte in bytes {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// Lowercased, curly quotes straightened, runs of whitespace (line wraps included) as one space.
fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars() {
            match c {
                '\u{2018}' | '\u{2019}' | '\u{201B}' => out.push('\''),
                '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}' => out.push('"'),
                _ => out.extend(c.to_lowercase()),
            }
        }
    }
    out
}

/// Longer than any sentence a person writes: a "sentence" this long is text without full stops.
const LONG_SENTENCE: usize = 4096;

/// One fingerprint per finding, in order. Findings must be sorted by position (the engine's
/// order) for occurrence indices to be stable.
pub fn fingerprints(story: &Story, findings: &[Finding]) -> Vec<String> {
    let source = story.source();
    let mut seen: HashMap<u64, u32> = HashMap::new();
    // Many findings in one long run of text without a full stop share one "sentence": a
    // sentence that long is normalised and hashed once and stands in the key by its hash, or
    // fingerprints would cost findings × sentence length. Ordinary sentences keep their text in
    // the key, so existing baselines still match.
    let mut long_sentences: HashMap<usize, String> = HashMap::new();
    findings
        .iter()
        .map(|finding| {
            let under = normalise(finding.span().text(source));
            let around = match story
                .sentence_at(finding.span().start)
                .and_then(|i| Some((i, story.sentences.get(i)?.span())))
            {
                Some((i, sentence)) if sentence.len() > LONG_SENTENCE => long_sentences
                    .entry(i)
                    .or_insert_with(|| {
                        let hash = fnv1a(normalise(sentence.text(source)).as_bytes(), 0);
                        format!("\u{1}{hash:016x}")
                    })
                    .clone(),
                Some((_, sentence)) => normalise(sentence.text(source)),
                None => normalise(finding.span().text(source)),
            };
            let key = format!("{}\u{0}{under}\u{0}{around}", finding.rule);
            let content = fnv1a(key.as_bytes(), 0);
            let occurrence = seen.entry(content).or_insert(0);
            *occurrence += 1;
            let hash = fnv1a(&occurrence.to_le_bytes(), content);
            format!("{content:016x}{hash:016x}")
        })
        .collect()
}

impl Baseline {
    pub fn from_reports(reports: &[FileReport]) -> Baseline {
        let findings: BTreeSet<Entry> =
            reports
                .iter()
                .flat_map(|report| {
                    report.findings.iter().zip(&report.fingerprints).map(
                        |(finding, fingerprint)| Entry {
                            path: report.path.clone(),
                            rule: finding.rule.to_string(),
                            fingerprint: fingerprint.clone(),
                        },
                    )
                })
                .collect();
        Baseline {
            version: VERSION,
            findings: findings.into_iter().collect(),
        }
    }

    pub fn read(path: &Path) -> Result<Baseline, String> {
        let bytes = crate::files::read_regular(path, MAX_BASELINE_SIZE)
            .map_err(|e| format!("{}: cannot read the baseline: {e}", path.display()))?;
        let text = String::from_utf8(bytes)
            .map_err(|_| format!("{}: the baseline is not UTF-8 text", path.display()))?;
        let baseline: Baseline = serde_json::from_str(&text).map_err(|e| {
            format!(
                "{}: not a copydesk baseline ({e}); write one with `copydesk check --write-baseline {}`",
                path.display(),
                path.display()
            )
        })?;
        if baseline.version != VERSION {
            return Err(format!(
                "{}: baseline version {} is not supported (this copydesk reads version {VERSION}); write a new one with --write-baseline",
                path.display(),
                baseline.version
            ));
        }
        Ok(baseline)
    }

    /// Writes to a temporary file beside `path` and renames it over `path`, so an interrupted
    /// run leaves the old baseline or the new one, never half of one.
    pub fn write(&self, path: &Path) -> Result<(), String> {
        let mut json = serde_json::to_string_pretty(self).map_err(|e| e.to_string())?;
        json.push('\n');
        let failed =
            |e: std::io::Error| format!("{}: cannot write the baseline: {e}", path.display());
        let name = path
            .file_name()
            .ok_or_else(|| format!("{}: not a file name for the baseline", path.display()))?;
        let mut temporary_name = std::ffi::OsString::from(".");
        temporary_name.push(name);
        temporary_name.push(format!(".{}.tmp", std::process::id()));
        let temporary = path.with_file_name(temporary_name);
        let written = (|| {
            let mut file = std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&temporary)?;
            file.write_all(json.as_bytes())?;
            file.sync_all()?;
            std::fs::rename(&temporary, path)
        })();
        if let Err(error) = written {
            let _ = std::fs::remove_file(&temporary);
            return Err(failed(error));
        }
        Ok(())
    }

    /// Drops the findings the baseline already accepts.
    pub fn filter(&self, report: &mut FileReport) {
        let known: BTreeSet<(&str, &str)> = self
            .findings
            .iter()
            .filter(|e| e.path == report.path)
            .map(|e| (e.rule.as_str(), e.fingerprint.as_str()))
            .collect();
        if known.is_empty() {
            return;
        }
        let mut keep = Vec::with_capacity(report.findings.len());
        let mut kept_fingerprints = Vec::with_capacity(report.findings.len());
        for (finding, fingerprint) in report.findings.drain(..).zip(report.fingerprints.drain(..)) {
            if !known.contains(&(finding.rule.as_str(), fingerprint.as_str())) {
                keep.push(finding);
                kept_fingerprints.push(fingerprint);
            }
        }
        report.findings = keep;
        report.fingerprints = kept_fingerprints;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::output::test_support::{finding_at, DRIFT, VAGUE};
    use copydesk_core::Span;

    const STORY: &str = "The council met on Tuesday.\n\nCritics say the plan will fail. The mayor disagreed.\n\nCritics say the budget is late.\n";

    fn report(source: &str, findings: Vec<Finding>) -> FileReport {
        let story = Story::new(source, copydesk_core::SourceFormat::Markdown);
        let fingerprints = fingerprints(&story, &findings);
        FileReport {
            path: "desk/story.md".into(),
            source: source.into(),
            findings,
            fingerprints,
            error: None,
        }
    }

    fn critics(source: &str, nth: usize) -> Finding {
        let start = source.match_indices("Critics say").nth(nth).unwrap().0;
        Finding::new(&VAGUE, Span::new(start, start + 11), "Who are the critics?")
    }

    #[test]
    fn same_words_in_different_sentences_get_different_fingerprints() {
        let r = report(STORY, vec![critics(STORY, 0), critics(STORY, 1)]);
        assert_ne!(r.fingerprints[0], r.fingerprints[1]);
    }

    #[test]
    fn an_unrelated_edit_above_keeps_findings_baselined_and_a_new_one_is_reported() {
        let before = report(STORY, vec![critics(STORY, 0), critics(STORY, 1)]);
        let baseline = Baseline::from_reports(&[before]);

        // A new paragraph at the top and a rewrapped line: every offset and line number moves.
        let edited = format!(
            "Updated at 10:00 with the vote.\n\n{}\n\nCritics say taxes will rise.\n",
            STORY.replace("plan will fail.", "plan\nwill   fail.")
        );
        let new_start = edited.find("Critics say taxes").unwrap();
        let findings = vec![
            critics(&edited, 0),
            critics(&edited, 1),
            Finding::new(&VAGUE, Span::new(new_start, new_start + 11), "Who?"),
        ];
        let mut after = report(&edited, findings);
        baseline.filter(&mut after);
        assert_eq!(after.findings.len(), 1, "{:?}", after.findings);
        assert_eq!(after.findings[0].span().start, new_start);
        assert_eq!(after.fingerprints.len(), 1);
    }

    #[test]
    fn a_repeated_identical_finding_is_counted_not_merged() {
        let once = "Kelog said.\n";
        let twice = "Kelog said.\n\nKelog said.\n";
        let baseline =
            Baseline::from_reports(&[report(once, vec![finding_at(&DRIFT, once, "Kelog", "m")])]);
        let second = twice.rfind("Kelog").unwrap();
        let mut after = report(
            twice,
            vec![
                finding_at(&DRIFT, twice, "Kelog", "m"),
                Finding::new(&DRIFT, Span::new(second, second + 5), "m"),
            ],
        );
        baseline.filter(&mut after);
        assert_eq!(after.findings.len(), 1);
        assert_eq!(after.findings[0].span().start, second);
    }

    #[test]
    fn the_file_is_versioned_sorted_and_round_trips() {
        let r = report(STORY, vec![critics(STORY, 1), critics(STORY, 0)]);
        let mut other = r.clone();
        other.path = "a.md".into();
        let baseline = Baseline::from_reports(&[r, other]);
        assert_eq!(baseline.version, 1);
        let mut sorted = baseline.findings.clone();
        sorted.sort();
        assert_eq!(baseline.findings, sorted);
        assert_eq!(baseline.findings[0].path, "a.md");
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("baseline.json");
        baseline.write(&path).unwrap();
        assert_eq!(Baseline::read(&path).unwrap(), baseline);
        // Written again over itself, through a temporary file that does not stay behind.
        baseline.write(&path).unwrap();
        assert_eq!(Baseline::read(&path).unwrap(), baseline);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        std::fs::write(&path, r#"{"version": 2, "findings": []}"#).unwrap();
        assert!(Baseline::read(&path).unwrap_err().contains("version 2"));
    }

    #[test]
    fn normalising_ignores_case_wrapping_and_curly_quotes() {
        assert_eq!(
            normalise("\u{201C}Critics\n  SAY\u{201D}"),
            "\"critics say\""
        );
    }
}
