//! Check family: anonymous sources.
//!
//! `detect` finds the unnamed-source phrases, `reasons` the anonymity clauses, `grouping` links
//! the mentions of one source and its clauses; this module turns them into findings.

mod detect;
mod grouping;
mod layer;
mod lexicon;
mod reasons;

use crate::attribution::Attributions;
use crate::checks::{Check, Family};
use crate::config::Config;
use crate::finding::Finding;
use crate::ledger::{self, AnonymityReason, Ledger};
use crate::rules::{
    Rule, ANONYMITY_BOILERPLATE, ANONYMITY_UNEXPLAINED, ANONYMOUS_ATTACK, ANONYMOUS_SOURCE,
    ANONYMOUS_SOURCE_BARE, ANONYMOUS_SOURCE_UNCOUNTED,
};
use crate::span::Span;
use crate::text::Story;
use detect::{Detector, Mention};
use grouping::Group;
use reasons::{Reason, ReasonFinder, ReasonKind};

pub static RULES: &[&Rule] = &[
    &ANONYMOUS_SOURCE,
    &ANONYMITY_UNEXPLAINED,
    &ANONYMITY_BOILERPLATE,
    &ANONYMOUS_SOURCE_BARE,
    &ANONYMOUS_SOURCE_UNCOUNTED,
    &ANONYMOUS_ATTACK,
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
    })
}

struct Checker {
    detector: Detector,
    reasons: ReasonFinder,
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
        let mut found = Vec::new();
        let reasons = self.reasons.find(story);
        self.detector.detect(story, &mut found);
        self.detector.detect_declared(story, &reasons, &mut found);
        layer::add_from_layer(story, attributions, &mut found);
        found.sort_by_key(|m| (m.span.start, m.span.end));
        let (mentions, mut groups) = grouping::group(found, &reasons);
        grouping::fold_headline(&mentions, &mut groups, story.top_matter_end());
        grouping::attach_reasons(&mentions, &mut groups, &reasons);
        for group in &groups {
            report_group(story, &mentions, group, &reasons, out);
            record_group(story, &mentions, group, &reasons, ledger);
        }
    }
}

/// Enters one unnamed source in the ledger, from the same profile its findings came from.
fn record_group(
    story: &Story,
    mentions: &[Mention],
    group: &Group,
    reasons: &[Reason],
    ledger: &mut Ledger,
) {
    let Some(first) = group.mentions.first().and_then(|&m| mentions.get(m)) else {
        return;
    };
    let p = profile(mentions, group, reasons);
    let label = story.text(first.span).to_string();
    ledger.sources.push(ledger::Source {
        count: head_count(&label, p.plural),
        label,
        kind: crate::attribution::SourceKind::UnnamedPerson,
        mentions: group
            .mentions
            .iter()
            .filter_map(|&m| mentions.get(m))
            .map(|m| m.span)
            .collect(),
        reason: p
            .reason
            .zip(p.reason_span)
            .map(|(kind, span)| AnonymityReason { span, kind }),
        basis: p.basis,
        plural: p.plural,
        statements: Vec::new(),
        person: None,
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

/// What the story tells the reader about one source.
struct Profile {
    reason: Option<ReasonKind>,
    reason_span: Option<Span>,
    basis: Option<Span>,
    affiliated: bool,
    counted: bool,
    plural: bool,
}

fn profile(mentions: &[Mention], group: &Group, reasons: &[Reason]) -> Profile {
    let members = || group.mentions.iter().filter_map(|&m| mentions.get(m));
    // The best reason wins: an explanation over boilerplate over bare terms.
    let best = group
        .reasons
        .iter()
        .filter_map(|&r| reasons.get(r))
        .min_by_key(|r| match r.kind {
            ReasonKind::Explanation => 0,
            ReasonKind::Boilerplate => 1,
            ReasonKind::ConditionOnly => 2,
        });
    Profile {
        reason: best.map(|r| r.kind),
        reason_span: best.map(|r| r.span),
        basis: members().find_map(|m| m.basis),
        affiliated: members().any(|m| m.affiliated || m.basis.is_some()),
        counted: members().any(|m| m.counted),
        plural: members().next().is_some_and(|m| m.plural),
    }
}

fn describe(story: &Story, first: &Mention, p: &Profile) -> String {
    let kind = match first.head.as_str() {
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
        Some(ReasonKind::Boilerplate) => "the only reason for anonymity is a stock phrase",
        Some(ReasonKind::ConditionOnly) => "the story grants anonymity but does not say why",
        None => "no reason for anonymity is given",
    };
    let basis = match p.basis {
        Some(span) => format!("basis of knowledge: \"{}\"", story.text(span)),
        None => "no basis of knowledge (how the source knows) is given".to_string(),
    };
    format!(
        "\"{}\" is {kind}{group}: {reason}; {basis}.",
        story.text(first.span)
    )
}

fn report_group(
    story: &Story,
    mentions: &[Mention],
    group: &Group,
    reasons: &[Reason],
    out: &mut Vec<Finding>,
) {
    let Some(first) = group.mentions.first().and_then(|&m| mentions.get(m)) else {
        return;
    };
    let p = profile(mentions, group, reasons);
    let description = describe(story, first, &p);
    let with_links = |mut finding: Finding, this: Span| {
        if first.span != this {
            finding = finding.with_related(first.span, "first mention of this source");
        }
        if let Some(span) = p.reason_span {
            finding = finding.with_related(span, "anonymity clause for this source");
        }
        for &m in &group.mentions {
            if let Some(other) = mentions.get(m) {
                if other.span != this && other.span != first.span {
                    finding = finding.with_related(other.span, "another mention of this source");
                }
            }
        }
        finding
    };
    for &m in &group.mentions {
        let Some(mention) = mentions.get(m) else {
            continue;
        };
        let message = if mention.span == first.span {
            description.clone()
        } else {
            format!(
                "\"{}\" refers back to the unnamed source first described as \"{}\".",
                story.text(mention.span),
                story.text(first.span)
            )
        };
        out.push(with_links(
            Finding::new(&ANONYMOUS_SOURCE, mention.span, message),
            mention.span,
        ));
        if mention.attack_cue || delivers_attack(story, mention) {
            out.push(with_links(
                Finding::new(
                    &ANONYMOUS_ATTACK,
                    mention.span,
                    format!(
                        "\"{}\" is unnamed but delivers an opinion or attack on a named person: \
                         name the critic or report the facts behind the opinion.",
                        story.text(mention.span)
                    ),
                ),
                mention.span,
            ));
        }
    }
    let span = first.span;
    let text = story.text(span);
    match p.reason {
        None => out.push(with_links(
            Finding::new(
                &ANONYMITY_UNEXPLAINED,
                span,
                format!(
                    "The story does not say why \"{text}\" is not named. Tell readers why \
                     anonymity was granted, in this sentence or the next."
                ),
            ),
            span,
        )),
        Some(ReasonKind::ConditionOnly) => out.push(with_links(
            Finding::new(
                &ANONYMITY_UNEXPLAINED,
                span,
                format!(
                    "The story says \"{text}\" spoke on condition of anonymity but not why. \
                     Give the reason anonymity was granted."
                ),
            ),
            span,
        )),
        Some(ReasonKind::Boilerplate) => out.push(with_links(
            Finding::new(
                &ANONYMITY_BOILERPLATE,
                span,
                format!(
                    "The only reason given for not naming \"{text}\" is a stock phrase. Say \
                     what the source risks by being named."
                ),
            ),
            span,
        )),
        Some(ReasonKind::Explanation) => {}
    }
    if !p.affiliated && p.basis.is_none() && lexicon::BARE_HEADS.contains(&first.head.as_str()) {
        out.push(with_links(
            Finding::new(
                &ANONYMOUS_SOURCE_BARE,
                span,
                format!(
                    "\"{text}\" says neither whom the source works for nor how they know. \
                     Describe the source's position or access."
                ),
            ),
            span,
        ));
    }
    if p.plural && !p.counted {
        out.push(with_links(
            Finding::new(
                &ANONYMOUS_SOURCE_UNCOUNTED,
                span,
                format!("\"{text}\" does not say how many sources there are. Give a number."),
            ),
            span,
        ));
    }
}

/// Whether the sentence of `mention` carries opinion or insult words aimed at someone named
/// (a capitalised name outside the source phrase).
fn delivers_attack(story: &Story, mention: &Mention) -> bool {
    let Some(sentence) = story.sentences.get(mention.sentence) else {
        return false;
    };
    let tokens = &story.tokens[sentence.tokens.clone()];
    let mut pejorative = false;
    let mut named = false;
    for (k, t) in tokens.iter().enumerate() {
        if mention.span.overlaps(t.span) {
            continue;
        }
        let word = story.text(t.span);
        let lower = word.to_lowercase();
        if lexicon::PEJORATIVES.contains(&lower.as_str()) {
            pejorative = true;
        }
        if k > 0
            && t.is_capitalised()
            && t.is_word()
            && crate::attribution::phrase::may_be_name_word(&lower)
            && !tokens[k - 1].span.is_empty()
            && story.text(tokens[k - 1].span) != "."
        {
            named = true;
        }
    }
    pejorative && named
}

#[cfg(test)]
mod tests;
