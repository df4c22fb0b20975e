//! Engine throughput on generated news copy at three sizes: a 5k-word story, a 150k-word
//! manuscript and a 10 MB archive. For each: building the story structure, the whole engine,
//! and each check family alone, so a slow family shows itself. Divan prints time and MB/s.
//!
//! `cargo bench --bench engine` (all), or with a filter: `cargo bench --bench engine -- story`.
//! Not run in CI: timings belong in BENCHMARKS.md, never in assertions.

use copydesk_core::checks::{Check, FAMILIES};
use copydesk_core::{Config, DocumentCache, Engine, SourceFormat, Story};
use divan::counter::BytesCount;
use divan::Bencher;
use std::sync::LazyLock;

// The same generator the latency harness types into, so both measure the same kind of copy.
#[allow(dead_code)]
#[path = "../tools/lsp-latency/src/newsgen.rs"]
mod newsgen;

static STORY: LazyLock<String> = LazyLock::new(|| newsgen::story(5, 5_000));
static MANUSCRIPT: LazyLock<String> = LazyLock::new(|| newsgen::manuscript(150_000));
static ARCHIVE: LazyLock<Vec<String>> = LazyLock::new(|| newsgen::archive(10_000_000));
static ARCHIVE_JOINED: LazyLock<String> = LazyLock::new(|| ARCHIVE.join("\n\n"));

fn main() {
    // Sizes first, so the MB/s figures below can be read against them.
    for (name, text) in [
        ("story", &*STORY),
        ("manuscript", &*MANUSCRIPT),
        ("archive (joined)", &*ARCHIVE_JOINED),
    ] {
        println!(
            "{name}: {} words, {} bytes",
            text.split_whitespace().count(),
            text.len()
        );
    }
    println!("archive: {} stories", ARCHIVE.len());
    divan::main();
}

fn family_names() -> Vec<&'static str> {
    FAMILIES.iter().map(|family| family.name).collect()
}

fn structure(bencher: Bencher, text: &'static str) {
    bencher
        .counter(BytesCount::of_str(text))
        .bench(|| Story::new(text, SourceFormat::Markdown));
}

fn engine(bencher: Bencher, text: &'static str) {
    let engine = Engine::new(Config::default());
    bencher
        .counter(BytesCount::of_str(text))
        .bench(|| engine.analyze(text, SourceFormat::Markdown));
}

/// The text with one character typed after the sentence end nearest its middle, as the
/// latency harness types: the paragraph it lands in changes, nothing else.
fn typed_in_the_middle(text: &str) -> String {
    let middle = text.len() / 2;
    let at = text[middle..]
        .find(". ")
        .map_or(text.len(), |i| middle + i + 1);
    let mut edited = text.to_string();
    edited.insert(at, 'x');
    edited
}

/// One keystroke re-analysed through the document's cache (`Engine::check_incremental`), what
/// the language server does per edit. Two versions alternate, so every sample re-reads the
/// paragraph that changed and reuses the rest.
fn keystroke(bencher: Bencher, text: &'static str) {
    let engine = Engine::new(Config::default());
    let versions = [text.to_string(), typed_in_the_middle(text)];
    let mut cache = DocumentCache::new();
    engine.check_incremental(&versions[0], SourceFormat::Markdown, &mut cache);
    let mut next = 0;
    bencher.counter(BytesCount::of_str(text)).bench_local(|| {
        next ^= 1;
        engine.check_incremental(&versions[next], SourceFormat::Markdown, &mut cache)
    });
}

/// The structure alone after one keystroke, through the document's cache.
fn keystroke_structure(bencher: Bencher, text: &'static str) {
    let versions = [text.to_string(), typed_in_the_middle(text)];
    let mut cache = DocumentCache::new();
    cache.story(&versions[0], SourceFormat::Markdown);
    let mut next = 0;
    bencher.counter(BytesCount::of_str(text)).bench_local(|| {
        next ^= 1;
        cache
            .story(&versions[next], SourceFormat::Markdown)
            .tokens
            .len()
    });
}

/// One family's `check` on a story built beforehand: the structure is timed on its own.
fn family(bencher: Bencher, text: &'static str, name: &str) {
    let Some(family) = FAMILIES.iter().find(|family| family.name == name) else {
        return;
    };
    let check: Box<dyn Check> = (family.build)(&Config::default());
    let story = Story::new(text, SourceFormat::Markdown);
    bencher.counter(BytesCount::of_str(text)).bench(|| {
        let mut findings = Vec::new();
        check.check(&story, &mut findings);
        findings
    });
}

/// A 5k-word story: what one save or one keystroke re-analysis costs today.
mod story_5k {
    use super::*;

    #[divan::bench]
    fn structure(bencher: Bencher) {
        super::structure(bencher, &STORY);
    }

    #[divan::bench]
    fn engine(bencher: Bencher) {
        super::engine(bencher, &STORY);
    }

    #[divan::bench(args = family_names())]
    fn family(bencher: Bencher, name: &str) {
        super::family(bencher, &STORY, name);
    }

    #[divan::bench]
    fn keystroke(bencher: Bencher) {
        super::keystroke(bencher, &STORY);
    }

    #[divan::bench]
    fn keystroke_structure(bencher: Bencher) {
        super::keystroke_structure(bencher, &STORY);
    }
}

/// A 150k-word manuscript in one document.
mod manuscript_150k {
    use super::*;

    #[divan::bench(sample_count = 10, sample_size = 1)]
    fn structure(bencher: Bencher) {
        super::structure(bencher, &MANUSCRIPT);
    }

    #[divan::bench(sample_count = 10, sample_size = 1)]
    fn engine(bencher: Bencher) {
        super::engine(bencher, &MANUSCRIPT);
    }

    #[divan::bench(args = family_names(), sample_count = 10, sample_size = 1)]
    fn family(bencher: Bencher, name: &str) {
        super::family(bencher, &MANUSCRIPT, name);
    }

    #[divan::bench(sample_count = 10, sample_size = 1)]
    fn keystroke(bencher: Bencher) {
        super::keystroke(bencher, &MANUSCRIPT);
    }

    #[divan::bench(sample_count = 10, sample_size = 1)]
    fn keystroke_structure(bencher: Bencher) {
        super::keystroke_structure(bencher, &MANUSCRIPT);
    }
}

/// 10 MB of stories: one by one as `copydesk check` reads an archive (on one core), and
/// joined into one text, which shows whether any pass grows faster than the text.
mod archive_10mb {
    use super::*;

    #[divan::bench(sample_count = 3, sample_size = 1)]
    fn engine_per_story(bencher: Bencher) {
        let engine = Engine::new(Config::default());
        let bytes: usize = ARCHIVE.iter().map(String::len).sum();
        bencher.counter(BytesCount::new(bytes)).bench(|| {
            ARCHIVE
                .iter()
                .map(|story| engine.analyze(story, SourceFormat::Markdown).len())
                .sum::<usize>()
        });
    }

    #[divan::bench(sample_count = 3, sample_size = 1)]
    fn structure(bencher: Bencher) {
        super::structure(bencher, &ARCHIVE_JOINED);
    }

    #[divan::bench(sample_count = 3, sample_size = 1)]
    fn engine(bencher: Bencher) {
        super::engine(bencher, &ARCHIVE_JOINED);
    }

    #[divan::bench(args = family_names(), sample_count = 3, sample_size = 1)]
    fn family(bencher: Bencher, name: &str) {
        super::family(bencher, &ARCHIVE_JOINED, name);
    }
}
