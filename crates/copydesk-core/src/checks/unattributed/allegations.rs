//! `unattributed-allegation`: accusations of wrongdoing against a named person or body that
//! the sentence does not put in anyone's mouth.

use super::lexicon::{self as lx};
use super::scope::{each_word, is_photo_caption, words, Scope, Word, Words};
use crate::finding::Finding;
use crate::incremental::Memo;
use crate::rules::UNATTRIBUTED_ALLEGATION;
use crate::span::Span;
use crate::text::{Story, TextId, TokenKind};

/// Capitalised words that start sentences without naming anyone.
const NOT_NAMES: &[&str] = &[
    "the", "a", "an", "in", "on", "at", "but", "and", "or", "this", "that", "these", "those",
    "some", "many", "most", "it", "its", "if", "when", "while", "after", "before", "as", "since",
    "because", "although", "though", "yet", "so", "for", "to", "of", "with", "by", "from", "there",
    "here", "what", "who", "whether", "how", "why", "one", "no", "not", "now", "then", "still",
    "also", "even", "both", "all", "each", "other", "others", "i", "we", "you", "someone",
    "somebody", "nobody", "everyone", "anyone",
];

const PRONOUNS: &[&str] = &["he", "she", "they"];

/// Words that make the sentence about an allegation, not an allegation: a denial, a question,
/// a condition.
const HEDGES: &[&str] = &[
    "not",
    "never",
    "no",
    "whether",
    "if",
    "denied",
    "denies",
    "deny",
    "denying",
    "false",
    "falsely",
    "baseless",
    "unfounded",
    "n't",
    "didn't",
    "wasn't",
    "hasn't",
    "isn't",
    "unsubstantiated",
    "unproven",
    "wild",
    "dismiss",
    "dismisses",
    "dismissed",
    "reject",
    "rejects",
    "rejected",
    "rebuffed",
    "rebutted",
    "refuted",
    "refutes",
];

/// Verbs whose subject makes the accusation that follows: "Roe repeated accusations that".
const ACCUSER_VERBS: &[&str] = &[
    "repeated", "repeats", "leveled", "levelled", "levels", "made", "makes", "renewed", "echoed",
    "raised", "lodged", "filed", "brought", "voiced", "pressed", "aired", "hurled",
];

/// Per sentence, whether one of `findings` lies within it. A bit per sentence rather than a
/// copy of the spans: a story of hedges has a vague finding every few words.
pub fn sentences_holding(story: &Story, findings: &[Finding]) -> Vec<bool> {
    let mut holding = vec![false; story.sentences.len()];
    for finding in findings {
        if let Some(s) = story.sentence_at(finding.span().start) {
            if story.sentences[s].span().covers(finding.span()) {
                holding[s] = true;
            }
        }
    }
    holding
}

/// What a paragraph's allegations are read from: its text alone.
#[derive(PartialEq, Eq, Hash)]
struct AllegationsKey {
    text: TextId,
}

/// The allegation each sentence of a paragraph makes, if any, relative to the paragraph's
/// start: the part of the rule that reads only the sentence's words (and, for a passive
/// charge, whether the paragraph is legal copy). Whether the story attributes the sentence is
/// asked afresh.
type ParagraphAllegations = Vec<Option<Span>>;

fn read_paragraph(story: &Story, p: usize) -> ParagraphAllegations {
    let Some(paragraph) = story.paragraphs.get(p) else {
        return Vec::new();
    };
    // Asked once per paragraph, so a long paragraph full of charges stays linear.
    let mut legal: Option<bool> = None;
    paragraph
        .sentences
        .clone()
        .map(|si| {
            let w = words(story, si);
            if w.iter().any(|x| !x.quoted && x.in_list(HEDGES)) {
                return None;
            }
            let span = find_allegation(&w)?;
            // "Roe is accused of arson" in a story about his trial: the charge, a public
            // record, is the source (AP).
            let passive = story.text(span).to_lowercase().contains("accused");
            if passive && *legal.get_or_insert_with(|| paragraph_is_legal(story, p)) {
                return None;
            }
            let base = paragraph.span.start;
            Some(Span::new(
                span.start - base.min(span.start),
                span.end - base.min(span.end),
            ))
        })
        .collect()
}

/// `vague`: per sentence, whether it already has a vague-attribution finding
/// ([`sentences_holding`]). With a memo, each paragraph's reading is kept under its text.
pub fn check(
    story: &Story,
    scope: &Scope,
    vague: &[bool],
    out: &mut Vec<Finding>,
    memo: Option<&mut Memo>,
) {
    let mut table = memo.map(|memo| memo.table::<AllegationsKey, ParagraphAllegations>());
    for (p, paragraph) in story.paragraphs.iter().enumerate() {
        let wanted = |si: usize| {
            !(scope.sentence_attributed(si)
                || scope.is_headline_like(p)
                || scope.is_boilerplate(p)
                || is_photo_caption(story, si)
                || vague.get(si).copied().unwrap_or(false))
        };
        // Most paragraphs have no sentence left to read: theirs are attributed or hedged.
        if !paragraph.sentences.clone().any(wanted) {
            continue;
        }
        let fresh;
        let allegations = match table.as_mut() {
            Some(table) => table.get_or_compute(
                AllegationsKey {
                    text: story.text_id(p),
                },
                || read_paragraph(story, p),
            ),
            None => {
                fresh = read_paragraph(story, p);
                &fresh
            }
        };
        for (si, allegation) in paragraph.sentences.clone().zip(allegations) {
            let Some(span) = allegation else {
                continue;
            };
            if !wanted(si) {
                continue;
            }
            out.push(Finding::new(
                &UNATTRIBUTED_ALLEGATION,
                span.shifted(paragraph.span.start),
                "An accusation of wrongdoing with no source in the sentence: say who makes it (police, prosecutors, a lawsuit, a named accuser) and whether it is proven (AP, BBC).",
            ));
        }
    }
}

fn paragraph_is_legal(story: &Story, p: usize) -> bool {
    story.paragraphs.get(p).is_some_and(|para| {
        para.sentences.clone().any(|si| {
            each_word(story, si)
                .any(|x| !x.quoted && x.in_list(&lx::LEGAL_CONTEXT) && !x.is("accused"))
        })
    })
}

fn is_named(x: &Word) -> bool {
    x.is_word() && !x.quoted && x.cap && !x.in_list(NOT_NAMES)
}

/// The word right before the verb, across auxiliaries and adverbs, is a name: "Roe
/// embezzled", "Acme Corp had illegally dumped".
fn subject_is_named(w: &Words, i: usize) -> bool {
    let mut k = i;
    while k > 0 {
        let y = &w.at(k - 1);
        if y.quoted || !y.is_word() {
            return false;
        }
        if matches!(
            y.lower().as_str(),
            "had" | "has" | "have" | "also" | "then" | "allegedly" | "secretly" | "repeatedly"
        ) || (y.lower().ends_with("ly") && !y.cap)
        {
            k -= 1;
            continue;
        }
        return is_named(y);
    }
    false
}

/// Whether sentence `si` holds an accusation this rule reads (of a named person or body).
pub(super) fn alleges(story: &Story, si: usize) -> bool {
    find_allegation(&words(story, si)).is_some()
}

fn find_allegation(w: &Words) -> Option<Span> {
    for (i, x) in w.iter().enumerate() {
        if x.quoted || x.kind != TokenKind::Word {
            continue;
        }
        let before = &w.slice(i.saturating_sub(8)..i);
        // "Smith is accused of", "the company stands accused of"
        if x.is("accused") && w.get(i + 1).is_some_and(|n| n.is("of")) {
            let passive = i >= 1
                && (w.at(i - 1).in_list(&lx::PASSIVE_AUXILIARIES)
                    || matches!(
                        w.at(i - 1).lower().as_str(),
                        "also" | "now" | "widely" | "repeatedly"
                    ));
            let target = before
                .iter()
                .any(|y| is_named(&y) || (!y.quoted && y.in_list(PRONOUNS)));
            if passive && target {
                let start = if w.at(i - 1).is("also") || w.at(i - 1).is("now") {
                    i.saturating_sub(2)
                } else {
                    i - 1
                };
                return Some(Span::new(w.at(start).span().start, w.at(i + 1).span().end));
            }
        }
        // "allegations that Smith diverted funds", "accusations of bribery against Acme"
        if matches!(
            x.lower().as_str(),
            "allegations" | "allegation" | "accusations" | "accusation"
        ) && w
            .get(i + 1)
            .is_some_and(|n| n.is("that") || n.is("of") || n.is("against"))
        {
            let owned = i >= 1
                && (w.at(i - 1).lower().ends_with("'s")
                    || w.at(i - 1).lower().ends_with("s'")
                    || w.at(i - 1).in_list(ACCUSER_VERBS)
                    || (i >= 2 && w.at(i - 2).in_list(ACCUSER_VERBS))
                    || matches!(
                        w.at(i - 1).lower().as_str(),
                        "his" | "her" | "their" | "its" | "these" | "those" | "such" | "the"
                    ));
            let target = w
                .slice(i + 2..(i + 10).min(w.len()))
                .iter()
                .any(|y| is_named(&y));
            if !owned && target {
                return Some(Span::new(x.span().start, w.at(i + 1).span().end));
            }
        }
        // "Roe embezzled", "the firm illegally diverted"
        let wrongdoing = x.in_list(&lx::WRONGDOING_VERBS)
            || (x.in_list(&lx::WRONGDOING_ADVERBS)
                && w.get(i + 1)
                    .is_some_and(|n| n.is_word() && n.lower().ends_with("ed")));
        if wrongdoing && subject_is_named(w, i) {
            let end = if x.in_list(&lx::WRONGDOING_ADVERBS) {
                w.at(i + 1).span().end
            } else {
                x.span().end
            };
            return Some(Span::new(x.span().start, end));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::checks::unattributed::tests::findings_of;

    #[test]
    fn accusations_in_the_reporter_voice_are_flagged() {
        assert_eq!(
            findings_of(
                "Councilman Jed Pike is accused of steering contracts to his brother.",
                "unattributed-allegation"
            ),
            ["is accused of"]
        );
        assert_eq!(
            findings_of(
                "Treasurer Ann Lowe embezzled funds for years.",
                "unattributed-allegation"
            ),
            ["embezzled"]
        );
        assert_eq!(
            findings_of(
                "Acme Corp illegally dumped waste in the river.",
                "unattributed-allegation"
            ),
            ["illegally dumped"]
        );
    }

    #[test]
    fn sourced_denied_or_unnamed_accusations_are_not() {
        for text in [
            "Prosecutors said Councilman Jed Pike steered contracts to his brother.",
            "Pike is accused of steering contracts, according to the indictment.",
            "Pike denied that he embezzled anything.",
            "Someone is accused of stealing the bell.",
            "Her allegations against the mayor were heard on Monday.",
            "Pike is accused of arson. His trial opens in May.",
        ] {
            assert!(
                findings_of(text, "unattributed-allegation").is_empty(),
                "{text}"
            );
        }
    }
}
