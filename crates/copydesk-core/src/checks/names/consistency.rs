//! Findings from the roster: variants, first-name mismatches, ambiguous surnames and first
//! references.

use super::house::HouseStyle;
use super::lexicon::Lexicon;
use super::mentions::Mention;
use super::roster::{first_capital_dropped, Basis, Issue, IssueKind, Roster};
use super::similarity::{core, fold, Difference};
use crate::config::HousePreset;
use crate::finding::{Finding, Severity, SharedTexts};
use crate::rules::{
    NAME_AMBIGUOUS_SURNAME, NAME_FIRST_NAME_MISMATCH, NAME_FIRST_REFERENCE, NAME_VARIANT,
};
use crate::span::Span;
use crate::text::Story;
use foldhash::{HashSet, HashSetExt};

/// Says which of the two first names is the short one: "Daniel" after "Dan" is the full form,
/// not a short form of it; "Danny" after "Dan" is neither, nor "Binyamin" beside "Benjamin".
fn short_form_message(issue: &Issue) -> String {
    let lex = Lexicon::get();
    let (written, established) = (&issue.written, &issue.established);
    let relation = match (
        lex.are_nicknames(written, established),
        lex.is_formal_name(written),
        lex.is_formal_name(established),
    ) {
        (true, false, true) => format!("“{written}” is a short form of “{established}”"),
        (true, true, false) => format!("“{written}” is the full form of “{established}”"),
        _ => format!("“{written}” and “{established}” are two forms of one first name"),
    };
    if issue.basis == Basis::PublicFigure {
        format!(
            "{relation}; {} is widely published with “{established}”. Keep one form \
             throughout; if this is the house spelling, list it as `preferred` under \
             `[[names]]` in .copydesk.toml.",
            issue.person_name
        )
    } else {
        format!(
            "{relation}, the first name used for {}. Most styles keep one form throughout.",
            issue.person_name
        )
    }
}

/// A changed first name, measured against the story's first full name or a public figure's.
fn first_name_message(issue: &Issue) -> String {
    let (person, written, established) = (&issue.person_name, &issue.written, &issue.established);
    if issue.basis == Basis::PublicFigure {
        format!(
            "Here the first name is “{written}”, but the surname is that of {person}, a public \
             figure. If this is {person}, use “{established}”; if it is someone else, say who \
             they are."
        )
    } else {
        format!(
            "The story introduced {person} but here the first name is “{written}”. If this is \
             the same person, use “{established}”; if it is someone else, say how they are \
             related."
        )
    }
}

pub fn report(
    story: &Story,
    mentions: &[Mention],
    roster: &Roster,
    no_first_reference: &[String],
    house_spans: &[Span],
    house: &HouseStyle,
    out: &mut Vec<Finding>,
) {
    let mut shared = SharedTexts::default();
    let house_found = SpanSet::new(house_spans);
    for (n, issue) in roster.issues.iter().enumerate() {
        if house_found.overlaps(issue.span) {
            continue;
        }
        // "al-Zawahri" against the list's "al-Zawahiri": a spelling some house prefers is a
        // matter for that house's preset, not a misspelling of a public figure.
        if issue.basis == Basis::PublicFigure
            && (some_house_spells(&issue.written) || house.prefers(&issue.written))
        {
            continue;
        }
        let basis = match issue.basis {
            Basis::FirstFullReference => "as the story first names this person",
            Basis::Majority => "as the story spells it most often",
            Basis::PublicFigure => "as the name is widely published",
        };
        let finding = match issue.kind {
            // Newsroom standard N2 makes no exception for quotations: a quotation's spelling
            // is the writer's transcription, and a statement's own spelling is the rare case
            // the message names. Only a particle's hyphen ("al Assad") or a capital other
            // than the first stays a hint: houses and statements differ on those.
            IssueKind::Variant(diff) if roster.quoted_spellings.contains(&n) => {
                let mut f = variant_finding(
                    issue,
                    format!(
                        "“{}” inside this quotation is spelled differently from “{}” ({}), {}: \
                         {}. Unless the quotation is a written statement that spells the name \
                         its own way, use one form throughout.",
                        issue.written,
                        issue.established,
                        diff.describe(),
                        basis,
                        issue.person_name
                    ),
                );
                let convention = match diff {
                    Difference::Punctuation => core(&issue.established) != &*issue.established,
                    Difference::Capitalisation => {
                        !first_capital_dropped(&issue.written, &issue.established)
                    }
                    _ => false,
                };
                if convention {
                    f.severity = Severity::Hint;
                }
                f
            }
            IssueKind::Variant(diff) => variant_finding(
                issue,
                format!(
                    "“{}” looks like a misspelling of “{}” ({}), {}: {}. Check the spelling \
                     and use one form throughout.",
                    issue.written,
                    issue.established,
                    diff.describe(),
                    basis,
                    issue.person_name
                ),
            ),
            IssueKind::FirstName { nickname } => {
                let mut f = if nickname {
                    let mut f = Finding::new(
                        &NAME_FIRST_NAME_MISMATCH,
                        issue.span,
                        short_form_message(issue),
                    );
                    f.severity = Severity::Hint;
                    f
                } else {
                    Finding::new(
                        &NAME_FIRST_NAME_MISMATCH,
                        issue.span,
                        first_name_message(issue),
                    )
                };
                f = f.with_suggestion(issue.established.clone());
                if let Some(related) = issue.related {
                    f = f.with_related(
                        related,
                        format!("first named here as {}", issue.person_name),
                    );
                }
                f
            }
        };
        out.push(shared.share(finding));
    }
    ambiguous(story, mentions, roster, out);
    first_references(mentions, roster, no_first_reference, out);
}

/// Spans asked whether any overlaps a given one, in logarithmic time: a story can repeat both
/// a house-list spelling and a slip thousands of times, and comparing every pair was
/// quadratic.
struct SpanSet {
    /// Sorted by start.
    spans: Vec<Span>,
    /// The largest end among `spans[..=k]`.
    furthest_end: Vec<usize>,
}

impl SpanSet {
    fn new(spans: &[Span]) -> SpanSet {
        let mut spans = spans.to_vec();
        spans.sort_unstable_by_key(|s| s.start);
        let furthest_end = spans
            .iter()
            .scan(0, |furthest, s| {
                *furthest = s.end.max(*furthest);
                Some(*furthest)
            })
            .collect();
        SpanSet {
            spans,
            furthest_end,
        }
    }

    /// As `Span::overlaps` with any of the spans: one that starts before `span` ends and
    /// ends after it starts.
    fn overlaps(&self, span: Span) -> bool {
        let starting_before_end = self.spans.partition_point(|s| s.start < span.end);
        starting_before_end
            .checked_sub(1)
            .is_some_and(|last| self.furthest_end[last] > span.start)
    }
}

/// A spelling variant: the established spelling as the suggestion, and where it was set.
fn variant_finding(issue: &Issue, message: String) -> Finding {
    let f =
        Finding::new(&NAME_VARIANT, issue.span, message).with_suggestion(issue.established.clone());
    match issue.related {
        Some(related) => f.with_related(
            related,
            format!("established spelling: {}", issue.established),
        ),
        None => f,
    }
}

/// Whether any house preset prefers or lists this spelling of a name.
fn some_house_spells(written: &str) -> bool {
    let key = fold(core(written));
    HousePreset::ALL.iter().any(|preset| {
        preset.house_names().iter().any(|name| {
            std::iter::once(&name.preferred)
                .chain(&name.variants)
                .any(|spelling| fold(core(spelling)) == key)
        })
    })
}

fn ambiguous(story: &Story, mentions: &[Mention], roster: &Roster, out: &mut Vec<Finding>) {
    let mut reported: HashSet<String> = HashSet::new();
    for (i, people) in &roster.ambiguous {
        let m = &mentions[*i];
        // "pro-Quimby" names a stance, not a person to tell apart.
        if m.quoted || m.headline || m.title.is_some() || story.text(m.span).contains('-') {
            continue;
        }
        let written = m
            .words()
            .map(|w| w.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        if !reported.insert(fold(&written)) {
            continue;
        }
        let names: Vec<String> = people
            .iter()
            .filter_map(|&p| roster.people.get(p)?.full_name.clone())
            .collect();
        let mut f = Finding::new(
            &NAME_AMBIGUOUS_SURNAME,
            m.span,
            format!(
                "“{written}” could be {}. Use the full name or another way to tell them apart.",
                names.join(" or ")
            ),
        );
        for &p in people {
            if let Some(first) = roster.people.get(p).and_then(|person| person.first_full) {
                f = f.with_related(mentions[first].span, "named here");
            }
        }
        out.push(f);
    }
}

fn first_references(
    mentions: &[Mention],
    roster: &Roster,
    no_first_reference: &[String],
    out: &mut Vec<Finding>,
) {
    for person in &roster.people {
        let exempt = |s: &str| no_first_reference.iter().any(|n| *n == fold(s));
        if exempt(&person.surname)
            || exempt(core(&person.surname))
            || person.full_name.as_deref().is_some_and(exempt)
        {
            continue;
        }
        let first_body = person.mentions.iter().copied().find(|&i| {
            let m = &mentions[i];
            !m.headline
                && !m.quoted
                && !m.after_determiner()
                && !m.lowercase
                && !roster.family.contains(&i)
        });
        let Some(i) = first_body else {
            continue;
        };
        let m = &mentions[i];
        if m.is_full() || m.title.is_some() || m.given().is_some() {
            continue;
        }
        // A first name alone ("Hillary") is a style question for another rule.
        if person
            .given
            .as_deref()
            .is_some_and(|g| fold(g) == fold(&m.parts[0].text))
        {
            continue;
        }
        match person.first_full {
            Some(full) if full > i => {
                let name = person.full_name.clone().unwrap_or_default();
                out.push(
                    Finding::new(
                        &NAME_FIRST_REFERENCE,
                        m.span,
                        format!(
                            "First reference to {name} uses the surname alone; the full name \
                             comes only later. Give the full name on first reference."
                        ),
                    )
                    .with_related(mentions[full].span, "first full-name reference"),
                );
            }
            Some(_) => {}
            None => {
                let titled = person.mentions.iter().any(|&x| mentions[x].title.is_some());
                if !titled {
                    continue;
                }
                out.push(Finding::new(
                    &NAME_FIRST_REFERENCE,
                    m.span,
                    format!(
                        "“{}” is referred to by surname only and never named in full. Give \
                         the full name on first reference.",
                        person.surname
                    ),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Spans of every start and length in a small range, some nested and some empty, so
        /// that an overlap can come from an earlier, longer span.
        #[test]
        fn a_span_set_finds_the_overlaps_a_pairwise_search_finds(
            spans in proptest::collection::vec((0usize..40, 0usize..15), 0..12),
            (start, len) in (0usize..50, 0usize..6),
        ) {
            let spans: Vec<Span> = spans
                .into_iter()
                .map(|(start, len)| Span::new(start, start + len))
                .collect();
            let asked = Span::new(start, start + len);
            proptest::prop_assert_eq!(
                SpanSet::new(&spans).overlaps(asked),
                spans.iter().any(|s| s.overlaps(asked))
            );
        }
    }
}
