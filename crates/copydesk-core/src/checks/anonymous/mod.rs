//! Check family: anonymous sources.
//!
//! `detect` finds the unnamed-source phrases, `reasons` the anonymity clauses, `grouping` links
//! the mentions of one source and its clauses; this module turns them into findings.

mod attack;
mod detect;
mod grouping;
mod institutional;
mod layer;
mod lexicon;
mod mention;
mod reasons;
mod report;

use crate::attribution::layer::is_trade_voice;
use crate::attribution::{Attributions, SourceKind};
use crate::checks::{Check, Family};
use crate::config::{Config, MarketColour, NamedBodyOfficials};
use crate::finding::{Finding, SharedTexts};
use crate::incremental::Memo;
use crate::ledger::{self, AnonymityReason, Ledger, Unasked};
use crate::rules::{
    Rule, ANONYMITY_BOILERPLATE, ANONYMITY_UNEXPLAINED, ANONYMOUS_ATTACK, ANONYMOUS_MARKET_COLOUR,
    ANONYMOUS_SOURCE, ANONYMOUS_SOURCE_BARE, ANONYMOUS_SOURCE_UNCOUNTED,
};
use crate::span::Span;
use crate::text::Story;
use detect::Detector;
use foldhash::HashMap;
use grouping::Group;
use institutional::OnRecord;
use layer::Voice;
use mention::Mention;
use reasons::{Reason, ReasonFinder, ReasonKind};
use report::{Levels, Profile};
use smallvec::SmallVec;
use std::cell::OnceCell;

pub static RULES: &[&Rule] = &[
    &ANONYMOUS_SOURCE,
    &ANONYMITY_UNEXPLAINED,
    &ANONYMITY_BOILERPLATE,
    &ANONYMOUS_SOURCE_BARE,
    &ANONYMOUS_SOURCE_UNCOUNTED,
    &ANONYMOUS_ATTACK,
    &ANONYMOUS_MARKET_COLOUR,
];

pub static FAMILY: Family = Family {
    name: "anonymous sources",
    rules: RULES,
    build,
};

fn build(config: &Config) -> Box<dyn Check> {
    Box::new(Checker {
        detector: Detector::new(&config.phrases.anonymous_sources),
        reasons: ReasonFinder::new(&config.phrases.anonymity_reasons),
        levels: Levels::new(config, RULES),
        market_colour: config.preset.market_colour(),
        named_body_officials: config.anonymous.named_body_officials,
        own_outlet_words: config
            .own_outlets
            .iter()
            .flat_map(|name| name.split_whitespace())
            .map(str::to_lowercase)
            .filter(|word| word != "the")
            .collect(),
    })
}

struct Checker {
    detector: Detector,
    reasons: ReasonFinder,
    levels: Levels,
    market_colour: MarketColour,
    named_body_officials: NamedBodyOfficials,
    /// The name words of the desk's own outlets, lower-cased ("guardian", "observer").
    own_outlet_words: Vec<String>,
}

impl Check for Checker {
    fn check(&self, story: &Story, out: &mut Vec<Finding>) {
        self.check_attributed(story, &Attributions::read(story), out);
    }

    fn check_attributed(&self, story: &Story, attributions: &Attributions, out: &mut Vec<Finding>) {
        self.check_and_record(story, attributions, out, &mut Ledger::default());
    }

    fn check_and_record(
        &self,
        story: &Story,
        attributions: &Attributions,
        out: &mut Vec<Finding>,
        ledger: &mut Ledger,
    ) {
        self.check_with(story, attributions, out, ledger, None);
    }

    fn check_memoised(
        &self,
        story: &Story,
        attributions: &Attributions,
        out: &mut Vec<Finding>,
        ledger: &mut Ledger,
        memo: &mut Memo,
    ) {
        self.check_with(story, attributions, out, ledger, Some(memo));
    }
}

impl Checker {
    /// With a memo, the source phrases of paragraphs read before come from it.
    fn check_with(
        &self,
        story: &Story,
        attributions: &Attributions,
        out: &mut Vec<Finding>,
        ledger: &mut Ledger,
        mut memo: Option<&mut Memo>,
    ) {
        let mut found = Vec::new();
        let (reasons, judgements) = match memo.as_deref_mut() {
            Some(memo) => {
                self.detector.detect_memoised(story, memo, &mut found);
                // Read at once with a memo, where it costs a paragraph per keystroke; without
                // one, only when an attack is first looked for.
                let judgements = attack::Judgements::memoised(story, memo);
                (self.reasons.find(story, Some(memo)), Some(judgements))
            }
            None => {
                self.detector.detect(story, &mut found);
                (self.reasons.find(story, None), None)
            }
        };
        self.detector.detect_declared(story, &reasons, &mut found);
        layer::add_from_layer(story, attributions, &mut found);
        found.retain(|m| {
            !crate::attribution::relay::joined_to_named_speaker(story, m.span())
                && !layer::title_and_name_follow(story, m.span())
        });
        // Sources the house asks nothing of, by the span of their first mention: they are
        // grouped and entered in the ledger like any other, but get no finding.
        let mut unasked: HashMap<Span, Unasked> =
            layer::add_unnamed_voices(story, attributions, &mut found)
                .into_iter()
                .map(|(span, voice)| {
                    let why = match voice {
                        Voice::MarketColour => Unasked::MarketColour,
                        Voice::Bystander => Unasked::Bystander,
                    };
                    (span, why)
                })
                .collect();
        found.sort_by_key(|m| (m.span().start, m.span().end));
        // The list grew by doubling while the story was read; the grouping's own lists are
        // built beside it.
        found.shrink_to_fit();
        // Offices are taken out of the list in place: a copy of the rest would hold every
        // source twice.
        let mut institutions = Vec::new();
        found.retain(|m| match institutional::on_record(story, m) {
            Some(OnRecord::Office) => {
                institutions.push(m.clone());
                false
            }
            Some(OnRecord::BodyStaff) => {
                if self.named_body_officials == NamedBodyOfficials::OnRecord {
                    unasked.insert(m.span(), Unasked::OnRecordStaff);
                }
                true
            }
            None => true,
        });
        if ledger.is_kept() {
            record_institutions(story, &institutions, ledger);
        }
        let mut bodies_named = institutional::BodiesNamedBefore::new(story);
        for m in &mut found {
            if bodies_named.named_before(m) {
                m.set_affiliated();
            }
        }
        let (mentions, mut groups) = grouping::group(found, &reasons);
        grouping::fold_headline(&mentions, &mut groups, story.top_matter_end());
        grouping::attach_reasons(story, &mentions, &mut groups, &reasons);
        let markets_copy = attributions.is_markets_copy();
        let quiet_chorus = self.market_colour == MarketColour::Quiet && markets_copy;
        let layer_index = LayerIndex::read(story, attributions);
        // What each content inside a paragraph attacks, kept with the memo: most groups'
        // words are the same from one keystroke to the next.
        let mut kept_attacks = memo.map(|memo| memo.table::<attack::ContentKey, Option<String>>());
        if let Some(judgements) = judgements {
            // Empty until now, so the list is always taken.
            let _ = layer_index.judgements.set(judgements);
        }
        let mut market_voices: Vec<Span> = Vec::new();
        let mut texts = SharedTexts::default();
        // Most groups give one finding: room for them at once, not by doubling.
        out.reserve(groups.len());
        for group in groups.iter() {
            if named_after_lede(story, attributions, &mentions, &group, &reasons) {
                continue;
            }
            let first = mentions.get(group.first_mention());
            let colour = quiet_chorus && first.is_some_and(|m| is_market_chorus(story, m));
            let why = if colour {
                Some(Unasked::MarketColour)
            } else {
                first
                    .and_then(|m| unasked.get(&m.span()).copied())
                    // "a company official said. The official spoke on condition of
                    // anonymity": staff the story says it granted anonymity are no body
                    // speaking on the record.
                    .filter(|&why| !(why == Unasked::OnRecordStaff && group.has_reasons()))
            };
            match (why, first) {
                (None, _) => self.report_group(
                    story,
                    &layer_index,
                    &mentions,
                    &group,
                    &reasons,
                    &mut texts,
                    &mut kept_attacks,
                    out,
                ),
                // Outside market copy, "analysts said" about a war is not the market's
                // mood: still asked nothing, but no market-colour note either.
                (Some(Unasked::MarketColour), Some(m))
                    if markets_copy || is_trade_voice(m.head()) =>
                {
                    market_voices.push(m.span())
                }
                _ => {}
            }
            // Still who is in the story, even when the house does not ask the source for a
            // name, a reason or a number.
            if ledger.is_kept() {
                record_group(story, &mentions, &group, &reasons, why, ledger);
            }
        }
        if self.levels.is_on(&ANONYMOUS_MARKET_COLOUR) {
            out.extend(market_colour_note(story, &market_voices));
        }
    }
}

/// Most market voices quoted by name in the note; the rest are counted.
const MARKET_VOICES_NAMED: usize = 3;

/// The story's one note on its market colour: at the first market voice, the others related.
/// A market report quotes its chorus on every line, and a finding per line would bury the rest.
fn market_colour_note(story: &Story, voices: &[Span]) -> Option<Finding> {
    let (&first, rest) = voices.split_first()?;
    let mut wordings: Vec<String> = Vec::new();
    for &span in voices {
        let wording = format!("\"{}\"", story.text(span));
        if !wordings.contains(&wording) {
            wordings.push(wording);
        }
    }
    let named = wordings
        .iter()
        .take(MARKET_VOICES_NAMED)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    let more = wordings.len().saturating_sub(MARKET_VOICES_NAMED);
    let more = if more > 0 {
        format!(" and {more} more")
    } else {
        String::new()
    };
    let message = format!(
        "The story's market colour comes from unnamed market voices ({named}{more}; {} \
         mention{} in all). They need no reason for anonymity, but this desk asks for one to \
         be named, or counted and placed (\"dealers at two Frankfurt banks\").",
        voices.len(),
        if voices.len() == 1 { "" } else { "s" }
    );
    Some(rest.iter().fold(
        Finding::new(&ANONYMOUS_MARKET_COLOUR, first, message),
        |finding, &span| finding.with_related(span, "another unnamed market voice"),
    ))
}

/// Modifiers that make "sources" the market's chorus: "industry sources", "trade sources",
/// "oil market sources". "Banking sources" who report a closed meeting are insiders, not
/// colour, and stay.
const MARKET_CHORUS: &[&str] = &["industry", "trade", "market", "trading", "dealing"];

fn is_market_chorus(story: &Story, m: &Mention) -> bool {
    m.head() == "source"
        && m.basis().is_none()
        && (story.token_at_or_after(m.span().start)..story.tokens.len())
            .take_while(|&k| story.tokens[k].span().end <= m.span().end)
            .any(|k| MARKET_CHORUS.contains(&story.lower(k)))
}

/// Enters the institutions speaking on the record in the ledger as organisations, one entry
/// per wording ("harbour officials"), so the story's sourcing shows them beside the named
/// sources rather than losing them.
fn record_institutions(story: &Story, institutions: &[Mention], ledger: &mut Ledger) {
    let first_new = ledger.sources.len();
    for m in institutions {
        let label = story.text(m.span()).to_string();
        let wording = label.to_lowercase();
        let existing = ledger.sources[first_new..]
            .iter_mut()
            .find(|s| s.label.to_lowercase() == wording);
        match existing {
            Some(source) => source.mentions.push(m.span()),
            None => ledger.sources.push(ledger::Source {
                label,
                kind: crate::attribution::SourceKind::NamedOrganisation,
                mentions: vec![m.span()],
                reason: None,
                basis: None,
                count: None,
                plural: true,
                statements: Vec::new(),
                person: None,
                unasked: None,
            }),
        }
    }
}

/// How many sentences after the lede a delayed name may come.
const LEDE_NAME_REACH: usize = 2;

/// Whether a lede's lone source is named straight after: "…, a scientific adviser to the
/// environment department has said." then "Prof Jane Doe said the bill …"; "…, a company
/// official said." then "Jane Doe, a vice president, told a briefing …". Wire and
/// British copy hold the name back from the first sentence; the source is named, not
/// anonymous. Someone named there who is not the source (a minister answering in a letter) is
/// the price: editors' readings dropped seven such ledes for every one they kept.
fn named_after_lede(
    story: &Story,
    attributions: &Attributions,
    mentions: &[Mention],
    group: &Group,
    reasons: &[Reason],
) -> bool {
    let Some(first) = mentions.get(group.first_mention()) else {
        return false;
    };
    let lede_paragraph = story
        .sentences
        .iter()
        .find(|s| s.span().start >= story.top_matter_end())
        .map(|s| s.paragraph());
    let in_lede = story
        .sentences
        .get(first.sentence())
        .is_some_and(|s| Some(s.paragraph()) == lede_paragraph);
    // Only the lede's few sources go further, so the scan of reasons below stays linear in
    // the story however many sources it has.
    if !in_lede {
        return false;
    }
    let description = story.text(first.span()).to_lowercase();
    let lone_indefinite = !first.plural()
        && first.basis().is_none()
        && !matches!(first.head(), "source" | "insider" | "person")
        && (description.starts_with("a ") || description.starts_with("an "));
    let declared = reasons.iter().any(|r| r.sentence == first.sentence());
    if !lone_indefinite || group.has_reasons() || declared {
        return false;
    }
    let before_lede = story.text(crate::span::Span::new(0, first.span().start));
    attributions
        .iter_from(attributions.items_through_sentence(first.sentence()))
        .take_while(|a| a.sentence() <= first.sentence() + LEDE_NAME_REACH)
        // Someone who speaks, headed by their name: "Jane Doe agreed not to name the official"
        // is the newsroom's deed, not the source stepping forward, and "Ruth Dale's inquiry
        // disclosed" a document's finding.
        .filter(|a| {
            a.kind == crate::attribution::SourceKind::NamedPerson
                && a.head()
                    .and_then(|h| story.tokens.get(h))
                    .is_some_and(|t| t.is_capitalised())
                && !matches!(
                    story.lower(story.token_at_or_after(a.cue().end)),
                    "to" | "not"
                )
        })
        .filter_map(|a| a.source())
        // Someone named for the first time: not a person the story already had.
        .any(|name| {
            let surname = story.text(name).split_whitespace().last().unwrap_or("");
            !surname.is_empty() && !before_lede.contains(surname)
        })
}

/// Enters one unnamed source in the ledger, from the same profile its findings came from.
fn record_group(
    story: &Story,
    mentions: &[Mention],
    group: &Group,
    reasons: &[Reason],
    unasked: Option<Unasked>,
    ledger: &mut Ledger,
) {
    let Some(first) = mentions.get(group.first_mention()) else {
        return;
    };
    let p = profile(story, mentions, group, reasons);
    let label = story.text(first.span()).to_string();
    let count = head_count(&label, p.plural);
    // "Analysts said": a crowd of the market, uncounted, is a vague group; "one dealer" is a
    // person.
    let kind = if unasked == Some(Unasked::MarketColour) && p.plural && count.is_none() {
        crate::attribution::SourceKind::VagueGroup
    } else {
        crate::attribution::SourceKind::UnnamedPerson
    };
    ledger.sources.push(ledger::Source {
        count,
        label,
        kind,
        mentions: group
            .mentions()
            .filter_map(|m| mentions.get(m))
            .map(|m| m.span())
            .collect(),
        reason: p
            .reason
            .zip(p.reason_span)
            .map(|(kind, span)| AnonymityReason { span, kind }),
        basis: p.basis,
        plural: p.plural,
        statements: Vec::new(),
        person: None,
        unasked,
    });
}

/// How many people a source phrase counts: one for a singular source, the number word or
/// figure of a plural one ("two people", "3 officials"), none when a group is not counted.
fn head_count(phrase: &str, plural: bool) -> Option<u32> {
    if !plural {
        return Some(1);
    }
    const NUMBERS: [&str; 12] = [
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen",
    ];
    phrase
        .split(|c: char| !c.is_alphanumeric())
        .find_map(|word| {
            let lower = word.to_lowercase();
            NUMBERS
                .iter()
                .position(|n| *n == lower)
                .map(|i| i as u32 + 2)
                .or_else(|| word.parse::<u32>().ok().filter(|n| *n > 1))
        })
}

/// Words of a sentence that describe a source's position or access: "The sources are
/// librarians who attended the meeting", "They work for the port authority".
const DESCRIPTION_CUES: &[&str] = &[
    "work", "works", "worked", "working", "employed", "attended", "serve", "serves", "served",
    "present", "member", "members",
];

/// Whether the sentence after a source's first mention describes it: it opens with a
/// reference back to the source ("The sources", "They", "The official") and says where the
/// source works or how it knows. Then the source is not bare, though its own sentence is.
fn described_next(story: &Story, first: &Mention) -> bool {
    let next = first.sentence() + 1;
    if next >= story.sentences.len() {
        return false;
    }
    // The story's word view, not a lower-cased copy: this is asked once per source group.
    let tokens = story.sentences[next].tokens();
    let words = || {
        tokens
            .clone()
            .filter(|&k| story.tokens[k].is_word())
            .map(|k| story.lower(k))
    };
    let mut opening = words();
    let opens_with_reference = match opening.next() {
        Some("they" | "both" | "he" | "she") => true,
        Some("the" | "these" | "those" | "this" | "that") => opening
            .next()
            .and_then(lexicon::head_lemma)
            .is_some_and(|lemma| lemma == first.head() || matches!(lemma, "source" | "person")),
        _ => false,
    };
    if !opens_with_reference {
        return false;
    }
    let copula_then_relative = words()
        .skip(1)
        .take(3)
        .any(|w| matches!(w, "is" | "are" | "was" | "were"))
        && words().any(|w| matches!(w, "who" | "at" | "for" | "with"));
    copula_then_relative
        || words().any(|w| DESCRIPTION_CUES.contains(&w) || lexicon::BASIS_STARTERS.contains(&w))
}

fn profile(story: &Story, mentions: &[Mention], group: &Group, reasons: &[Reason]) -> Profile {
    let members = || group.mentions().filter_map(|m| mentions.get(m));
    // The best reason wins: an explanation over boilerplate over bare terms.
    let best = group
        .reasons()
        .filter_map(|r| reasons.get(r))
        .min_by_key(|r| match r.kind {
            ReasonKind::Explanation => 0,
            ReasonKind::Boilerplate => 1,
            ReasonKind::ConditionOnly => 2,
        });
    Profile {
        reason: best.map(|r| r.kind),
        reason_span: best.map(|r| r.span),
        basis: members().find_map(|m| m.basis()),
        affiliated: members().any(|m| m.affiliated() || m.basis().is_some())
            || members().next().is_some_and(|m| described_next(story, m)),
        counted: members().any(|m| m.counted()),
        plural: members().next().is_some_and(|m| m.plural()),
        relayed_by: None,
    }
}

/// The attribution layer as the reporting of source groups reads it, with the attributions whose
/// source spoke to another outlet ("a source told the Sunday Times") indexed once per story, so
/// that each group looks its own up by position instead of scanning every attribution (which
/// made a long story quadratic).
struct LayerIndex<'s> {
    story: &'s Story<'s>,
    attributions: &'s Attributions,
    /// (source span, outlet span, index in the layer), sorted by source start.
    items: Vec<(Span, Span, usize)>,
    longest_source: usize,
    /// The layer index of every attribution with a source and a content, sorted by source
    /// start. Indexes only, the spans read from the layer: a story that is all quoted speech
    /// has one per few words.
    spoken: Vec<u32>,
    longest_spoken: usize,
    /// The top matter and the whole prose lower-cased, made the first time an outlet is found.
    lowered: OnceCell<(String, String)>,
    /// Whether the story opens with a wire dateline that credits no agency, read once.
    wire_dateline: OnceCell<bool>,
    /// Where judgements could start, read the first time an attack is looked for.
    judgements: OnceCell<attack::Judgements>,
}

/// "the Herald, citing officials who were present", "the paper cited unnamed officials as
/// saying", "the Courier, quoting government sources": the sources an outlet cites reach the story through its reporting, as surely as a
/// source who "told" it. Returns the start of what is cited (where the cited sources' phrase
/// begins) and the outlet.
fn cited_by_outlet(story: &Story, a: &crate::attribution::Attribution) -> Option<(Span, Span)> {
    if a.kind != SourceKind::Media
        || !story.text(a.cue()).rsplit(' ').next().is_some_and(|verb| {
            matches!(
                verb.to_lowercase().as_str(),
                "citing" | "cited" | "quoting" | "quoted"
            )
        })
    {
        return None;
    }
    let cited = a.content().filter(|c| !c.is_empty())?;
    Some((Span::new(cited.start, cited.start + 1), a.source()?))
}

impl<'s> LayerIndex<'s> {
    fn read(story: &'s Story<'s>, attributions: &'s Attributions) -> Self {
        let mut items: Vec<(Span, Span, usize)> = attributions
            .iter()
            .enumerate()
            .filter_map(|(i, a)| {
                let told = a.source().zip(a.relayed_by());
                let (source, outlet) = told.or_else(|| cited_by_outlet(story, &a))?;
                Some((source, outlet, i))
            })
            .collect();
        items.sort_by_key(|&(source, _, i)| (source.start, i));
        let longest_source = items.iter().map(|(s, ..)| s.len()).max().unwrap_or(0);
        let source_of = |i: u32| attributions.source_of(i as usize);
        // The layer has fewer than 4 Gi items: the tokeniser stops at 4 GiB of text.
        let mut spoken: Vec<u32> = attributions
            .iter()
            .zip(0..u32::MAX)
            .filter(|(a, _)| a.content().is_some() && a.source().is_some())
            .map(|(_, i)| i)
            .collect();
        spoken.sort_by_key(|&i| (source_of(i).map(|s| s.start), i));
        // Collected through a filter, so grown by doubling: a story that is all sources would
        // keep up to twice the room for as long as the report runs.
        spoken.shrink_to_fit();
        let longest_spoken = spoken
            .iter()
            .filter_map(|&i| source_of(i))
            .map(|s| s.len())
            .max()
            .unwrap_or(0);
        LayerIndex {
            story,
            attributions,
            items,
            longest_source,
            spoken,
            longest_spoken,
            lowered: OnceCell::new(),
            wire_dateline: OnceCell::new(),
            judgements: OnceCell::new(),
        }
    }

    /// The person `mention` attacks in what the layer reads it as saying, if any.
    fn attack_target(
        &self,
        mention: &Mention,
        kept: &mut Option<attack::KeptAttacks>,
    ) -> Option<String> {
        let judgements = self
            .judgements
            .get_or_init(|| attack::Judgements::new(self.story));
        attack::target(
            self.story,
            judgements,
            self.contents_for(mention),
            mention,
            kept,
        )
    }

    /// The contents, in the layer's order, of the attributions of `mention`'s sentence whose
    /// source overlaps it. A binary search, not a walk over the sentence: a sentence that
    /// never ends can hold thousands of sources.
    fn contents_for(&self, mention: &Mention) -> Vec<Span> {
        let span = mention.span();
        let sentence = self.attributions.sentence_range(mention.sentence());
        // Every index in `spoken` has a source; a missing one reads as past the story's end.
        let source_of = |i: u32| {
            self.attributions
                .source_of(i as usize)
                .unwrap_or(Span::new(usize::MAX, usize::MAX))
        };
        let end = self
            .spoken
            .partition_point(|&i| source_of(i).start < span.end);
        let mut found: Vec<usize> = self.spoken[..end]
            .iter()
            .rev()
            .map(|&i| (source_of(i), i as usize))
            .take_while(|(source, _)| source.start + self.longest_spoken > span.start)
            .filter(|(source, i)| source.overlaps(span) && sentence.contains(i))
            .map(|(_, i)| i)
            .collect();
        found.sort_unstable();
        found
            .into_iter()
            .filter_map(|i| self.attributions.get(i)?.content())
            .collect()
    }

    /// The outlet of the first attribution, in the layer's order, whose source overlaps `span`.
    fn outlet_for(&self, span: Span) -> Option<Span> {
        let end = self
            .items
            .partition_point(|(source, ..)| source.start < span.end);
        self.items[..end]
            .iter()
            .rev()
            .take_while(|(source, ..)| source.start + self.longest_source > span.start)
            .filter(|(source, ..)| source.overlaps(span))
            .min_by_key(|&&(.., i)| i)
            .map(|&(_, outlet, _)| outlet)
    }

    /// The source on the record in whose account every mention of `group` stands: "the
    /// minister said two aides had told her the plan was dead". The speaker answers for the
    /// people they relay, as another outlet does for its sources, and the story can add no
    /// reason or description the speaker did not give.
    fn relayed_on_record(&self, mentions: &[Mention], group: &Group) -> Option<Span> {
        let mut speaker = None;
        for m in group.mentions().filter_map(|m| mentions.get(m)) {
            speaker = Some(crate::attribution::relay::speaker_relaying(
                self.story,
                self.attributions,
                m.sentence(),
                m.span(),
            )?);
        }
        speaker
    }

    /// The other outlet a source group spoke to, from the layer's reading of its mentions. An
    /// outlet the story itself credits in its dateline or top matter ("(Reuters) -" … "a source
    /// told Reuters"), or one the desk names as its own (`own_outlets`), is the story's own, not
    /// another's.
    fn other_outlet(
        &self,
        mentions: &[Mention],
        group: &Group,
        own_outlet_words: &[String],
    ) -> Option<Span> {
        let outlet = group
            .mentions()
            .filter_map(|m| mentions.get(m))
            .find_map(|m| self.outlet_for(m.span()))?;
        let story = self.story;
        let (top, lower_prose) = self.lowered.get_or_init(|| {
            let prose = story.prose();
            let top = prose.get(..story.top_matter_end()).unwrap_or("");
            (top.to_lowercase(), prose.to_lowercase())
        });
        // The outlet's own name words ("Reuters", "Associated Press"), not "the" or "site".
        let credited = story
            .text(outlet)
            .split_whitespace()
            .skip_while(|w| w.eq_ignore_ascii_case("the"))
            .take_while(|w| w.chars().next().is_some_and(char::is_uppercase))
            .map(|w| w.trim_end_matches("'s").trim_end_matches("’s"))
            .map(str::to_lowercase)
            .any(|name| {
                top.contains(&name)
                    || lower_prose.contains(&format!("({name})"))
                    || own_outlet_words.contains(&name)
                    || (WIRE_AGENCY_WORDS.contains(&name.as_str())
                        && *self
                            .wire_dateline
                            .get_or_init(|| opens_with_wire_dateline(story)))
            });
        (!credited).then_some(outlet)
    }
}

/// The name words of the wire agencies whose archived copy drops the agency from its dateline.
const WIRE_AGENCY_WORDS: &[&str] = &["reuters", "ap", "associated", "afp", "upi"];

/// Longest dateline read: a city, a month and a day ("SAN FRANCISCO, Sept 30").
const DATELINE_BYTES: usize = 48;

/// Whether the story's first paragraph opens with a wire dateline that credits no agency:
/// "WASHINGTON, Feb 26 - ". Agencies' archives and feeds strip their own name from it, so in
/// such copy "told Reuters" is the wire speaking of itself. A dateline with its agency, "(AP)",
/// is read as a credit already.
fn opens_with_wire_dateline(story: &Story) -> bool {
    let prose = story.prose();
    let body = prose
        .get(story.top_matter_end()..)
        .unwrap_or("")
        .trim_start();
    // Only the opening is read: a search of the whole story for a dash would cost its length
    // for every source the story credits to an outlet.
    let mut end = body.len().min(DATELINE_BYTES + " -- ".len());
    while !body.is_char_boundary(end) {
        end -= 1;
    }
    let body = &body[..end];
    let Some((dateline, _)) = [" - ", " -- ", " — ", " – "]
        .iter()
        .filter_map(|dash| body.split_once(dash))
        .min_by_key(|(before, _)| before.len())
    else {
        return false;
    };
    let Some((city, date)) = dateline.split_once(", ") else {
        return false;
    };
    let city_is_capitals = !city.is_empty()
        && city.chars().any(char::is_alphabetic)
        && city
            .chars()
            .all(|c| c.is_uppercase() || matches!(c, ' ' | '.' | '\'' | '-'));
    let mut date_words = date.split(' ');
    let month = date_words.next().unwrap_or("");
    let day = date_words.next().unwrap_or("");
    dateline.len() <= DATELINE_BYTES
        && city_is_capitals
        && crate::attribution::phrase::is_month(month)
        && !day.is_empty()
        && day.len() <= 2
        && day.bytes().all(|b| b.is_ascii_digit())
        && date_words.next().is_none()
}

/// The note on a source with nothing missing: what kind of source it is, and what the story
/// says about its anonymity and its access, each only when the rule asking for it is on.
fn describe(story: &Story, levels: &Levels, first: &Mention, p: &Profile) -> String {
    let kind = match first.head() {
        "official" | "diplomat" | "investigator" | "prosecutor" | "staffer" | "employee"
        | "executive" | "negotiator" => "an unnamed official or employee",
        "aide" | "adviser" | "ally" | "associate" | "friend" | "confidant" | "loyalist"
        | "insider" | "strategist" | "operative" | "donor" => "an unnamed aide, ally or insider",
        "lawmaker" | "senator" | "member" | "democrat" | "republican" => {
            "an unnamed lawmaker or party member"
        }
        "attendee" | "participant" | "organizer" => "an unnamed participant",
        _ if p.basis.is_some() => "an unnamed source described by access",
        _ => "an unnamed source",
    };
    let group = if p.plural { " (a group)" } else { "" };
    let reason = match p.reason {
        Some(ReasonKind::Explanation) => "a reason for anonymity is given",
        Some(ReasonKind::Boilerplate) if !levels.is_on(&ANONYMITY_BOILERPLATE) => {
            "a reason for anonymity is given (a formula the house accepts)"
        }
        Some(ReasonKind::Boilerplate) => "the only reason for anonymity is a stock phrase",
        Some(ReasonKind::ConditionOnly) => "the story grants anonymity but does not say why",
        None => "no reason for anonymity is given",
    };
    let basis = match p.basis {
        Some(span) => format!("basis of knowledge: \"{}\"", story.text(span)),
        None => "no basis of knowledge (how the source knows) is given".to_string(),
    };
    let mut told = Vec::new();
    if levels.is_on(&ANONYMITY_UNEXPLAINED) || levels.is_on(&ANONYMITY_BOILERPLATE) {
        told.push(reason.to_string());
    }
    if levels.is_on(&ANONYMOUS_SOURCE_BARE) {
        told.push(basis);
    }
    if told.is_empty() {
        format!("\"{}\" is {kind}{group}.", story.text(first.span()))
    } else {
        format!(
            "\"{}\" is {kind}{group}: {}.",
            story.text(first.span()),
            told.join("; ")
        )
    }
}

impl Checker {
    #[allow(clippy::too_many_arguments)]
    fn report_group(
        &self,
        story: &Story,
        layer_index: &LayerIndex,
        mentions: &[Mention],
        group: &Group,
        reasons: &[Reason],
        texts: &mut SharedTexts,
        kept_attacks: &mut Option<attack::KeptAttacks>,
        out: &mut Vec<Finding>,
    ) {
        let Some(first) = mentions.get(group.first_mention()) else {
            return;
        };
        let mut p = profile(story, mentions, group, reasons);
        p.relayed_by = layer_index
            .other_outlet(mentions, group, &self.own_outlet_words)
            .or_else(|| layer_index.relayed_on_record(mentions, group));
        // Inline for the usual group of one mention.
        let attacks: SmallVec<[Option<String>; 1]> = group
            .mentions()
            .filter_map(|m| mentions.get(m))
            .map(|m| layer_index.attack_target(m, kept_attacks))
            .collect();
        let reported = out.len();
        report::report(
            story,
            &self.levels,
            mentions,
            group,
            &p,
            || describe(story, &self.levels, first, &p),
            &attacks,
            out,
        );
        // One copy of each message: a story that repeats one source phrase gives thousands
        // of findings worded alike.
        for finding in &mut out[reported..] {
            texts.share_in_place(finding);
        }
    }
}

#[cfg(test)]
mod tests;
