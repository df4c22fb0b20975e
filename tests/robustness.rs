//! The engine over every real article we have: no panic, and the structure's invariants hold.

mod common;

use common::corpus::{attributions_dir, corpus_dir};
use copydesk_core::{Config, Engine, SourceFormat, Story};

fn check_invariants(name: &str, text: &str) {
    for format in [SourceFormat::PlainText, SourceFormat::Markdown] {
        let story = Story::new(text, format);
        assert_eq!(
            story.prose().len(),
            text.len(),
            "{name}: prose moved offsets"
        );
        let mut last_end = 0;
        for (i, sentence) in story.sentences.iter().enumerate() {
            assert!(
                sentence.span().start >= last_end,
                "{name}: sentence {i} overlaps"
            );
            assert!(story.paragraphs[sentence.paragraph()]
                .span
                .covers(sentence.span()));
            assert!(
                text.is_char_boundary(sentence.span().start)
                    && text.is_char_boundary(sentence.span().end)
            );
            last_end = sentence.span().end;
        }
        for pair in story.quotes.windows(2) {
            assert!(
                pair[0].span().end <= pair[1].span().start,
                "{name}: quotes overlap"
            );
        }
        for token in &story.tokens {
            assert!(!story.text(token.span()).is_empty(), "{name}: empty token");
        }
    }
}

#[test]
fn every_real_article_reads_without_panic() {
    let engine = Engine::new(Config::default());
    let mut articles = 0;
    if let Some(dir) = corpus_dir() {
        for article in common::corpus::load_corpus(&dir) {
            check_invariants(&article.id, &article.text);
            engine.analyze(&article.text, SourceFormat::PlainText);
            articles += 1;
        }
    }
    if let Some(dir) = attributions_dir() {
        for article in common::corpus::load_attributions(&dir) {
            let name = article.path.display().to_string();
            check_invariants(&name, &article.text);
            engine.analyze(&article.text, SourceFormat::PlainText);
            articles += 1;
        }
    }
    eprintln!("read {articles} real articles");
}

#[test]
fn hostile_inputs_do_not_panic() {
    let engine = Engine::new(Config::default());
    let inputs = [
        "",
        "\n\n\n",
        "\"",
        "“",
        "”",
        "'''\"\"\"“”‘’",
        ". . . ! ? …",
        "\r\r\n\r",
        "U.S.",
        "Mr.",
        "a\u{2028}b\u{85}c\u{c}d",
        "🎉🎉🎉 “🎉” said 🎉.",
        "```\nunclosed fence",
        "<!-- unclosed comment",
        "---\nfront: matter\n",
        "[link](",
        "\u{feff}BOM first said officials.",
    ];
    for input in inputs {
        for format in [SourceFormat::PlainText, SourceFormat::Markdown] {
            check_invariants(&format!("{input:?}"), input);
            engine.analyze(input, format);
        }
    }
    let long = "Officials said “it is ".repeat(20_000);
    engine.analyze(&long, SourceFormat::Markdown);
}
