//! Incremental analysis must be exactly a fresh analysis. Random edit sequences (characters,
//! words, sentences, paragraph breaks, quotation marks, names, Markdown blocks, suppression
//! comments) are applied to generated news stories, and after every edit the analysis through a
//! document's cache is compared with a fresh `Engine::check` of the same text: the story's
//! structure, the findings and the ledger, and each piece the checks keep per paragraph with
//! its fresh computation. Fixed edits change only what lies around a kept paragraph (a
//! quotation opened before it, a figure at its edge, a dateline, a name introduced earlier),
//! the context its key must carry.

mod common;

use common::corpus::{attributions_dir, corpus_dir};
use copydesk_core::attribution::Attributions;
use copydesk_core::checks::names::lexicon::Lexicon;
use copydesk_core::checks::names::mentions::{find_mentions, find_mentions_memoised};
use copydesk_core::checks::unattributed::groups::{self, Groups};
use copydesk_core::checks::unattributed::scope::{words, Scope};
use copydesk_core::checks::unattributed::{figures, verbs};
use copydesk_core::config::HousePreset;
use copydesk_core::{Config, DocumentCache, Engine, SourceFormat, Story};
use proptest::prelude::*;

// The generator the benchmarks and the latency harness use: realistic copy, none of it taken
// from an article.
#[allow(dead_code)]
#[path = "../tools/lsp-latency/src/newsgen.rs"]
mod newsgen;

/// Text an editor inserts: single characters (typing), words, whole sentences, names and their
/// misspellings, quotation marks that open or close a quote carried across paragraphs,
/// paragraph and line breaks, and the Markdown and comment syntax that hides text from the
/// checks.
const INSERTIONS: &[&str] = &[
    "a",
    "T",
    " ",
    ".",
    ",",
    "\n",
    "\n\n",
    "\n\n\n",
    "“",
    "”",
    "\"",
    "'",
    "’",
    "‘",
    "said",
    " officials",
    " allegedly",
    " according to sources",
    "Okafor",
    "Okafour",
    " Amara Okafor",
    "Dr. Amara Okafor",
    "Mr. ",
    " A senior official, who spoke on condition of anonymity, said the talks had stalled.",
    " “We will not back down,” Daniel Okafor said.",
    " “The plan is dead.",
    "\n\n“It was never going to work,” one aide said.",
    " Critics say the deal is flawed.",
    " Unemployment rose to 7.4% last year.",
    " Two people familiar with the matter said the minister would resign.",
    "\n\n# A new heading\n\n",
    "\n\n```\nquoted code said nobody\n```\n\n",
    "\n\n```\n",
    "<!-- copydesk-disable-next-line -->\n",
    "<!-- copydesk-disable -->",
    "<!--",
    "\n- a list item, officials said\n",
    "> a block quote, sources said\n",
    "é",
    "😀",
];

#[derive(Debug, Clone)]
enum Edit {
    /// Inserts `INSERTIONS[which]` at `at` (a fraction of the text, in thousandths).
    Insert { at: u16, which: usize },
    /// Deletes from `at` a stretch of the given shape.
    Delete { at: u16, what: Stretch },
    /// Replaces a stretch with an insertion, as a paste over a selection does.
    Replace {
        at: u16,
        what: Stretch,
        which: usize,
    },
}

#[derive(Debug, Clone, Copy)]
enum Stretch {
    Characters(u8),
    Word,
    Sentence,
    Paragraph,
    ParagraphBreak,
}

fn edit() -> impl Strategy<Value = Edit> {
    let at = 0u16..=1000;
    let which = 0..INSERTIONS.len();
    let stretch = prop_oneof![
        (1u8..6).prop_map(Stretch::Characters),
        Just(Stretch::Word),
        Just(Stretch::Sentence),
        Just(Stretch::Paragraph),
        Just(Stretch::ParagraphBreak),
    ];
    prop_oneof![
        4 => (at.clone(), which.clone()).prop_map(|(at, which)| Edit::Insert { at, which }),
        3 => (at.clone(), stretch.clone()).prop_map(|(at, what)| Edit::Delete { at, what }),
        1 => (at, stretch, which).prop_map(|(at, what, which)| Edit::Replace { at, what, which }),
    ]
}

fn char_floor(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn position(text: &str, at: u16) -> usize {
    char_floor(text, text.len() * usize::from(at) / 1000)
}

/// The end of the stretch starting at `start`.
fn stretch_end(text: &str, start: usize, what: Stretch) -> usize {
    let rest = &text[start..];
    let end = match what {
        Stretch::Characters(n) => rest
            .char_indices()
            .nth(usize::from(n))
            .map_or(rest.len(), |(i, _)| i),
        Stretch::Word => rest
            .char_indices()
            .skip(1)
            .find(|(_, c)| c.is_whitespace())
            .map_or(rest.len(), |(i, _)| i),
        Stretch::Sentence => rest.find(['.', '!', '?']).map_or(rest.len(), |i| i + 1),
        Stretch::Paragraph => rest.find("\n\n").map_or(rest.len(), |i| i + 2),
        Stretch::ParagraphBreak => match rest.find("\n\n") {
            // Joins two paragraphs: only the break goes.
            Some(i) => return start + i + 2,
            None => rest.len(),
        },
    };
    start + end
}

fn apply(text: &mut String, edit: &Edit) {
    match *edit {
        Edit::Insert { at, which } => {
            let at = position(text, at);
            text.insert_str(at, INSERTIONS[which]);
        }
        Edit::Delete { at, what } => {
            let start = position(text, at);
            let start = match what {
                Stretch::ParagraphBreak => text[start..].find("\n\n").map_or(start, |i| start + i),
                _ => start,
            };
            let end = stretch_end(text, start, what);
            text.replace_range(start..end, "");
        }
        Edit::Replace { at, what, which } => {
            let start = position(text, at);
            let end = stretch_end(text, start, what);
            text.replace_range(start..end, INSERTIONS[which]);
        }
    }
}

/// Everything a check can read from the structure, compared field by field.
fn assert_same_structure(cached: &Story, fresh: &Story) -> Result<(), TestCaseError> {
    prop_assert_eq!(&cached.paragraphs, &fresh.paragraphs);
    prop_assert_eq!(&cached.sentences, &fresh.sentences);
    prop_assert_eq!(&cached.tokens, &fresh.tokens);
    prop_assert_eq!(&cached.quotes, &fresh.quotes);
    prop_assert_eq!(&cached.unchecked, &fresh.unchecked);
    prop_assert_eq!(cached.prose(), fresh.prose());
    prop_assert_eq!(cached.top_matter_end(), fresh.top_matter_end());
    for i in 0..fresh.tokens.len() {
        prop_assert_eq!(cached.lower(i), fresh.lower(i), "word {}", i);
        prop_assert_eq!(cached.is_token_quoted(i), fresh.is_token_quoted(i));
    }
    Ok(())
}

fn run_edits(
    engine: &Engine,
    format: SourceFormat,
    mut text: String,
    edits: &[Edit],
) -> Result<(), TestCaseError> {
    let mut cache = DocumentCache::new();
    // The first analysis fills the cache; every later one reuses it.
    let first = engine.check_incremental(&text, format, &mut cache);
    prop_assert_eq!(first.findings, engine.check(&text, format).findings);
    for (step, edit) in edits.iter().enumerate() {
        apply(&mut text, edit);
        let fresh = engine.check(&text, format);
        let cached = engine.check_incremental(&text, format, &mut cache);
        prop_assert_eq!(
            &cached.findings,
            &fresh.findings,
            "findings after edit {} ({:?})",
            step,
            edit
        );
        prop_assert_eq!(
            &cached.ledger,
            &fresh.ledger,
            "ledger after edit {} ({:?})",
            step,
            edit
        );
        assert_same_structure(&cache.story(&text, format), &Story::new(&text, format))?;
        assert_same_pieces(&text, format, &mut cache)?;
    }
    Ok(())
}

/// Each piece the checks keep per paragraph, read through the document's memo (what the last
/// `check_incremental` left there), equals its fresh computation.
fn assert_same_pieces(
    text: &str,
    format: SourceFormat,
    cache: &mut DocumentCache,
) -> Result<(), TestCaseError> {
    // Through the cache, so the story's paragraphs carry the text ids the kept pieces are
    // filed under: a story read afresh names every text anew and would find none of them.
    let story = cache.story(text, format);
    let lex = Lexicon::get();
    // `Mention` has no equality of its own; its debug form shows every field.
    prop_assert_eq!(
        format!(
            "{:#?}",
            find_mentions_memoised(&story, lex, cache.independent_memo())
        ),
        format!("{:#?}", find_mentions(&story, lex)),
        "name mentions"
    );
    // The scope reads its word facts (artifacts, studies, commentators, words addressing the
    // reader, title case) per paragraph through the memo; its debug form shows every field.
    let attributions = Attributions::read(&story);
    // The layer's paragraphs are kept with the surname facts their reading consulted.
    prop_assert_eq!(
        format!("{:?}", Attributions::read_memoised(&story, cache.memo())),
        format!("{:?}", attributions),
        "attribution layer"
    );
    prop_assert_eq!(
        format!(
            "{:?}",
            Scope::build_with(&story, &attributions, Some(cache.memo()))
        ),
        format!("{:?}", Scope::build(&story, &attributions)),
        "attribution scope"
    );
    let (mut kept, mut fresh) = (Vec::new(), Vec::new());
    verbs::check_with(&story, &mut kept, Some(cache.memo()));
    verbs::check(&story, &mut fresh);
    prop_assert_eq!(kept, fresh, "loaded speech tags");
    let scope = Scope::build(&story, &attributions);
    let (mut kept, mut fresh) = (Vec::new(), Vec::new());
    figures::check_with(&story, &scope, &mut kept, Some(cache.memo()));
    figures::check(&story, &scope, &mut fresh);
    prop_assert_eq!(kept, fresh, "unsourced figures");
    let kept_groups = Groups::read(&story, Some(cache.memo()));
    for si in 0..story.sentences.len() {
        let w = words(&story, si);
        prop_assert_eq!(
            kept_groups.find(&story, &scope, si, &w),
            groups::find(&story, &scope, si, &w),
            "vague groups of sentence {}",
            si
        );
    }
    Ok(())
}

/// Runs `edits` over `text` through one cache, as a test of its own.
fn assert_edits_equal_fresh(text: &str, edits: &[(&str, &str)]) {
    let engine = Engine::new(Config::default());
    for format in [SourceFormat::PlainText, SourceFormat::Markdown] {
        let mut text = text.to_string();
        let mut cache = DocumentCache::new();
        engine.check_incremental(&text, format, &mut cache);
        for (from, to) in edits {
            assert!(text.contains(from), "{from:?} is not in the text");
            text = text.replacen(from, to, 1);
            let fresh = engine.check(&text, format);
            let cached = engine.check_incremental(&text, format, &mut cache);
            assert_eq!(cached.findings, fresh.findings, "after {from:?} → {to:?}");
            assert_eq!(cached.ledger, fresh.ledger, "after {from:?} → {to:?}");
            if let Err(failure) = assert_same_pieces(&text, format, &mut cache) {
                panic!("after {from:?} → {to:?}: {failure}");
            }
        }
    }
}

#[test]
fn a_quotation_opened_in_an_earlier_paragraph_leaves_a_later_ones_pieces_alike() {
    // The last paragraphs' text never changes; a quotation left open before them may carry
    // into them. Their words are quoted by their own marks alone, which is why no key holds
    // the carried quotation: this holds the keys to that.
    assert_edits_equal_fresh(
        "The council met on Monday.\n\nThe mayor said the vote would wait.\n\nHalvorsen, the \
         treasurer, said Mr. Halvorsen’s budget was sound. Halvorsen left.\n\n“Halvorsen \
         has the numbers, Mr. Brandt said.\n\n“Brandt knows,” Halvorsen said.\n",
        &[
            ("the vote", "“the vote"),
            ("“the vote", "the vote"),
            ("Monday.", "Monday. “"),
        ],
    );
}

#[test]
fn market_copy_follows_the_market_words_of_every_paragraph() {
    // Whether the story is market copy is a count over all its paragraphs, kept per
    // paragraph: an edit in one paragraph can make or unmake market copy for the others,
    // where "dealers said" is the market's chorus or an unnamed source.
    assert_edits_equal_fresh(
        "Harbour shares fell as the index slipped.\n\nBond yields and prices rose.\n\n\
         Analysts said the levy would close the mill.\n",
        &[
            ("Bond yields and prices rose.", "The ferry left."),
            ("The ferry left.", "Bond yields and prices rose."),
            ("Harbour shares fell", "The harbour was quiet"),
        ],
    );
}

#[test]
fn a_figure_at_the_edge_of_a_neighbouring_paragraph_is_part_of_the_key() {
    // A vowel-less capitalised word is a name unless a figure stands beside it, even across a
    // paragraph break ("5\n\nDlrs"); a title ends a paragraph as a title only before a name.
    assert_edits_equal_fresh(
        "Lorna Quist runs the fund.\n\nIts losses came to 5\n\nBndt said the fund would \
         recover. Quist agreed.\n\nBndt left early, and the board met at 9\n\nMrk Quist \
         said nothing to Dr\n\nFelton Quist said the fund was sound. Quist blamed Bndt\n\n\
         12 staff left.\n",
        &[
            ("to 5", "to five"),
            ("to five", "to 5"),
            ("at 9", "at nine"),
            ("Its losses", "Bndt losses"),
            ("Felton Quist said", "felton Quist said"),
            ("felton Quist said", "Felton Quist said"),
            ("12 staff", "twelve staff"),
            ("twelve staff", "12 staff"),
        ],
    );
}

#[test]
fn a_dateline_or_a_name_introduced_earlier_changes_what_later_paragraphs_mean() {
    // The later paragraphs keep their text; the top matter and the roster around them change.
    assert_edits_equal_fresh(
        "Harbour deal stalls\n\nThe harbour talks stalled on Monday, officials said.\n\n\
         Okafor said the plan was dead. Okafour told reporters it would return.\n\n\
         “We will not back down,” one aide said.\n",
        &[
            ("Harbour deal stalls", "LAGOS, Nigeria (Reuters) -"),
            ("on Monday", "on Monday, Daniel Okafor said"),
            ("Daniel Okafor", "Daniel Okafour"),
            (
                "LAGOS, Nigeria (Reuters) -",
                "Harbour deal stalls\n\nBy Amara Okafor",
            ),
            ("” one aide said", "” Okafor said"),
        ],
    );
}

#[test]
fn a_surname_used_elsewhere_changes_how_a_kept_paragraph_reads_its_listener() {
    // "told Brill": one capitalised listener is an outlet unless the story has used the word
    // as a surname before it. The listener's paragraph keeps its text while the name comes
    // and goes before it, after it, and in the paragraph itself.
    assert_edits_equal_fresh(
        "Harbour talks stall\n\nThe talks stalled on Monday.\n\nA senior official told \
         Brill that the plan was dead.\n\nThe council met later.\n",
        &[
            ("stalled on Monday.", "stalled on Monday, Ann Brill said."),
            ("The council met later.", "The council met Tom Brill later."),
            ("stalled on Monday, Ann Brill said.", "stalled on Monday."),
            (
                "A senior official told",
                "Ann Brill left. A senior official told",
            ),
            ("Ann Brill left. A senior", "A senior"),
            ("The council met Tom Brill later.", "The council met later."),
            ("The talks stalled", "Sue Brill stalled"),
            ("Sue Brill stalled", "Sue brill stalled"),
        ],
    );
}

#[test]
fn the_scopes_word_facts_follow_each_paragraphs_own_text() {
    // Each edit changes one paragraph's words in a way the scope or the loaded speech tags read
    // (a study named, a commentator beside a name, words addressed to the reader, a line turned
    // to title case, a quotation around an artifact, a loaded verb, a figure, a poll named just
    // before a figure) while the paragraphs around it keep their text and
    // their place, so a piece kept under anything but the text reads stale.
    assert_edits_equal_fresh(
        "Port Levy Budget Vote\n\nThe council cut the harbour budget on Monday, officials \
         said.\n\nRenata Voss, a councillor, said the cut was needed. The figures came later.\n\n\
         Residents were not told why the budget fell.\n\nTurnout fell to 41% this year.\n\n\
         The harbour will close early.\n",
        &[
            (
                "The figures came later.",
                "A new study published later backed it.",
            ),
            (
                "Renata Voss, a councillor,",
                "Renata Voss, an analyst at Brill Capital,",
            ),
            ("were not told why", "were told in a memo why"),
            ("were told in a memo why", "were told in “a memo” why"),
            (
                "The harbour will close early.",
                "We will tell you more as our reporters learn it.",
            ),
            ("Port Levy Budget Vote", "Port Levy budget vote"),
            ("said the cut was needed", "insisted the cut was needed"),
            (
                "Renata Voss, an analyst",
                "Renata Voss, who boasted, an analyst",
            ),
            (
                "A new study published later backed it.",
                "The figures came later.",
            ),
        ],
    );
}

#[test]
fn a_keystroke_reads_only_the_touched_paragraphs_mentions_afresh() {
    let mut text = newsgen::story(11, 2_000);
    let engine = Engine::new(Config::default());
    let mut cache = DocumentCache::new();
    engine.check_incremental(&text, SourceFormat::Markdown, &mut cache);
    let middle = {
        let story = Story::new(&text, SourceFormat::Markdown);
        let span = story.paragraphs[story.paragraphs.len() / 2].span;
        char_floor(&text, (span.start + span.end) / 2)
    };
    text.insert(middle, 'x');
    engine.check_incremental(&text, SourceFormat::Markdown, &mut cache);
    // One piece per memoised kind (the attribution layer, the market words it counts, name
    // mentions, the words the name roster counts, source phrases,
    // anonymity clauses, judgement words, the scope's word facts, vague-attribution readings,
    // vague groups, quotation openings, figures, loaded speech tags, allegations, and the
    // attack read in the one source's words there), for the one paragraph the keystroke
    // touched.
    assert_eq!(cache.computed_last(), 15);
}

#[test]
fn a_configuration_reload_keeps_the_memo_but_not_what_the_old_configuration_read() {
    // The server keeps a document's cache when the desk's `.copydesk.toml` changes.
    let text = "Ferry fares rise\n\nA voice in the corridor said the fares would rise again. \
                The operator declined to comment.\n";
    let plain = Engine::new(Config::default());
    let mut desk = Config::default();
    desk.phrases.anonymous_sources = vec!["a voice in the corridor".to_string()];
    let desk = Engine::new(desk);
    let mut cache = DocumentCache::new();
    for engine in [&plain, &desk, &plain] {
        let cached = engine.check_incremental(text, SourceFormat::PlainText, &mut cache);
        let fresh = engine.check(text, SourceFormat::PlainText);
        assert_eq!(cached.findings, fresh.findings);
        assert_eq!(cached.ledger, fresh.ledger);
    }
    // The desk's description makes a source the defaults do not see.
    assert_ne!(
        plain.check(text, SourceFormat::PlainText).ledger,
        desk.check(text, SourceFormat::PlainText).ledger
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn incremental_analysis_equals_a_fresh_one(
        seed in any::<u64>(),
        words in 80usize..450,
        markdown in any::<bool>(),
        reuters in any::<bool>(),
        edits in proptest::collection::vec(edit(), 1..14),
    ) {
        let format = if markdown { SourceFormat::Markdown } else { SourceFormat::PlainText };
        let config = if reuters {
            Config::for_preset(HousePreset::Reuters)
        } else {
            Config::default()
        };
        run_edits(&Engine::new(config), format, newsgen::story(seed, words), &edits)?;
    }
}

#[test]
fn a_keystroke_rereads_only_the_paragraph_it_touched() {
    let mut text = newsgen::story(7, 2_000);
    let mut cache = DocumentCache::new();
    let (paragraphs, middle) = {
        let story = cache.story(&text, SourceFormat::Markdown);
        let paragraphs = story.paragraphs.len();
        (paragraphs, story.paragraphs[paragraphs / 2].span.end)
    };
    assert!(
        paragraphs > 20,
        "the generated story has {paragraphs} paragraphs"
    );
    // The generator repeats the odd paragraph; a repeat is read once.
    assert!((1..=paragraphs).contains(&cache.paragraphs_read_last()));
    text.insert(middle, 'x');
    cache.story(&text, SourceFormat::Markdown);
    assert_eq!(cache.paragraphs_read_last(), 1);
    // What the old version alone had is forgotten: one entry per distinct paragraph.
    assert!(cache.len() <= paragraphs);
}

#[test]
fn a_quotation_left_open_rereads_the_paragraphs_it_now_carries_into() {
    let mut text = String::from(
        "The council met on Monday.\n\nThe mayor said the vote would wait.\n\n“It will pass,” she said.\n\nNo date was set.\n",
    );
    let mut cache = DocumentCache::new();
    cache.story(&text, SourceFormat::PlainText);
    // An opening mark with no close carries the quote into the next paragraph, which must then
    // be read again even though its own text did not change.
    let at = text.find("the vote").unwrap_or(0);
    text.insert(at, '“');
    let fresh = Story::new(&text, SourceFormat::PlainText);
    let cached = cache.story(&text, SourceFormat::PlainText);
    assert_eq!(cached.quotes, fresh.quotes);
    assert!(cache.paragraphs_read_last() >= 2);
}

/// Real copy, which the generator does not imitate in every way (wire datelines, pasted
/// tables, odd quotation habits): each article of the corpora with the same kinds of edit,
/// through one cache per article. Skips when `../shared` is absent.
#[test]
fn incremental_analysis_equals_a_fresh_one_on_real_articles() {
    let mut paths = Vec::new();
    for (dir, every) in [
        (corpus_dir(), 1),
        (attributions_dir().map(|d| d.join("texts")), 8),
    ] {
        let Some(dir) = dir else {
            continue;
        };
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut found: Vec<_> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        found.sort();
        paths.extend(found.into_iter().step_by(every));
    }
    if paths.is_empty() {
        eprintln!("SKIP: no corpus in ../shared (set COPYDESK_CORPUS / COPYDESK_ATTRIBUTIONS)");
        return;
    }
    let engine = Engine::new(Config::default());
    // A keystroke, a sentence typed, an opening quotation mark left unclosed, a paragraph
    // break removed, a paragraph deleted, a name pasted over a word.
    let which = |text: &str| INSERTIONS.iter().position(|i| *i == text).unwrap_or(0);
    let edits = [
        Edit::Insert {
            at: 500,
            which: which("a"),
        },
        Edit::Insert {
            at: 300,
            which: which(" Two people familiar with the matter said the minister would resign."),
        },
        Edit::Insert {
            at: 250,
            which: which("“"),
        },
        Edit::Delete {
            at: 600,
            what: Stretch::ParagraphBreak,
        },
        Edit::Delete {
            at: 700,
            what: Stretch::Paragraph,
        },
        Edit::Replace {
            at: 400,
            what: Stretch::Word,
            which: which("Dr. Amara Okafor"),
        },
    ];
    for path in &paths {
        let Ok(text) = std::fs::read_to_string(path) else {
            continue;
        };
        if let Err(failure) = run_edits(&engine, SourceFormat::PlainText, text, &edits) {
            panic!("{}: {failure}", path.display());
        }
    }
    println!(
        "{} articles: every edited version equals a fresh analysis",
        paths.len()
    );
}
