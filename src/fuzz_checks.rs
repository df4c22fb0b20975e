//! The invariants the fuzz targets (`fuzz/`) check, shared with `tests/fuzz_regressions.rs`,
//! which replays every input a fuzzer ever crashed on. Each function panics when an invariant
//! breaks, which is how a fuzzer learns of it.

use crate::lsp::framing::FrameParser;
use copydesk_core::config::{from_toml, ExtraPhrases};
use copydesk_core::text::extract::Extracted;
use copydesk_core::{Engine, Finding, SourceFormat, Span};
use std::path::Path;

/// Every finding and related place points at whole characters of the story, and findings come
/// sorted by position: the front ends slice the story with these spans.
pub fn assert_findings_well_formed(story: &str, findings: &[Finding]) {
    let within = |span: Span| {
        span.start <= span.end
            && span.end <= story.len()
            && story.is_char_boundary(span.start)
            && story.is_char_boundary(span.end)
    };
    let mut previous = (0, 0);
    for finding in findings {
        assert!(
            within(finding.span()),
            "{} at {:?}",
            finding.rule,
            finding.span()
        );
        for related in finding.related() {
            assert!(
                within(related.span),
                "{} related {:?}",
                finding.rule,
                related.span
            );
        }
        let here = (finding.span().start, finding.span().end);
        assert!(here >= previous, "findings out of order at {here:?}");
        previous = here;
    }
}

/// The prose copy has the story's length and keeps its character boundaries, so offsets into
/// one are offsets into the other.
pub fn assert_extraction_well_formed(story: &str, extracted: &Extracted) {
    assert_eq!(
        extracted.prose.len(),
        story.len(),
        "prose copy changed length"
    );
    for (offset, _) in story.char_indices() {
        assert!(
            extracted.prose.is_char_boundary(offset),
            "prose copy splits a character at {offset}"
        );
    }
    assert!(extracted.block_starts.windows(2).all(|w| w[0] <= w[1]));
    assert!(extracted.block_starts.iter().all(|&s| s <= story.len()));
}

/// A configuration file's text is accepted or rejected with an error, never a panic, and an
/// engine built from an accepted one (its phrases and patterns compiled) runs.
pub fn check_config_text(text: &str) {
    let Ok(config) = from_toml(text, Path::new("/desk/.copydesk.toml")) else {
        return;
    };
    // Building an engine compiles every lexicon (milliseconds); what a file can do to it comes
    // from its own words, so only configurations that bring some are built.
    let brings_words = config.phrases != ExtraPhrases::default()
        || !config.names.is_empty()
        || !config.no_first_reference.is_empty()
        || !config.own_outlets.is_empty();
    if !brings_words {
        return;
    }
    let engine = Engine::new(config);
    let story = "Officials said the mayor, Ana Ruiz, reportedly resigned.\n\n\
                 “It is over,” one aide said. Ruis denied it, critics say.";
    for format in [SourceFormat::Markdown, SourceFormat::PlainText] {
        assert_findings_well_formed(story, &engine.analyze(story, format));
    }
}

/// Bytes on the server's stdin, pushed in chunks whose sizes come from the input itself: the
/// parser yields frames or skips and never panics.
pub fn check_framing(data: &[u8]) {
    let mut parser = FrameParser::default();
    let mut rest = data;
    while !rest.is_empty() {
        let size = usize::from(rest[0] % 64) + 1;
        let (chunk, tail) = rest.split_at(size.min(rest.len()));
        parser.push(chunk);
        while parser.next_frame().is_some() {}
        rest = tail;
    }
}
