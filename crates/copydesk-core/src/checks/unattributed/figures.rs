//! `unsourced-figure`: statistics and record claims in paragraphs that cite no source.

use super::lexicon::{self as lx};
use super::scope::{each_word, words, Scope, Word, Words};
use crate::finding::Finding;
use crate::incremental::Memo;
use crate::lexicon::function_words as fw;
use crate::rules::UNSOURCED_FIGURE;
use crate::span::Span;
use crate::text::{Paragraph, Story, TextId, TokenKind};

pub fn check(story: &Story, scope: &Scope, out: &mut Vec<Finding>) {
    check_with(story, scope, out, None);
}

/// What a paragraph's own words say to this rule: whether it names a poll, survey or report,
/// and its first figure (relative to the paragraph's start). A function of the paragraph's
/// text, so a document's memo keeps it under that text; whether the figure is reported also
/// depends on the scope and the paragraph before, which are read afresh.
#[derive(Clone)]
struct FigureFacts {
    names_source: bool,
    figure: Option<(Span, &'static str)>,
}

#[derive(Hash, PartialEq, Eq)]
struct FigureFactsKey {
    text: TextId,
}

/// A poll, survey or report named in the paragraph carries the figures of this paragraph and
/// the next ("In a poll released Monday, …" / "Among Republicans, 27 percent …").
fn names_source(story: &Story, para: &Paragraph) -> bool {
    para.sentences.clone().any(|si| {
        each_word(story, si)
            .any(|x| !x.quoted && (x.in_list(&lx::SOURCE_NOUNS) || x.in_list(FIGURE_SOURCES)))
    })
}

/// A sentence is read for a figure only when some word could start one: a quick scan spares
/// the full reading of every sentence without any, one giant sentence included.
fn first_figure(story: &Story, para: &Paragraph) -> Option<(Span, &'static str)> {
    para.sentences
        .clone()
        .filter(|&si| each_word(story, si).any(|x| may_start_figure(&x)))
        .find_map(|si| find_figure(&words(story, si)))
}

/// [`check`], taking each paragraph's [`FigureFacts`] from `memo` when a paragraph with the
/// same text was read before.
pub fn check_with(story: &Story, scope: &Scope, out: &mut Vec<Finding>, memo: Option<&mut Memo>) {
    let mut table = memo.map(|memo| memo.table::<FigureFactsKey, FigureFacts>());
    let mut previous_names_source = false;
    for (p, para) in story.paragraphs.iter().enumerate() {
        let kept = table.as_mut().map(|table| {
            table
                .get_or_compute(
                    FigureFactsKey {
                        text: story.text_id(p),
                    },
                    || FigureFacts {
                        names_source: names_source(story, para),
                        figure: first_figure(story, para).map(|(span, what)| {
                            let base = para.span.start.min(span.start);
                            (Span::new(span.start - base, span.end - base), what)
                        }),
                    },
                )
                .clone()
        });
        let names_source = match &kept {
            Some(kept) => kept.names_source,
            None => names_source(story, para),
        };
        let covered = names_source || previous_names_source;
        previous_names_source = names_source;
        if covered
            || scope.paragraph_attributed(p)
            || scope.is_headline_like(p)
            || scope.is_boilerplate(p)
        {
            continue;
        }
        let figure = match kept {
            Some(kept) => kept
                .figure
                .map(|(span, what)| (span.shifted(para.span.start), what)),
            None => first_figure(story, para),
        };
        if let Some((span, what)) = figure {
            out.push(Finding::new(
                &UNSOURCED_FIGURE,
                span,
                format!("{what} with no source in its paragraph: say where the number comes from (AP, BBC: attribute statistics)."),
            ));
        }
    }
}

/// Words that show a figure comes from a count or survey.
const FIGURE_SOURCES: &[&str] = &[
    "respondents",
    "polled",
    "surveyed",
    "polling",
    "pollster",
    "pollsters",
    "tally",
    "tallies",
    "ballots",
    "precincts",
    "exit",
    "filings",
    "disclosures",
    "receipts",
];

/// Whether [`find_figure`] could start a figure at `x`: every figure it finds starts at an
/// unquoted number, currency sign, "record", "all-time" or superlative.
fn may_start_figure(x: &Word) -> bool {
    if x.quoted {
        return false;
    }
    match x.kind {
        TokenKind::Number => true,
        TokenKind::Punct => matches!(x.lower().as_str(), "$" | "€" | "£" | "¥"),
        TokenKind::Word => {
            let lower = x.lower();
            lower.starts_with("record")
                || lx::same_word(&lower, "all-time")
                || lx::contains(&lx::SUPERLATIVES, &lower)
        }
    }
}

/// The first statistic or record claim outside quotations that is not routine: its span and
/// what it is.
fn find_figure(w: &Words) -> Option<(Span, &'static str)> {
    for (i, x) in w.iter().enumerate() {
        if x.quoted {
            continue;
        }
        let next = w.get(i + 1).filter(|n| !n.quoted);
        let after = w.get(i + 2).filter(|n| !n.quoted);
        match x.kind {
            TokenKind::Number => {
                if x.lower().ends_with('%') {
                    if !routine_percentage(w, i) {
                        return Some((x.span(), "A percentage"));
                    }
                    continue;
                }
                if let Some(n) = next {
                    if matches!(n.lower().as_str(), "percent" | "per" | "pct" | "percentage")
                        && (n.lower() != "per" || after.is_some_and(|a| a.is("cent")))
                    {
                        if routine_percentage(w, i) {
                            continue;
                        }
                        let end = if n.lower() == "per" {
                            after.map(|a| a.span().end)
                        } else {
                            Some(n.span().end)
                        };
                        return Some((
                            Span::new(x.span().start, end.unwrap_or(n.span().end)),
                            "A percentage",
                        ));
                    }
                    if n.in_list(&lx::CURRENCY_WORDS)
                        && estimated_sum(w, i)
                        && !routine_sum(w, i, i + 1)
                    {
                        return Some((Span::new(x.span().start, n.span().end), "A sum of money"));
                    }
                }
            }
            TokenKind::Punct if matches!(x.lower().as_str(), "$" | "€" | "£" | "¥") => {
                if let Some(n) = next.filter(|n| n.kind == TokenKind::Number) {
                    let scaled = after.filter(|a| {
                        matches!(a.lower().as_str(), "million" | "billion" | "trillion")
                    });
                    let last = if scaled.is_some() { i + 2 } else { i + 1 };
                    if !estimated_sum(w, i) || routine_sum(w, i, last) {
                        continue;
                    }
                    let end = scaled.map(|a| a.span().end).unwrap_or(n.span().end);
                    return Some((Span::new(x.span().start, end), "A sum of money"));
                }
            }
            TokenKind::Word => {
                if let Some(span) = record_claim(w, i) {
                    return Some((span, "A record claim"));
                }
            }
            TokenKind::Punct => {}
        }
    }
    None
}

/// A sum from `first` to `last` that is a price, fee or pay, or a figure worn as an adjective
/// ("a £40m office block", "the $15bn fund"): the story states it, nobody disputes it.
fn routine_sum(w: &Words, first: usize, last: usize) -> bool {
    // "will cost €48m", "expected to cost": a projection is an estimate someone made, not a
    // price on the counter.
    let priced = (first.saturating_sub(3)..first).any(|j| {
        let projected = w.at(j).lower().starts_with("cost")
            && j.checked_sub(1)
                .and_then(|k| w.get(k))
                .is_some_and(|m| m.is("to") || m.in_list(fw::MODALS));
        !w.at(j).quoted && w.at(j).in_list(&lx::PRICE_WORDS) && !projected
    });
    if priced {
        return true;
    }
    // Skip a unit written apart from the number: "£8.7 m", "$15 bn".
    let mut k = last + 1;
    if w.get(k)
        .is_some_and(|u| matches!(u.lower().as_str(), "m" | "bn" | "k" | "mn" | "mln" | "bln"))
    {
        k += 1;
    }
    let next = w.get(k).filter(|n| !n.quoted);
    // "£85 a ticket", "$20 per month", "$360-per-month"
    let per_unit = next.is_some_and(|n| matches!(n.lower().as_str(), "a" | "per" | "each" | "-"))
        && w.get(k + 1).is_some_and(|u| u.is_word());
    let attributive = first
        .checked_sub(1)
        .and_then(|j| w.get(j))
        .is_some_and(|d| opens_noun_phrase(&d.lower()) || d.lower().ends_with("'s"))
        && next.is_some_and(|n| n.is_word() && !n.in_list(&lx::NOT_NOUNS_AFTER_FIGURE));
    per_unit || attributive
}

fn opens_noun_phrase(word: &str) -> bool {
    matches!(
        word,
        "a" | "an" | "the" | "its" | "his" | "her" | "their" | "this" | "our" | "whose"
    )
}

/// A percentage that is a published rate or a market's move ("interest rates at 4.75%",
/// "sent the euro up 0.6%"), a company's own or a deal's arithmetic ("sales were 18% below",
/// "will make up 22% of the group's assets"), a target or a settlement ("a 25% reduction", "a
/// wage rise of 30 pct"), or the speaker's own figure in the first person ("80% of my costs"):
/// the story states it, or its owner is plain, so a source note is noise.
fn routine_percentage(w: &Words, i: usize) -> bool {
    let unquoted = |b: &Word| !b.quoted;
    w.slice(i.saturating_sub(8)..i)
        .iter()
        .filter(unquoted)
        .any(|b| b.in_list(&lx::RATE_AND_MARKET_WORDS))
        || w.iter()
            .filter(unquoted)
            .any(|b| b.in_list(&lx::OWN_FIGURE_WORDS) || b.in_list(FIRST_PERSON))
}

/// A sum that is somebody's estimate or valuation — a loss, a waste, a fortune, a projected
/// cost — rather than a price, a deal or a fee the story simply states: only those need their
/// source named (a transfer fee or a results figure does not).
fn estimated_sum(w: &Words, first: usize) -> bool {
    (first.saturating_sub(3)..first).any(|j| {
        let Some(b) = w.get(j).filter(|b| !b.quoted) else {
            return false;
        };
        let projected_cost = b.lower().starts_with("cost")
            && j.checked_sub(1)
                .and_then(|k| w.get(k))
                .is_some_and(|m| m.is("to") || m.in_list(fw::MODALS));
        b.in_list(&lx::ESTIMATE_WORDS) || projected_cost
    })
}

const FIRST_PERSON: &[&str] = &["i", "my", "we", "our", "me", "us"];

fn record_claim(w: &Words, i: usize) -> Option<Span> {
    let x = &w.at(i);
    let prev = i.checked_sub(1).and_then(|j| w.get(j));
    let next = w.get(i + 1).filter(|n| !n.quoted);
    if x.is("record") || x.lower().starts_with("record-") {
        if x.lower().starts_with("record-") {
            return Some(x.span());
        }
        let as_adjective = next.is_some_and(|n| {
            n.kind == TokenKind::Number
                || matches!(
                    n.lower().as_str(),
                    "high"
                        | "highs"
                        | "low"
                        | "lows"
                        | "number"
                        | "numbers"
                        | "level"
                        | "levels"
                        | "amount"
                        | "turnout"
                        | "year"
                        | "profit"
                        | "profits"
                        | "sales"
                        | "loss"
                        | "losses"
                        | "temperatures"
                        | "heat"
                        | "crowd"
                        | "crowds"
                        | "sum"
                        | "total"
                        | "pace"
                        | "rate"
                        | "deficit"
                        | "surplus"
                        | "haul"
                        | "fundraising"
                        | "share"
                        | "growth"
                        | "demand"
                        | "prices"
                )
        });
        let preceded = prev.is_some_and(|p| {
            matches!(
                p.lower().as_str(),
                "a" | "new"
                    | "all-time"
                    | "another"
                    | "set"
                    | "sets"
                    | "setting"
                    | "broke"
                    | "break"
                    | "breaking"
                    | "broken"
                    | "hit"
                    | "hits"
                    | "reached"
            )
        });
        let blocked = prev.is_some_and(|p| p.in_list(&lx::RECORD_NOT_STATISTIC) && !p.is("the"));
        if (as_adjective || preceded) && !blocked {
            return Some(x.span());
        }
        return None;
    }
    if x.is("all-time")
        && next.is_some_and(|n| matches!(n.lower().as_str(), "high" | "low" | "record"))
    {
        return next.map(|n| Span::new(x.span().start, n.span().end));
    }
    if x.in_list(&lx::SUPERLATIVES) {
        let n = next?;
        // "the highest since 1990", "the most ever", "the lowest on record", "highest level since"
        let mut k = i + 1;
        if !matches!(n.lower().as_str(), "since" | "ever" | "on") {
            k += 1;
        }
        let tail = w.get(k).filter(|t| !t.quoted)?;
        let ends = match tail.lower().as_str() {
            "since" => w.get(k + 1).is_some_and(|y| {
                y.kind == TokenKind::Number
                    || y.cap
                    || matches!(y.lower().as_str(), "the" | "records" | "at")
            }),
            "ever" => true,
            "on" => w.get(k + 1).is_some_and(|y| y.is("record")),
            _ => false,
        };
        if ends {
            let end = w
                .get(k + 1)
                .map(|y| y.span().end)
                .unwrap_or(tail.span().end);
            return Some(Span::new(x.span().start, end));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::checks::unattributed::tests::findings_of;

    #[test]
    fn figures_without_a_source_are_hinted() {
        assert_eq!(
            findings_of("Rents rose 14 percent last year.", "unsourced-figure"),
            ["14 percent"]
        );
        assert_eq!(
            findings_of("Sales hit a record high in March.", "unsourced-figure"),
            ["record"]
        );
        assert_eq!(
            findings_of("The fund lost $3 billion in a week.", "unsourced-figure"),
            ["$3 billion"]
        );
        assert_eq!(
            findings_of(
                "Unemployment fell to its lowest level since 2001.",
                "unsourced-figure"
            ),
            ["lowest level since 2001"]
        );
    }

    #[test]
    fn prices_rates_and_market_moves_are_routine() {
        for text in [
            "Tickets for the three-day festival cost £85.",
            "Classes are £40 a session and fill up fast.",
            "The band bought a £2m farmhouse near the coast.",
            "The party's £30bn housing fund was its main pledge.",
            "The central bank left its main interest rate at 3.5% for a fourth month.",
            "The news sent the pound up 0.8% against the euro.",
            "The winner of the race takes home $50,000 from the prize fund.",
            "The court ordered him to pay back £50,000.",
            "The striker joined the club for £40m in the summer.",
            "Sales at the chain were 18% below the same period a year ago.",
            "The bank will make up 22% of the group's total assets.",
            "About 80% of my costs are wages.",
            "The firm plans a 25% reduction in emissions by 2030.",
        ] {
            assert!(findings_of(text, "unsourced-figure").is_empty(), "{text}");
        }
        // A figure that is a claim about the world, or a projection, still needs its source.
        assert_eq!(
            findings_of("The new bridge will cost £40 million.", "unsourced-figure"),
            ["£40 million"]
        );
        assert_eq!(
            findings_of(
                "The singer is said to be worth $40 million.",
                "unsourced-figure"
            ),
            ["$40 million"]
        );
        assert_eq!(
            findings_of(
                "The scheme wasted £2 million last year.",
                "unsourced-figure"
            ),
            ["£2 million"]
        );
    }

    #[test]
    fn sourced_figures_and_other_records_are_not() {
        for text in [
            "Rents rose 14 percent last year, the housing office said.",
            "The survey found 40% of tenants behind on rent.",
            "He has a criminal record and a long voting record.",
            "The council met at 7 p.m. on March 3, 2015.",
            "Rents rose. According to the county, the rise was 14 percent.",
            "A poll released Monday put the mayor at 41 percent.\n\nAmong renters, 60 percent back her.",
        ] {
            assert!(findings_of(text, "unsourced-figure").is_empty(), "{text}");
        }
    }
}
