//! Name consistency on real articles: the dev corpus with its labelled people, the same
//! articles with injected misspellings, the attribution corpus for false alarms at scale, and
//! the seed story. Texts are read from `../shared/`, never copied.

mod common;

use common::corpus::{attributions_dir, corpus_dir, load_attributions, load_corpus, seed_story};
use copydesk_core::checks::names::FAMILY;
use copydesk_core::{Config, Finding, Severity, SourceFormat, Span, Story};

/// The name family's own findings, with the severities it sets (the engine's configured
/// severities would turn a short-form hint back into a warning).
struct Names(Box<dyn copydesk_core::checks::Check>);

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
                eprintln!(
                    "NOTED   {} {}: {}",
                    article.id,
                    f.rule,
                    context(&article.text, f.span)
                );
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
    assert!(
        per_k <= 0.1,
        "too many false name findings: {false_findings}"
    );
    assert!(
        noted_found.iter().any(|n| n.contains("Rence Priebus")),
        "the misspelt Priebus reference was not found"
    );
}

#[test]
fn seed_story_names() {
    let Some((_, text)) = seed_story() else {
        return;
    };
    let engine = Names::new();
    let findings = engine.analyze(&text, SourceFormat::PlainText);
    for f in &findings {
        if f.category == copydesk_core::Category::NameConsistency {
            eprintln!(
                "seed: {} {:?} {}",
                f.rule,
                f.severity,
                context(&text, f.span)
            );
        }
    }
    let unexpected: Vec<&Finding> = findings
        .iter()
        .filter(|f| f.category == copydesk_core::Category::NameConsistency)
        .filter(|f| !(f.rule == "name-first-reference" && text[f.span.range()].contains("Trump")))
        .collect();
    assert!(
        unexpected.is_empty(),
        "unexpected name findings on the seed: {unexpected:?}"
    );

    // A paragraph of the story body opens with the envoy's surname: misspell it there.
    let mut start = None;
    let mut pos = 0;
    for para in text.split("\n\n") {
        let lead = para.len() - para.trim_start().len();
        if para.trim_start().starts_with("Kellogg") {
            start = Some(pos + lead);
            break;
        }
        pos += para.len() + 2;
    }
    let start = start.expect("a paragraph opening with the envoy's surname");
    let changed = format!(
        "{}Kellog{}",
        &text[..start],
        &text[start + "Kellogg".len()..]
    );
    let findings = engine.analyze(&changed, SourceFormat::PlainText);
    let hit = findings
        .iter()
        .find(|f| f.rule == "name-variant" && f.span.start == start)
        .unwrap_or_else(|| panic!("no name-variant on the misspelt envoy: {findings:?}"));
    assert_eq!(hit.severity, Severity::Warning);
    assert_eq!(hit.suggestion.as_deref(), Some("Kellogg"));
    assert!(
        hit.related
            .iter()
            .any(|r| changed[r.span.range()] == *"Keith Kellogg"),
        "related span should point at the first full reference: {hit:?}"
    );
}

/// FNV-1a: a deterministic choice without a random-number crate.
fn hash(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for b in part.bytes().chain([0xff]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Corruption {
    Drop,
    Double,
    Swap,
    Change,
    FirstName,
}

const KINDS: [Corruption; 5] = [
    Corruption::Drop,
    Corruption::Double,
    Corruption::Swap,
    Corruption::Change,
    Corruption::FirstName,
];

const OTHER_FIRST_NAMES: [&str; 8] = [
    "Kevin", "Laura", "Martin", "Susan", "Gregory", "Diane", "Walter", "Nora",
];

/// Applies one corruption to `word` (a surname or a first name); `None` when it cannot apply.
fn corrupt_word(word: &str, kind: Corruption, seed: u64) -> Option<String> {
    let chars: Vec<char> = word.chars().collect();
    if chars.len() < 3 || !chars.iter().all(|c| c.is_alphabetic()) {
        return None;
    }
    let n = chars.len();
    let mut out = chars.clone();
    match kind {
        Corruption::Drop => {
            out.remove((seed as usize) % n);
        }
        Corruption::Double => {
            let i = (seed as usize) % n;
            out.insert(i + 1, chars[i].to_lowercase().next()?);
        }
        Corruption::Swap => {
            let pairs: Vec<usize> = (0..n - 1)
                .filter(|&i| chars[i].to_ascii_lowercase() != chars[i + 1])
                .collect();
            let i = *pairs.get((seed as usize) % pairs.len().max(1))?;
            out.swap(i, i + 1);
            if i == 0 {
                // Keep the capital at the front: "Cruz" -> "Rcuz".
                out[0] = out[0].to_ascii_uppercase();
                out[1] = out[1].to_ascii_lowercase();
            }
        }
        Corruption::Change => {
            let i = (seed as usize) % n;
            let alphabet: Vec<char> = "abcdefghijklmnopqrstuvwxyz"
                .chars()
                .filter(|c| *c != chars[i].to_ascii_lowercase())
                .collect();
            let letter = alphabet[((seed >> 16) as usize) % alphabet.len()];
            out[i] = if i == 0 {
                letter.to_ascii_uppercase()
            } else {
                letter
            };
        }
        Corruption::FirstName => {
            let options: Vec<&str> = OTHER_FIRST_NAMES
                .iter()
                .copied()
                .filter(|o| !o.starts_with(chars[0]))
                .collect();
            return Some(options[(seed as usize) % options.len()].to_string());
        }
    }
    Some(out.into_iter().collect())
}

/// English words, learnt from the attribution corpus: lower-case words used there at least
/// three times. A corruption that lands on one ("Ward" -> "War") made a word, not a misspelling.
fn english_words() -> std::collections::HashSet<String> {
    let mut counts: std::collections::HashMap<String, usize> = Default::default();
    if let Some(dir) = attributions_dir() {
        for article in load_attributions(&dir) {
            for w in article.text.split(|c: char| !c.is_alphabetic()) {
                if !w.is_empty() && w.chars().all(|c| c.is_lowercase()) {
                    *counts.entry(w.to_string()).or_default() += 1;
                }
            }
        }
    }
    counts
        .into_iter()
        .filter(|(_, n)| *n >= 3)
        .map(|(w, _)| w)
        .collect()
}

/// Why an injected error is not a fair test, if it is not.
fn unfair(
    text: &str,
    word: &str,
    replacement: &str,
    english: &std::collections::HashSet<String>,
) -> Option<&'static str> {
    if english.contains(&replacement.to_lowercase()) {
        return Some("the corruption is an English word");
    }
    // Only the corrupted mention spelt the name: nothing in the story says how it is spelt.
    let elsewhere = text
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| w == word);
    (!elsewhere).then_some("no other mention spells the name")
}

#[test]
fn injected_misspellings_are_found() {
    let Some(dir) = corpus_dir() else { return };
    let engine = Names::new();
    let articles = load_corpus(&dir);
    let english = english_words();
    let mut skipped: std::collections::BTreeMap<&str, Vec<String>> = Default::default();
    let mut tried = [0usize; 5];
    let (mut all_tried, mut all_found) = ([0usize; 5], [0usize; 5]);
    let mut found = [0usize; 5];
    let mut misses = Vec::new();
    // `NAMES_SEED=3` draws other corruptions, to look for misses beyond the asserted draw.
    let salt = std::env::var("NAMES_SEED").unwrap_or_default();
    for article in &articles {
        for person in &article.people {
            if person.mentions.len() < 2 {
                continue;
            }
            let names: Vec<&str> = person
                .canonical
                .split_whitespace()
                .filter(|w| !matches!(*w, "Jr." | "Sr." | "II" | "III"))
                .collect();
            let (Some(&given), Some(&surname)) = (names.first(), names.last()) else {
                continue;
            };
            for (k, kind) in KINDS.iter().enumerate() {
                // Later mentions only: the first one establishes the spelling.
                let later: Vec<_> = person.mentions[1..]
                    .iter()
                    .filter(|m| match kind {
                        Corruption::FirstName => {
                            m.text.starts_with(given) && m.text.split_whitespace().count() >= 2
                        }
                        _ => m.text.ends_with(surname),
                    })
                    .collect();
                if later.is_empty() || names.len() < 2 {
                    continue;
                }
                let kind_name = format!("{kind:?}");
                let seed = if salt.is_empty() {
                    hash(&[&article.id, &person.canonical, &kind_name])
                } else {
                    hash(&[&article.id, &person.canonical, &kind_name, &salt])
                };
                let mention = later[(seed as usize) % later.len()];
                let (offset, word) = match kind {
                    Corruption::FirstName => (0, given),
                    _ => (mention.text.len() - surname.len(), surname),
                };
                let Some(replacement) = corrupt_word(word, *kind, seed >> 8) else {
                    continue;
                };
                let start = mention.span.start + offset;
                let end = start + word.len();
                let text = format!(
                    "{}{}{}",
                    &article.text[..start],
                    replacement,
                    &article.text[end..]
                );
                let span = Span::new(
                    mention.span.start,
                    mention.span.end + replacement.len() - word.len(),
                );
                let why = if *kind == Corruption::FirstName {
                    // The corrupted mention was the only one with the first name.
                    let elsewhere = text
                        .split(|c: char| !c.is_alphanumeric())
                        .any(|w| w == word);
                    (!elsewhere).then_some("no other mention gives the first name")
                } else {
                    unfair(&text, word, &replacement, &english)
                };
                let findings = engine.analyze(&text, SourceFormat::PlainText);
                let hit = findings
                    .iter()
                    .any(|f| DRIFT_RULES.contains(&f.rule) && f.span.overlaps(span));
                // Every draw, fair or not, for the raw figure.
                all_tried[k] += 1;
                all_found[k] += usize::from(hit);
                if let Some(why) = why {
                    skipped.entry(why).or_default().push(format!(
                        "{} {word} -> {replacement}{}",
                        article.id,
                        if hit { " (found)" } else { "" }
                    ));
                    continue;
                }
                tried[k] += 1;
                if hit {
                    found[k] += 1;
                } else {
                    misses.push(format!(
                        "{} {kind:?} {} -> {}: {}",
                        article.id,
                        word,
                        replacement,
                        context(&text, span)
                    ));
                }
            }
        }
    }
    for miss in &misses {
        eprintln!("MISSED  {miss}");
    }
    for (why, cases) in &skipped {
        eprintln!("skipped {} ({why}): {cases:?}", cases.len());
    }
    for (k, kind) in KINDS.iter().enumerate() {
        eprintln!(
            "injected {kind:?}: {}/{} found ({:.3}); all draws {}/{} ({:.3})",
            found[k],
            tried[k],
            found[k] as f64 / tried[k].max(1) as f64,
            all_found[k],
            all_tried[k],
            all_found[k] as f64 / all_tried[k].max(1) as f64
        );
    }
    eprintln!(
        "all draws, unfair ones included: {}/{} found ({:.3})",
        all_found.iter().sum::<usize>(),
        all_tried.iter().sum::<usize>(),
        all_found.iter().sum::<usize>() as f64 / all_tried.iter().sum::<usize>().max(1) as f64
    );
    let (total_found, total) = (found.iter().sum::<usize>(), tried.iter().sum::<usize>());
    let recall = total_found as f64 / total.max(1) as f64;
    eprintln!("injected errors: {total_found}/{total} found ({recall:.3})");
    assert!(total > 100, "too few injected errors: {total}");
    assert!(
        recall >= 0.95,
        "injected-error recall {recall:.3} below 0.95"
    );
}

#[test]
fn attribution_corpus_false_alarms() {
    let Some(dir) = attributions_dir() else {
        return;
    };
    let engine = Names::new();
    let articles = load_attributions(&dir);
    let mut words = 0usize;
    let mut hits: Vec<(String, String, String)> = Vec::new();
    let mut hints = 0usize;
    let mut by_rule: std::collections::BTreeMap<&str, usize> = Default::default();
    for article in &articles {
        let story = Story::new(&article.text, SourceFormat::PlainText);
        words += story.word_count();
        let findings = engine.analyze(&article.text, SourceFormat::PlainText);
        for f in &findings {
            *by_rule.entry(f.rule).or_default() += 1;
        }
        for f in findings.iter().filter(|f| DRIFT_RULES.contains(&f.rule)) {
            if f.severity < Severity::Warning {
                hints += 1;
                continue;
            }
            let name = article
                .path
                .file_name()
                .map(|n| n.to_string_lossy().to_string())
                .unwrap_or_default();
            let suggestion = f.suggestion.clone().unwrap_or_default();
            hits.push((
                name,
                f.rule.to_string(),
                format!("{} => {suggestion}", context(&article.text, f.span)),
            ));
        }
    }
    let per_k = hits.len() as f64 * 1000.0 / words.max(1) as f64;
    let step = (hits.len() / 40).max(1);
    for (name, rule, ctx) in hits.iter().step_by(step).take(40) {
        eprintln!("ATTR  {name} {rule}: {ctx}");
    }
    let variants = hits.iter().filter(|h| h.1 == "name-variant").count();
    eprintln!(
        "attribution corpus: {} articles, {words} words; name-variant {variants}, \
         name-first-name-mismatch {} warnings ({per_k:.3} per 1,000 words); {hints} short-form hints",
        articles.len(),
        hits.len() - variants
    );
    eprintln!("attribution corpus, all name findings by rule: {by_rule:?}");
    assert!(
        per_k <= 0.3,
        "name drift findings at {per_k:.3} per 1,000 words"
    );
}
