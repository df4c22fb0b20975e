//! Each story shape that once made a pass quadratic, run through the engine at the size that
//! once hung (a 2 MB paragraph with no sentence end took 549 s; 1 MB of "John Smith said " 294 s;
//! 4 MB of "Critics say it is bad." 20.5 s). No timing is asserted: a pass gone quadratic again
//! turns this test from seconds into hours, which CI's time limit reports. What is asserted is
//! that the findings grow in step with the text — twice the story, twice the findings — and stay
//! within it, so a pass that gives up early on a big story fails here too.
//!
//! The shapes are the benchmark's (`benches/pathological/shapes.rs`); `cargo bench --bench
//! pathological` prints their time and peak memory at 1 and 10 MB.

#[path = "../benches/pathological/shapes.rs"]
mod shapes;

use copydesk_core::{Config, Engine, Finding, SourceFormat};

fn story(shape: &str, size: usize) -> String {
    let (_, make) = shapes::shapes()
        .into_iter()
        .find(|(name, _)| *name == shape)
        .unwrap_or_else(|| panic!("no shape called {shape}"));
    let mut text = make(size);
    let mut cut = size.min(text.len());
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    text.truncate(cut);
    text
}

fn analyse(text: &str) -> Vec<Finding> {
    let findings = Engine::new(Config::default()).analyze(text, SourceFormat::Markdown);
    for finding in &findings {
        assert!(
            finding.span().start <= finding.span().end && finding.span().end <= text.len(),
            "finding {} at {:?} lies outside a {}-byte story",
            finding.rule,
            finding.span(),
            text.len()
        );
    }
    findings
}

/// Analyses the shape at `size` and at half of it; the findings of the whole must be about
/// twice those of the half (within one unit of the shape at the cut).
fn scales_linearly(shape: &str, size: usize) -> usize {
    let half = analyse(&story(shape, size / 2)).len();
    let whole = analyse(&story(shape, size)).len();
    assert!(
        whole.abs_diff(2 * half) <= 2,
        "{shape}: {half} findings in {} bytes but {whole} in {size}",
        size / 2
    );
    whole
}

#[test]
fn a_two_megabyte_paragraph_without_a_sentence_end() {
    scales_linearly("no-sentence-end", 2_000_000);
}

#[test]
fn one_name_repeated_for_a_megabyte() {
    scales_linearly("one-name-repeated", 1_000_000);
}

#[test]
fn four_megabytes_of_one_vague_claim_are_each_reported() {
    let sentence = "Critics say it is bad. ";
    let size = 4_000_000;
    let whole = scales_linearly("vague-claims", size);
    // Every sentence is the same unsourced "critics say": the rule reports each one.
    assert!(
        whole.abs_diff(size / sentence.len()) <= 1,
        "{whole} findings for {} sentences",
        size / sentence.len()
    );
}

#[test]
fn capitalised_words_deep_quotes_and_random_unicode() {
    for shape in ["capitalised-words", "deep-quotes", "random-unicode"] {
        scales_linearly(shape, 1_000_000);
    }
}

#[test]
fn mixed_news_is_reported_paragraph_by_paragraph() {
    let whole = scales_linearly("mixed-news", 2_000_000);
    assert!(whole > 0, "mixed news carries findings in every paragraph");
}

/// Shapes found quadratic or worse in December: a 34 KB sentence of "Officials said — " took
/// 38 s, and one 1,700-letter word 4 GiB.
#[test]
fn long_words_and_sentences_joined_by_dashes_commas_and_colons() {
    for shape in [
        "long-words",
        "sources-between-dashes",
        "comma-joined-heads",
        "said-between-commas",
        "colons-opening-quotes",
        "hearsay-adverbs",
        "agentless-hedges",
        "families",
        "shared-first-names",
    ] {
        scales_linearly(shape, 200_000);
    }
}
