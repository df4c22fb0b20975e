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
        out.sort_by_key(|f| (f.span().start, f.span().end));
        out
    }
}

const DRIFT_RULES: [&str; 2] = ["name-variant", "name-first-name-mismatch"];

fn drift(findings: &[Finding]) -> Vec<&Finding> {
    findings
        .iter()
        .filter(|f| DRIFT_RULES.contains(&f.rule.as_str()) && f.severity >= Severity::Warning)
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
            if drift(&findings).iter().any(|f| f.span().overlaps(*note)) {
                noted_found.push(format!("{} {}", article.id, &article.text[note.range()]));
            }
        }
        for f in drift(&findings) {
            if notes.iter().any(|n| n.overlaps(f.span())) {
                on_noted += 1;
                eprintln!(
                    "NOTED   {} {}: {}",
                    article.id,
                    f.rule,
                    context(&article.text, f.span())
                );
            } else {
                false_findings += 1;
                eprintln!(
                    "FALSE   {} {}: {} — {}",
                    article.id,
                    f.rule,
                    context(&article.text, f.span()),
                    f.message()
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
                context(&text, f.span())
            );
        }
    }
    let unexpected: Vec<&Finding> = findings
        .iter()
        .filter(|f| f.category == copydesk_core::Category::NameConsistency)
        .filter(|f| !(f.rule == "name-first-reference" && text[f.span().range()].contains("Trump")))
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
        .find(|f| f.rule == "name-variant" && f.span().start == start)
        .unwrap_or_else(|| panic!("no name-variant on the misspelt envoy: {findings:?}"));
    assert_eq!(hit.severity, Severity::Warning);
    assert_eq!(hit.suggestion(), Some("Kellogg"));
    assert!(
        hit.related()
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
                    .any(|f| DRIFT_RULES.contains(&f.rule.as_str()) && f.span().overlaps(span));
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
            *by_rule.entry(f.rule.as_str()).or_default() += 1;
        }
        for f in findings
            .iter()
            .filter(|f| DRIFT_RULES.contains(&f.rule.as_str()))
        {
            if f.severity < Severity::Warning {
                hints += 1;
                continue;
            }
            let name = article
                .path
                .file_name()
                .map(|n| n.to_string_lossy().to_string())
                .unwrap_or_default();
            let suggestion = f.suggestion().unwrap_or_default().to_string();
            hits.push((
                name,
                f.rule.to_string(),
                format!("{} => {suggestion}", context(&article.text, f.span())),
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

// ---------------------------------------------------------------------------------------------
// Unseen copy: PolNeAR's test compartment and the wild folders, injected slips of every kind
// with a fresh seed per run, and the drift warnings the family raises on the copy as published.
// ---------------------------------------------------------------------------------------------

/// `../shared/wild`, or `$COPYDESK_WILD`.
fn wild_dir() -> Option<std::path::PathBuf> {
    let dir = std::env::var_os("COPYDESK_WILD")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/wild"));
    if dir.join("README.md").exists() {
        Some(dir)
    } else {
        eprintln!(
            "SKIP: wild copy not found at {} (set COPYDESK_WILD)",
            dir.display()
        );
        None
    }
}

const WILD_FOLDERS: [&str; 4] = [
    "guardian-2022-05",
    "bbc-2004-05",
    "reuters-1987",
    "dailymail-cnn-2015",
];

struct Unseen {
    name: String,
    text: String,
}

fn text_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            text_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "txt") {
            out.push(path);
        }
    }
}

/// Every unseen corpus: (label, articles). PolNeAR test first, then the wild folders.
/// `NAMES_POLNEAR_SPLIT=train` (or `dev`) reads that split instead of the test one, so that a
/// rule writer can study a kind the held-out split misses on copy of the same newsrooms.
fn unseen_corpora() -> Vec<(String, Vec<Unseen>)> {
    let mut corpora = Vec::new();
    if let Some(dir) = attributions_dir() {
        let split = std::env::var("NAMES_POLNEAR_SPLIT").unwrap_or_else(|_| "test".to_string());
        let articles: Vec<Unseen> = load_attributions(&dir)
            .into_iter()
            .filter(|a| a.record["polnear_split"].as_str() == Some(split.as_str()))
            .map(|a| Unseen {
                name: a.record["file"].as_str().unwrap_or_default().to_string(),
                text: a.text,
            })
            .collect();
        corpora.push((format!("polnear-{split}"), articles));
    }
    if let Some(wild) = wild_dir() {
        for folder in WILD_FOLDERS {
            let mut files = Vec::new();
            text_files(&wild.join(folder), &mut files);
            let articles = files
                .iter()
                .filter_map(|p| {
                    let text = std::fs::read_to_string(p).ok()?;
                    let name = p.strip_prefix(&wild).unwrap_or(p).display().to_string();
                    Some(Unseen { name, text })
                })
                .collect();
            corpora.push((folder.to_string(), articles));
        }
    }
    corpora
}

/// xorshift64*: reproducible draws from a printed seed, without a random-number crate.
struct Draw(u64);

impl Draw {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// `NAMES_SEED_UNSEEN=<n>` repeats a run; otherwise the clock picks the seed.
fn run_seed() -> u64 {
    std::env::var("NAMES_SEED_UNSEEN")
        .ok()
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos() as u64)
                .unwrap_or(1)
        })
        .max(1)
}

/// First names that open a full-name reference, chosen for the harness and independent of the
/// engine's own list, so a person the engine does not know is still tried.
const HARNESS_GIVEN: &str = "Aaron Adam Ahmed Alan Alex Alexander Alice Alistair Amy Andrew Angela \
Ann Anna Anne Anthony Ashraf Barbara Ben Benjamin Bernard Bill Bob Boris Brian Bruce Carl Carlos \
Caroline Catherine Charles Chris Christopher Claire Colin Craig Dan Daniel David Dennis Diana Donald \
Edward Elizabeth Emily Emma Eric Fatima Frank Fred Gary George Gordon Graham Hamid Hans Harry Helen \
Henry Hugh Ian Ivan Jack James Jane Janet Jason Jean Jeff Jennifer Jeremy Jim Joe John Jonathan \
Jose Joseph Juan Julia Julie Karen Kate Keith Kenneth Kevin Laura Lisa Liz Louise Lucy Luis Mahmoud \
Margaret Maria Mark Martin Mary Matthew Michael Michelle Mike Mohammed Muhammad Nancy Neil Nicholas \
Nick Nicola Olivia Omar Patricia Patrick Paul Peter Philip Pierre Rachel Richard Robert Roger Ronald \
Rose Ruth Sam Samuel Sarah Scott Sergei Simon Stephen Steve Steven Susan Thomas Tim Tom Tony Vladimir \
Walter William Yusuf Abdullah Ali Bashar Hassan Hosni Hussein Ibrahim Khaled Mustafa Nabil \
Saad Saleh Salman Tariq Ayman Abdel";

/// A person the harness found: a full-name reference and later mentions of the surname.
struct HarnessPerson {
    given: String,
    surname: String,
    /// Byte start of later bare surname mentions (not preceded by the first name).
    later_bare: Vec<usize>,
    /// Byte start of later full mentions (the first name).
    later_full: Vec<usize>,
}

/// Words with their byte offsets: letters, with inner hyphens and apostrophes.
fn words_of(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    let bytes: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(i, c)) in bytes.iter().enumerate() {
        let inner = (c == '-' || c == '\'')
            && start.is_some()
            && bytes.get(k + 1).is_some_and(|&(_, n)| n.is_alphabetic());
        if c.is_alphabetic() || inner {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push((s, &text[s..i]));
        }
    }
    if let Some(s) = start {
        out.push((s, &text[s..]));
    }
    out
}

fn is_capitalised_name(w: &str) -> bool {
    let mut chars = w.chars();
    let capitalised = chars.next().is_some_and(|c| c.is_uppercase())
        && w.chars().skip(1).any(|c| c.is_lowercase());
    // "al-Hassan", "el-Sisi", "bin-Salman": a particle joined to the name.
    let particle = w.split_once('-').is_some_and(|(head, tail)| {
        matches!(head, "al" | "el" | "bin" | "ibn" | "abu" | "ul")
            && tail.chars().next().is_some_and(|c| c.is_uppercase())
    });
    (capitalised || particle)
        && !w.ends_with("'s")
        && w.chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
}

fn starts_capital(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

fn harness_people(
    text: &str,
    given: &std::collections::HashSet<&str>,
    english: &std::collections::HashSet<String>,
) -> Vec<HarnessPerson> {
    let words = words_of(text);
    let mut people: Vec<HarnessPerson> = Vec::new();
    for k in 0..words.len().saturating_sub(1) {
        let (gs, g) = words[k];
        let (ss, s) = words[k + 1];
        if !given.contains(g) || &text[gs + g.len()..ss] != " " || !is_capitalised_name(s) {
            continue;
        }
        // "Michaela Angela Davis": the first name must open the name.
        if k > 0
            && starts_capital(words[k - 1].1)
            && &text[words[k - 1].0 + words[k - 1].1.len()..gs] == " "
        {
            continue;
        }
        if s.chars().count() < 4
            || english.contains(&s.to_lowercase())
            || given.contains(s)
            || people.iter().any(|p| p.surname == s)
        {
            continue;
        }
        // "Philip Morris Cos", "Samuel Adams Summer Ale", "the Mohammed al-Qassem forces": a
        // full name that runs into another proper noun or names a unit is a company, a product
        // or an organisation named after someone; a first-name slip there is no person's.
        if names_something_else(text, &words, g, s) {
            continue;
        }
        let mut later_bare = Vec::new();
        let mut later_full = Vec::new();
        for j in k + 2..words.len() {
            if words[j].1 != s {
                continue;
            }
            let joined_before = &text[words[j - 1].0 + words[j - 1].1.len()..words[j].0] == " ";
            // A bare mention stands alone: not "Hillary Clinton" for Bill's surname, not
            // "Maxwell Media" or "Washington University".
            let joined_after = words.get(j + 1).is_some_and(|&(ns, nw)| {
                &text[words[j].0 + s.len()..ns] == " " && starts_capital(nw)
            });
            if words[j - 1].1 == g && joined_before {
                if !joined_after {
                    later_full.push(words[j - 1].0);
                }
                continue;
            }
            let titled = matches!(
                words[j - 1].1,
                "Mr" | "Mrs"
                    | "Ms"
                    | "Miss"
                    | "Dr"
                    | "Sir"
                    | "Lord"
                    | "Lady"
                    | "Dame"
                    | "Prof"
                    | "President"
                    | "Senator"
                    | "Sen"
                    | "Rep"
                    | "Gov"
                    | "General"
                    | "Judge"
                    | "Justice"
                    | "Chancellor"
                    | "Minister"
                    | "Secretary"
                    | "Sgt"
                    | "Coach"
            );
            if (joined_before && starts_capital(words[j - 1].1) && !titled) || joined_after {
                continue;
            }
            later_bare.push(words[j].0);
        }
        people.push(HarnessPerson {
            given: g.to_string(),
            surname: s.to_string(),
            later_bare,
            later_full,
        });
    }
    people
}

/// Whether a use of the full name `given surname` runs on into another capitalised word or a
/// word for a unit, so that the name is part of what names something else.
fn names_something_else(text: &str, words: &[(usize, &str)], given: &str, surname: &str) -> bool {
    words.windows(3).any(|w| {
        let [(gs, g), (ss, s), (ns, next)] = [w[0], w[1], w[2]];
        g == given
            && s == surname
            && &text[gs + g.len()..ss] == " "
            && &text[ss + s.len()..ns] == " "
            && ((starts_capital(next) && !matches!(next, "Jr" | "Sr" | "II" | "III"))
                || matches!(next, "forces" | "brigade" | "division" | "regiment"))
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slip {
    Drop,
    Double,
    Swap,
    Change,
    FirstName,
    SpeakerSlot,
    Diacritic,
    Transliteration,
    HyphenParticle,
    CreditReversed,
}

const SLIPS: [Slip; 10] = [
    Slip::Drop,
    Slip::Double,
    Slip::Swap,
    Slip::Change,
    Slip::FirstName,
    Slip::SpeakerSlot,
    Slip::Diacritic,
    Slip::Transliteration,
    Slip::HyphenParticle,
    Slip::CreditReversed,
];

/// Spellings a name takes in another romanisation: (as written, as it may be written).
const TRANSLITERATIONS: [(&str, &str); 14] = [
    ("ou", "u"),
    ("ph", "f"),
    ("kh", "h"),
    ("sch", "sh"),
    ("ck", "k"),
    ("ee", "i"),
    ("oo", "u"),
    ("mm", "m"),
    ("ov", "off"),
    ("ii", "i"),
    ("dj", "j"),
    ("q", "k"),
    ("y", "i"),
    ("ei", "ey"),
];

fn accented(c: char) -> Option<char> {
    Some(match c {
        'a' => 'á',
        'e' => 'é',
        'i' => 'í',
        'o' => 'ö',
        'u' => 'ü',
        'á' | 'à' | 'â' | 'ä' | 'ã' => 'a',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'í' | 'ì' | 'î' | 'ï' => 'i',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
        'ú' | 'ù' | 'û' | 'ü' => 'u',
        'ñ' => 'n',
        'ç' => 'c',
        _ => return None,
    })
}

/// A misspelling of `word` of one of the letter kinds.
fn letter_slip(word: &str, kind: Slip, draw: &mut Draw) -> Option<String> {
    let k = match kind {
        Slip::Drop => Corruption::Drop,
        Slip::Double => Corruption::Double,
        Slip::Swap => Corruption::Swap,
        _ => Corruption::Change,
    };
    corrupt_word(word, k, draw.next())
}

/// The surname as another spelling of the same person, for the variant kinds.
fn variant_of(surname: &str, kind: Slip, draw: &mut Draw) -> Option<String> {
    let chars: Vec<char> = surname.chars().collect();
    match kind {
        Slip::Diacritic => {
            // Strip an accent the name has, or give one to a vowel it has.
            let spots: Vec<usize> = (1..chars.len())
                .filter(|&i| accented(chars[i]).is_some())
                .collect();
            let with_accent: Vec<usize> = spots
                .iter()
                .copied()
                .filter(|&i| !chars[i].is_ascii())
                .collect();
            let pool = if with_accent.is_empty() {
                spots
            } else {
                with_accent
            };
            let i = *pool.get(draw.below(pool.len()))?;
            let mut out = chars.clone();
            out[i] = accented(chars[i])?;
            Some(out.into_iter().collect())
        }
        Slip::Transliteration => {
            let lower = surname.to_lowercase();
            let options: Vec<(&str, &str)> = TRANSLITERATIONS
                .iter()
                .copied()
                .filter(|(from, _)| lower[1..].contains(from))
                .collect();
            let (from, to) = *options.get(draw.below(options.len()))?;
            let at = 1 + lower[1..].find(from)?;
            if !surname.is_char_boundary(at) || !surname.is_char_boundary(at + from.len()) {
                return None;
            }
            Some(format!(
                "{}{}{}",
                &surname[..at],
                to,
                &surname[at + from.len()..]
            ))
        }
        Slip::HyphenParticle => {
            // "Al-Hassan" -> "al Hassan" / "Al Hassan"; only names with a hyphen have the form.
            let hyphen = surname.find('-')?;
            let (head, tail) = (&surname[..hyphen], &surname[hyphen + 1..]);
            if draw.below(2) == 0 {
                Some(format!("{head} {tail}"))
            } else {
                let mut h = head.chars();
                let first = h.next()?;
                let flipped = if first.is_uppercase() {
                    first.to_lowercase().collect::<String>()
                } else {
                    first.to_uppercase().collect::<String>()
                };
                Some(format!("{flipped}{}-{tail}", h.as_str()))
            }
        }
        _ => None,
    }
}

struct Injected {
    text: String,
    span: Span,
    written: String,
}

fn replace(text: &str, at: usize, old: &str, new: &str) -> Injected {
    Injected {
        text: format!("{}{}{}", &text[..at], new, &text[at + old.len()..]),
        span: Span::new(at, at + new.len()),
        written: new.to_string(),
    }
}

/// Appends a paragraph to the story and returns where `slot` lands in it.
fn append(text: &str, before: &str, slot: &str, after: &str) -> Injected {
    let base = text.trim_end();
    let at = base.len() + 2 + before.len();
    Injected {
        text: format!("{base}\n\n{before}{slot}{after}\n"),
        span: Span::new(at, at + slot.len()),
        written: slot.to_string(),
    }
}

const QUOTES: [&str; 4] = [
    "We will know more by the end of the week",
    "Nobody expected it to come to this",
    "It is not what we agreed",
    "There is still work to do",
];

const AGENCIES: [&str; 4] = ["Reuters", "AFP via Getty Images", "AP", "EPA"];

/// One slip of `kind` in the story, on person `p`; `None` when the person has no slot for it.
fn inject(text: &str, p: &HarnessPerson, kind: Slip, draw: &mut Draw) -> Option<Injected> {
    let pick = |v: &[usize], draw: &mut Draw| v.get(draw.below(v.len())).copied();
    match kind {
        Slip::Drop | Slip::Double | Slip::Swap | Slip::Change => {
            let at = pick(&p.later_bare, draw)?;
            let slip = letter_slip(&p.surname, kind, draw)?;
            Some(replace(text, at, &p.surname, &slip))
        }
        Slip::Diacritic | Slip::Transliteration | Slip::HyphenParticle => {
            let at = pick(&p.later_bare, draw)?;
            let mut slip = variant_of(&p.surname, kind, draw)?;
            // A sentence may open with "Al-Hassan": there the capital is no slip.
            let opens = text[..at]
                .trim_end()
                .ends_with(['.', '!', '?', '"', '“', '\n'])
                || text[..at].trim().is_empty();
            if kind == Slip::HyphenParticle && opens && !slip.contains(' ') {
                slip = p.surname.replacen('-', " ", 1);
            }
            Some(replace(text, at, &p.surname, &slip))
        }
        Slip::FirstName => {
            let at = pick(&p.later_full, draw)?;
            let other = corrupt_word(&p.given, Corruption::FirstName, draw.next())?;
            // A first name the story already gives someone of the surname would swap two
            // people it names, which no reading of the story can tell from a second mention.
            if text.contains(&format!("{other} {}", p.surname)) {
                return None;
            }
            Some(replace(text, at, &p.given, &other))
        }
        Slip::SpeakerSlot => {
            // Where the story already quotes the person, the slip goes there; otherwise a
            // closing quote is added with the surname in the speaker slot.
            let slip = letter_slip(
                &p.surname,
                [Slip::Drop, Slip::Double, Slip::Swap, Slip::Change][draw.below(4)],
                draw,
            )?;
            let existing: Vec<usize> = p
                .later_bare
                .iter()
                .copied()
                .filter(|&at| {
                    let before = text[..at].trim_end_matches(' ');
                    (before.ends_with(",\"") || before.ends_with(",”"))
                        && text[at + p.surname.len()..].starts_with(" said")
                })
                .collect();
            match pick(&existing, draw) {
                Some(at) => Some(replace(text, at, &p.surname, &slip)),
                None => Some(append(
                    text,
                    &format!("\"{},\" ", QUOTES[draw.below(QUOTES.len())]),
                    &slip,
                    " said.",
                )),
            }
        }
        Slip::CreditReversed => Some(append(
            text,
            "Photograph: ",
            &format!("{} {}", p.surname, p.given),
            &format!("/{}", AGENCIES[draw.below(AGENCIES.len())]),
        )),
    }
}

#[derive(Default, Clone, Copy)]
struct Tally {
    tried: usize,
    warned: usize,
    any: usize,
}

#[test]
fn injected_slips_on_unseen_copy() {
    let corpora = unseen_corpora();
    if corpora.is_empty() {
        return;
    }
    let seed = run_seed();
    eprintln!("unseen-copy injection seed: {seed} (repeat with NAMES_SEED_UNSEEN={seed})");
    let mut draw = Draw(seed);
    let engine = Names::new();
    let english = english_words();
    let given: std::collections::HashSet<&str> = HARNESS_GIVEN.split_whitespace().collect();
    let mut worst = 1.0f64;
    let mut worst_kind = 1.0f64;
    for (label, articles) in &corpora {
        let mut tally = [Tally::default(); SLIPS.len()];
        // Letter slips by surname length: 4, 5, 6 and more letters.
        let mut by_length = [Tally::default(); 3];
        let mut misses: Vec<String> = Vec::new();
        for article in articles {
            let people = harness_people(&article.text, &given, &english);
            if people.is_empty() {
                continue;
            }
            for (k, &kind) in SLIPS.iter().enumerate() {
                // One person per kind per article, drawn afresh.
                let p = &people[draw.below(people.len())];
                if p.later_bare.is_empty() && p.later_full.is_empty() {
                    continue;
                }
                let Some(injected) = inject(&article.text, p, kind, &mut draw) else {
                    continue;
                };
                let is_letter = matches!(
                    kind,
                    Slip::Drop | Slip::Double | Slip::Swap | Slip::Change | Slip::SpeakerSlot
                );
                // A slip that spells an English word, or a word the story already has, is
                // not a misspelling anyone could see.
                let slipped_word = injected.written.to_lowercase();
                if is_letter
                    && (english.contains(&slipped_word)
                        || words_of(&article.text)
                            .iter()
                            .any(|(_, w)| *w == injected.written))
                {
                    continue;
                }
                let findings = engine.analyze(&injected.text, SourceFormat::PlainText);
                let on_slip: Vec<&Finding> = findings
                    .iter()
                    .filter(|f| {
                        DRIFT_RULES.contains(&f.rule.as_str()) && f.span().overlaps(injected.span)
                    })
                    .collect();
                let warned = on_slip.iter().any(|f| f.severity >= Severity::Warning);
                let t = &mut tally[k];
                t.tried += 1;
                t.warned += usize::from(warned);
                t.any += usize::from(!on_slip.is_empty());
                if is_letter {
                    let n = p.surname.chars().count();
                    let b = &mut by_length[n.clamp(4, 6) - 4];
                    b.tried += 1;
                    b.warned += usize::from(warned);
                }
                if !warned {
                    // `NAMES_DUMP=<dir>` keeps each missed first-name story, to run the CLI on.
                    if let Some(dir) = std::env::var_os("NAMES_DUMP") {
                        if matches!(kind, Slip::FirstName) && label != "polnear-test" {
                            let n = misses.len();
                            let _ = std::fs::write(
                                std::path::Path::new(&dir).join(format!("{label}-{n}.txt")),
                                &injected.text,
                            );
                        }
                    }
                    misses.push(format!(
                        "{label} {} {kind:?} {} {} -> {}: {}",
                        article.name,
                        p.given,
                        p.surname,
                        injected.written,
                        context(&injected.text, injected.span)
                    ));
                }
            }
        }
        // `NAMES_SHOW_ALL=1` prints every miss; otherwise an even spread of 25. PolNeAR's test
        // split is held out: its misses stay unread unless `NAMES_HELD_OUT_MISSES=1` asks.
        let held_out = label == "polnear-test";
        let shown = if held_out && std::env::var_os("NAMES_HELD_OUT_MISSES").is_none() {
            0
        } else if std::env::var_os("NAMES_SHOW_ALL").is_some() {
            misses.len()
        } else {
            25
        };
        let step = (misses.len() / shown.max(1)).max(1);
        for m in misses.iter().step_by(step).take(shown) {
            eprintln!("MISSED  {m}");
        }
        let (mut tried, mut warned) = (0, 0);
        for (k, kind) in SLIPS.iter().enumerate() {
            let t = tally[k];
            tried += t.tried;
            warned += t.warned;
            let r = t.warned as f64 / t.tried.max(1) as f64;
            if t.tried >= 20 {
                worst_kind = worst_kind.min(r);
            }
            eprintln!(
                "{label:<20} {:<16} {:>4}/{:<4} warned ({r:.3}); any severity {:.3}",
                format!("{kind:?}"),
                t.warned,
                t.tried,
                t.any as f64 / t.tried.max(1) as f64
            );
        }
        for (b, len) in ["4", "5", "6+"].iter().enumerate() {
            let t = by_length[b];
            eprintln!(
                "{label:<20} letter slips, {len}-letter surnames: {}/{} ({:.3})",
                t.warned,
                t.tried,
                t.warned as f64 / t.tried.max(1) as f64
            );
        }
        let recall = warned as f64 / tried.max(1) as f64;
        worst = worst.min(recall);
        eprintln!("{label:<20} ALL {warned}/{tried} warned ({recall:.3})");
    }
    eprintln!("unseen copy: worst corpus recall {worst:.3}, worst kind (20+ draws) {worst_kind:.3}; seed {seed}");
    // The targets are 0.97 and 0.93; the floor here catches a collapse, not a shortfall.
    assert!(worst >= 0.5, "injected-slip recall collapsed to {worst:.3}");
}

#[test]
fn unseen_copy_name_warnings() {
    let corpora = unseen_corpora();
    if corpora.is_empty() {
        return;
    }
    let engine = Names::new();
    // `NAMES_SHOW_ALL=1` prints every warning; otherwise a random 100 per corpus (seed printed).
    let show_all = std::env::var_os("NAMES_SHOW_ALL").is_some();
    let seed = run_seed();
    let mut draw = Draw(seed);
    eprintln!("warning sample seed: {seed} (repeat with NAMES_SEED_UNSEEN={seed})");
    let mut worst = 0.0f64;
    for (label, articles) in &corpora {
        let mut words = 0usize;
        let mut warnings: Vec<String> = Vec::new();
        let mut by_rule: std::collections::BTreeMap<&str, usize> = Default::default();
        // Variant hints (a spelling inside a quotation): counted, and read like the warnings.
        let mut hints: Vec<String> = Vec::new();
        for article in articles {
            let story = Story::new(&article.text, SourceFormat::PlainText);
            words += story.word_count();
            let findings = engine.analyze(&article.text, SourceFormat::PlainText);
            for f in findings
                .iter()
                .filter(|f| f.rule == "name-variant" && f.severity < Severity::Warning)
            {
                hints.push(format!(
                    "{} {}: {} => {}",
                    article.name,
                    f.rule,
                    context(&article.text, f.span()),
                    f.suggestion().unwrap_or_default()
                ));
            }
            for f in drift(&findings) {
                *by_rule.entry(f.rule.as_str()).or_default() += 1;
                warnings.push(format!(
                    "{} {}: {} => {} | {}",
                    article.name,
                    f.rule,
                    context(&article.text, f.span()),
                    f.suggestion().unwrap_or_default(),
                    f.message()
                ));
            }
        }
        let mut shown: Vec<usize> = (0..warnings.len()).collect();
        if label == "polnear-test" && std::env::var_os("NAMES_HELD_OUT_MISSES").is_none() {
            // Held out: counted below, never read.
            shown.clear();
        } else if !show_all {
            // A partial Fisher-Yates draw of 100.
            for i in 0..shown.len().min(100) {
                let j = i + draw.below(shown.len() - i);
                shown.swap(i, j);
            }
            shown.truncate(100);
            shown.sort_unstable();
        }
        for i in shown {
            eprintln!("WARN  {label} {}", warnings[i]);
        }
        if label != "polnear-test" || std::env::var_os("NAMES_HELD_OUT_MISSES").is_some() {
            for hint in &hints {
                eprintln!("HINT  {label} {hint}");
            }
        }
        eprintln!(
            "{label:<20} name-variant hints: {} ({:.3} per 1,000 words)",
            hints.len(),
            hints.len() as f64 * 1000.0 / words.max(1) as f64
        );
        let per_k = warnings.len() as f64 * 1000.0 / words.max(1) as f64;
        worst = worst.max(per_k);
        eprintln!(
            "{label:<20} {} articles, {words} words: {} drift warnings ({per_k:.3} per 1,000 words) {by_rule:?}",
            articles.len(),
            warnings.len()
        );
    }
    assert!(
        worst <= 0.5,
        "name drift warnings at {worst:.3} per 1,000 words on unseen copy"
    );
}
