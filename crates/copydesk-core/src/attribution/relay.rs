//! Who answers for a source named inside someone else's account: "the minister said two aides
//! had told her the plan was dead". The speaker on the record relays the people in what they
//! say, as another outlet does for its sources; the story can give no reason or description for
//! them that the speaker did not. People who speak together with a named person ("Okafor and
//! two strategists agreed") are on the record with that person.

use super::phrase::{is_name_token, speaks_by_name_elsewhere, MAX_NAME_WORDS};
use super::{Attributions, CueKind, SourceKind};
use crate::lexicon::verbs::{self, VerbClass};
use crate::span::Span;
use crate::text::Story;

/// The source on the record whose report, in sentence `sentence`, holds `span` as one of the
/// people it tells of, if any. The report must be plain speech ("said", "told", "claimed") by a
/// named person, body or office holder, run straight on into the people (no comma or
/// conjunction that starts a clause of the story's own: ", officials said", "while a cabinet
/// minister urged"), and they must be the subject of what follows ("two aides had told her",
/// "critics who feared").
pub fn speaker_relaying(
    story: &Story,
    attributions: &Attributions,
    sentence: usize,
    span: Span,
) -> Option<Span> {
    let follows = what_follows(story, span)?;
    attributions
        .in_sentence(sentence)
        .find(|outer| {
            outer.cue().end <= span.start
                // ", said a senior envoy who had been briefed": straight after a cue, a
                // relative clause is no sign the phrase is anyone's subject.
                && (follows == Follows::Verb
                    || story.token_at_or_after(outer.cue().end)
                        != story.token_at_or_after(span.start))
                && matches!(
                    outer.cue_kind,
                    CueKind::Verb(VerbClass::Neutral | VerbClass::Loaded)
                )
                // "Polls showed that few voters thought": a poll or a report answers for
                // the people whose views it finds.
                && matches!(
                    outer.kind,
                    SourceKind::NamedPerson
                        | SourceKind::NamedOrganisation
                        | SourceKind::OfficeHolder
                        | SourceKind::Media
                )
                && outer
                    .content()
                    .is_some_and(|c| c.start <= span.start && span.end <= c.end)
                && reported_straight_on(story, outer.cue().end, span.start)
                && outer.source().is_some_and(|s| {
                    !story.in_top_matter(s.start) && speaks_through(story, s, outer.cue())
                })
        })
        .and_then(|outer| outer.source())
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Follows {
    /// "two aides had told her", "people already thought".
    Verb,
    /// "critics who feared".
    RelativeClause,
}

/// What makes `span` a subject after it, if anything: a verb or a restrictive relative clause.
/// Nothing for ", said a senior envoy.", where the phrase is an inverted cue's own
/// source, whoever the layer hung the cue on.
fn what_follows(story: &Story, span: Span) -> Option<Follows> {
    let next = story.token_at_or_after(span.end);
    let k = (next..story.tokens.len().min(next + 3)).find(|&k| {
        !matches!(
            story.lower(k),
            "already" | "also" | "still" | "now" | "often" | "never" | "not"
        )
    })?;
    let word = story.lower(k);
    if !story.tokens[k].is_word() {
        return None;
    }
    if AUXILIARIES.contains(&word)
        || verbs::lookup(word).is_some_and(|v| v.is_finite())
        || word.ends_with("ed")
    {
        Some(Follows::Verb)
    } else if k == next && matches!(word, "who" | "which") {
        Some(Follows::RelativeClause)
    } else {
        None
    }
}

const AUXILIARIES: &[&str] = &[
    "had", "have", "has", "would", "will", "could", "might", "may", "were", "was", "are", "is",
    "did", "do", "does",
];

/// Whether `source` is the subject of `cue`: the cue follows it at once or after an apposition
/// ("Ms Lee, who chairs the inquiry, said"). Not "Ms Lee warned the leader not to move, said an
/// official", where the layer may hang the inverted cue on her.
fn speaks_through(story: &Story, source: Span, cue: Span) -> bool {
    let next = story.token_at_or_after(source.end);
    next == story.token_at_or_after(cue.start) || story.token_text(next) == ","
}

/// Whether the words from byte `from` to `to` carry a report straight on into what it reports.
fn reported_straight_on(story: &Story, from: usize, to: usize) -> bool {
    (story.token_at_or_after(from)..story.token_at_or_after(to)).all(|k| {
        !matches!(
            story.lower(k),
            "," | ";"
                | ":"
                | "—"
                | "–"
                | "-"
                | "("
                | "and"
                | "but"
                | "while"
                | "whereas"
                | "although"
                | "though"
                | "as"
                | "where"
                | "when"
        )
    })
}

/// "Albanese and key strategists agreed", "Albanese and two aides said", "Ruth Baird and
/// campaigners said": people who speak together with a named person are on the record with
/// them, whether the phrase at `span` holds the name or follows it. The name must open its
/// clause and be one the story gives speaking on its own elsewhere ("Albanese said"), not a
/// sentence's first noun ("Diplomats and officials said"), an adjective ("Congressional and
/// financial sources said", "Chinese and Australian diplomats") or a place a clause ends on
/// ("the vote was held in Leeds and two officials said").
pub fn joined_to_named_speaker(story: &Story, span: Span) -> bool {
    let first = story.token_at_or_after(span.start);
    let end = story.token_at_or_after(span.end);
    let and = if first > 0 && story.lower(first - 1) == "and" {
        first - 1
    } else {
        match (first + 1..end).find(|&k| story.lower(k) == "and") {
            Some(and) => and,
            None => return false,
        }
    };
    if and == 0
        || !is_name_token(story, and - 1)
        || story
            .tokens
            .get(and + 1)
            .is_some_and(|t| t.is_capitalised())
    {
        return false;
    }
    let mut name_start = and - 1;
    while name_start > 0
        && and - name_start < MAX_NAME_WORDS
        && is_name_token(story, name_start - 1)
    {
        name_start -= 1;
    }
    let opens_clause = name_start == 0
        || matches!(
            story.token_text(name_start - 1),
            "," | ";" | ":" | "—" | "–"
        )
        || story
            .sentence_at(story.tokens[name_start].span().start)
            .and_then(|s| story.sentences.get(s))
            .is_some_and(|s| s.tokens().start == name_start);
    opens_clause && speaks_by_name_elsewhere(story, and - 1)
}
