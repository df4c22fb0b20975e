//! The anonymous-sources family over real copy: precision and recall of `anonymous-source`
//! on the labelled corpus, recall of unnamed-looking sources on the attribution corpus, and
//! the seed story's expected findings.

mod common;

use common::corpus::{
    attributions_dir, context, corpus_dir, load_attributions, load_corpus, score_overlap,
    seed_story, Score,
};
use copydesk_core::attribution::Attributions;
use copydesk_core::{Config, Engine, Finding, SourceFormat, Span, Story};
use std::collections::BTreeMap;

const MIN_F1: f64 = 0.85;

fn findings(engine: &Engine, text: &str) -> Vec<Finding> {
    engine.analyze(text, SourceFormat::PlainText)
}

/// Every mention of an unnamed source the engine reads (the ledger's unnamed sources): what
/// the family detects. Since each source carries one finding, at its first mention, under the
/// rule for what is most wrong with it, the `anonymous-source` rule alone no longer marks
/// every unnamed source.
fn unnamed_mentions(engine: &Engine, text: &str) -> Vec<Span> {
    engine
        .check(text, SourceFormat::PlainText)
        .ledger
        .unnamed_mentions()
}

/// The family's findings, whatever their rule.
fn family_spans(found: &[Finding]) -> Vec<Span> {
    found
        .iter()
        .filter(|f| f.category == copydesk_core::Category::AnonymousSource)
        .map(|f| f.span())
        .collect()
}

fn spans_of(found: &[Finding], rule: &str) -> Vec<Span> {
    found
        .iter()
        .filter(|f| f.rule == rule)
        .map(|f| f.span())
        .collect()
}

#[test]
fn anonymous_source_precision_and_recall_on_the_labelled_corpus() {
    let Some(dir) = corpus_dir() else { return };
    let engine = Engine::new(Config::default());
    let verbose = std::env::var_os("COPYDESK_VERBOSE").is_some();
    let mut total = Score::default();
    let mut rule_total = Score::default();
    let mut family_total = Score::default();
    println!("article   P      R      F1     (tp fp found/labels)");
    for article in load_corpus(&dir) {
        let found = findings(&engine, &article.text);
        let spans = unnamed_mentions(&engine, &article.text);
        let targets: Vec<Span> = article
            .anonymous_sources
            .iter()
            .filter(|l| !l.borderline)
            .map(|l| l.span)
            .collect();
        let tolerated: Vec<Span> = article
            .anonymous_sources
            .iter()
            .chain(article.weasel.iter())
            .map(|l| l.span)
            .collect();
        let score = score_overlap(&spans, &targets, &tolerated);
        rule_total.add(score_overlap(
            &spans_of(&found, "anonymous-source"),
            &targets,
            &tolerated,
        ));
        family_total.add(score_overlap(&family_spans(&found), &targets, &tolerated));
        println!(
            "{:8} {:.3}  {:.3}  {:.3}  ({} {} {}/{})",
            article.id,
            score.precision(),
            score.recall(),
            score.f1(),
            score.true_positives,
            score.false_positives,
            score.found_labels,
            score.labels
        );
        if verbose {
            for s in &spans {
                if !tolerated.iter().any(|t| t.overlaps(*s)) {
                    println!("    FP {:?}", &article.text[s.range()]);
                }
            }
            for t in &targets {
                if !spans.iter().any(|s| s.overlaps(*t)) {
                    let ctx = Span::new(
                        t.start.saturating_sub(60),
                        (t.end + 60).min(article.text.len()),
                    );
                    let ctx_text = article.text.get(ctx.range()).unwrap_or("");
                    println!("    MISS {:?} | {:?}", &article.text[t.range()], ctx_text);
                }
            }
        }
        total.add(score);
    }
    for (what, score) in [
        ("unnamed sources read (ledger mentions)", &total),
        ("anonymous-source findings", &rule_total),
        ("anonymous family findings (any rule)", &family_total),
    ] {
        println!(
            "{what}: precision {:.3} recall {:.3} F1 {:.3} ({} tp, {} fp, {}/{} labels found)",
            score.precision(),
            score.recall(),
            score.f1(),
            score.true_positives,
            score.false_positives,
            score.found_labels,
            score.labels
        );
    }
    assert!(
        total.f1() >= MIN_F1,
        "unnamed-source F1 {:.3} is below {MIN_F1}",
        total.f1()
    );
}

/// Words that start with a capital but are not names: pronouns, determiners, quantifiers and
/// titles (the attribution README's heuristic).
const NOT_NAMES: &[&str] = &[
    "he", "she", "they", "it", "we", "i", "you", "the", "a", "an", "some", "many", "one", "mr.",
    "mrs.", "ms.", "dr.", "his", "her", "their", "this", "that", "these", "those", "most",
    "several", "other", "others", "both", "all", "two", "three", "its", "our", "another", "each",
    "any", "no", "few", "my", "who",
];

const PRONOUNS: &[&str] = &[
    "he", "she", "they", "it", "we", "i", "you", "who", "him", "her", "them", "us", "me", "his",
    "their", "which", "that", "whom", "this", "these", "those", "one",
];

fn words(text: &str) -> Vec<&str> {
    text.split(|c: char| c.is_whitespace() || ",;:()\"“”".contains(c))
        .filter(|w| !w.is_empty())
        .collect()
}

fn unnamed_looking(text: &str) -> bool {
    let ws = words(text);
    if ws.is_empty() {
        return false;
    }
    let has_name = ws.iter().any(|w| {
        w.chars().next().is_some_and(char::is_uppercase)
            && !NOT_NAMES.contains(&w.to_lowercase().as_str())
    });
    let pronoun_only = ws
        .iter()
        .all(|w| PRONOUNS.contains(&w.to_lowercase().as_str()));
    !has_name && !pronoun_only
}

fn head_of(text: &str) -> String {
    // The last word before a post-modifier, lower-cased: "people familiar with …" -> "people".
    let ws = words(text);
    let stops = [
        "familiar", "close", "briefed", "with", "who", "in", "at", "on", "of", "from", "for", "to",
        "that", "involved",
    ];
    let mut head = ws.first().copied().unwrap_or("");
    for w in &ws {
        if stops.contains(&w.to_lowercase().as_str()) {
            break;
        }
        head = w;
    }
    head.trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

#[test]
fn attribution_corpus_share_of_unnamed_sources_reported() {
    let Some(dir) = attributions_dir() else {
        return;
    };
    let engine = Engine::new(Config::default());
    let mut candidates = 0usize;
    let mut reported = 0usize;
    let mut misses: BTreeMap<String, usize> = BTreeMap::new();
    let mut hits: BTreeMap<String, usize> = BTreeMap::new();
    let mut findings_total = 0usize;
    // Heads that name people who can be unnamed sources, to separate them from polls,
    // campaigns, voters and experts in the figures.
    let source_nouns: Vec<&str> = include_str!("data/unnamed_source_heads.txt")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .collect();
    let mut person_candidates = 0usize;
    let mut person_reported = 0usize;
    // PolNeAR's own split: train and dev are for tuning, test is reported and never read.
    let mut person_by_split: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let verbose = std::env::var_os("COPYDESK_VERBOSE").is_some();
    let mut unmatched: Vec<String> = Vec::new();
    let articles = load_attributions(&dir);
    for article in &articles {
        let split = article.record["polnear_split"]
            .as_str()
            .unwrap_or("unsplit")
            .to_owned();
        let tuning = split != "test";
        let spans = unnamed_mentions(&engine, &article.text);
        findings_total += spans.len();
        let all_sources: Vec<Span> = article.record["attributions"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|a| !a["source"].is_null())
            .map(|a| common::corpus::span_of(&a["source"]))
            .collect();
        if verbose && tuning {
            for s in &spans {
                if !all_sources.iter().any(|t| t.overlaps(*s)) {
                    unmatched.push(format!(
                        "{:?} | {:?}",
                        article.text.get(s.range()).unwrap_or(""),
                        context(&article.text, *s, 150, 100)
                    ));
                }
            }
        }
        let mut seen = std::collections::HashSet::new();
        for a in article.record["attributions"]
            .as_array()
            .into_iter()
            .flatten()
        {
            let source = &a["source"];
            if source.is_null() {
                continue;
            }
            let span = common::corpus::span_of(source);
            if !seen.insert((span.start, span.end)) {
                continue;
            }
            let text = source["text"].as_str().unwrap_or("");
            if !unnamed_looking(text) {
                continue;
            }
            candidates += 1;
            let head = head_of(text);
            let person_like = source_nouns.contains(&head.as_str());
            person_candidates += usize::from(person_like);
            let found = spans.iter().any(|s| s.overlaps(span));
            if person_like {
                let entry = person_by_split.entry(split.clone()).or_default();
                entry.0 += 1;
                entry.1 += usize::from(found);
            }
            if found {
                reported += 1;
                person_reported += usize::from(person_like);
                *hits.entry(head).or_default() += 1;
            } else {
                if verbose && person_like && tuning {
                    let story = Story::new(&article.text, SourceFormat::PlainText);
                    let read: Vec<String> = Attributions::read(&story)
                        .iter()
                        .filter(|r| r.source().is_some_and(|s| s.overlaps(span)))
                        .map(|r| format!("{:?} {:?}", r.kind, story.text(r.cue())))
                        .collect();
                    println!(
                        "    MISS {text:?} cue {:?} layer {read:?} | {:?}",
                        a["cue"]["text"].as_str().unwrap_or(""),
                        context(&article.text, span, 150, 100)
                    );
                }
                *misses.entry(head).or_default() += 1;
            }
        }
    }
    if articles.is_empty() {
        return;
    }
    if verbose {
        // An even sample of the findings that overlap no annotated source, to read by hand.
        let step = (unmatched.len() / 40).max(1);
        println!(
            "{} unnamed-source mentions overlap no annotated source; a sample:",
            unmatched.len()
        );
        for line in unmatched.iter().step_by(step).take(40) {
            println!("    UNANNOTATED {line}");
        }
    }
    let share = reported as f64 / candidates.max(1) as f64;
    println!(
        "attribution corpus: {} articles, {reported} of {candidates} unnamed-looking sources read as unnamed sources ({:.1}%); {findings_total} unnamed-source mentions in the ledger in all",
        articles.len(),
        share * 100.0
    );
    println!(
        "  of which with a source-noun head (officials, aides, people, sources…): {person_reported} of {person_candidates} reported ({:.1}%)",
        100.0 * person_reported as f64 / person_candidates.max(1) as f64
    );
    for (split, (n, found)) in &person_by_split {
        println!(
            "    {split:8} {found} of {n} ({:.1}%)",
            100.0 * *found as f64 / (*n).max(1) as f64
        );
    }
    let mut by_count: Vec<(String, usize)> = misses.into_iter().collect();
    by_count.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    println!("misses by head word (top 60):");
    for (head, n) in by_count.iter().take(60) {
        println!("  {n:5}  {head}");
    }
    let mut hit_count: Vec<(String, usize)> = hits.into_iter().collect();
    hit_count.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    println!("reported by head word (top 30):");
    for (head, n) in hit_count.iter().take(30) {
        println!("  {n:5}  {head}");
    }
    assert!(
        reported > 0,
        "no unnamed source of the attribution corpus was reported"
    );
}

#[test]
fn seed_story_expected_findings() {
    let Some((_, text)) = seed_story() else {
        return;
    };
    let engine = Engine::new(Config::default());
    let analysis = engine.check(&text, SourceFormat::PlainText);
    let found = &analysis.findings;
    let at = |phrase: &str| -> Span {
        let start = text
            .find(phrase)
            .unwrap_or_else(|| panic!("seed text has {phrase:?}"));
        Span::new(start, start + phrase.len())
    };
    let family: Vec<&Finding> = found
        .iter()
        .filter(|f| f.category == copydesk_core::Category::AnonymousSource)
        .collect();
    let on = |span: Span| -> Vec<&str> {
        family
            .iter()
            .filter(|f| f.span().overlaps(span))
            .map(|f| f.rule.as_str())
            .collect()
    };
    // Four unnamed sources: the four sources briefed on the matter (with their later
    // references), one U.S. official, a separate senior U.S. official, Western diplomats.
    let unnamed: Vec<&copydesk_core::ledger::Source> = analysis
        .ledger
        .sources
        .iter()
        .filter(|s| s.is_unnamed())
        .collect();
    let described: Vec<&str> = unnamed.iter().map(|s| s.label.as_str()).collect();
    assert_eq!(
        described,
        [
            "four sources briefed on the matter",
            "One U.S. official",
            "A separate senior U.S. official",
            "Western diplomats"
        ],
        "the ledger's unnamed sources"
    );
    let four = unnamed[0];
    assert!(four.mentions.contains(&at("two of the sources")));
    assert_eq!(four.count, Some(4));
    // Each source has exactly one finding, at the mention that describes it; its later
    // references have none.
    for source in &unnamed {
        let first = at(&source.label);
        let on_source: Vec<&&Finding> = family
            .iter()
            .filter(|f| source.mentions.iter().any(|m| m.overlaps(f.span())))
            .collect();
        assert_eq!(on_source.len(), 1, "one finding for {:?}", source.label);
        assert_eq!(on_source[0].span(), first, "on the first body mention");
    }
    assert!(on(at("two of the sources")).is_empty());
    for phrase in ["One U.S. official", "A separate senior U.S. official"] {
        assert_eq!(on(at(phrase)), ["anonymity-unexplained"], "{phrase}");
    }
    assert!(!on(at("four sources briefed on the matter")).contains(&"anonymity-unexplained"));
    // The first mention links the later ones.
    let first = family
        .iter()
        .find(|f| f.span() == at("four sources briefed on the matter"))
        .expect("a finding on the four sources");
    assert!(first
        .related()
        .iter()
        .any(|r| r.span == at("two of the sources")));
    for name in [
        "Keith Kellogg",
        "Christopher Smith",
        "Mike Pompeo",
        "Joe Biden",
        "the Times reported",
    ] {
        assert!(on(at(name)).is_empty(), "no anonymous finding on {name:?}");
    }
    let disclaimer = text.find("\nDisclaimer").unwrap_or(text.len());
    assert!(
        !family.iter().any(|f| f.span().start >= disclaimer),
        "no anonymous finding in the disclaimer"
    );
}
