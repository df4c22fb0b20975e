//! Linking the mentions of one unnamed source ("four sources briefed on the matter" … "two of
//! the sources" … "the sources said"), and attaching anonymity clauses to them.

use super::detect::{Mention, StandIn};
use super::lexicon;
use super::reasons::Reason;
use crate::span::narrow;
use crate::text::Story;

/// One unnamed source or group, with its mentions (indices into the mention list, in order)
/// and its anonymity clauses (indices into the reason list).
///
/// Sixteen bytes for the usual group of one mention and no clause, with nothing on the heap:
/// a story can hold a source every few words, and each is a group while the story is read.
#[derive(Debug, Clone)]
pub struct Group {
    first: u32,
    more: Option<Box<GroupRest>>,
}

/// What few groups have: a second mention, an anonymity clause.
#[derive(Debug, Clone, Default)]
struct GroupRest {
    mentions: Vec<u32>,
    reasons: Vec<u32>,
}

impl Group {
    /// A group of one mention, with no clause yet.
    pub fn new(first_mention: usize) -> Group {
        Group {
            first: narrow(first_mention),
            more: None,
        }
    }

    pub fn first_mention(&self) -> usize {
        self.first as usize
    }

    /// Its mentions, the first one first.
    pub fn mentions(&self) -> impl DoubleEndedIterator<Item = usize> + '_ {
        let more = self.more.as_deref().map_or(&[][..], |m| &m.mentions[..]);
        std::iter::once(self.first as usize).chain(more.iter().map(|&m| m as usize))
    }

    pub fn push_mention(&mut self, mention: usize) {
        self.rest().mentions.push(narrow(mention));
    }

    pub fn reasons(&self) -> impl Iterator<Item = usize> + '_ {
        let reasons = self.more.as_deref().map_or(&[][..], |m| &m.reasons[..]);
        reasons.iter().map(|&r| r as usize)
    }

    pub fn has_reasons(&self) -> bool {
        self.more.as_ref().is_some_and(|m| !m.reasons.is_empty())
    }

    pub fn push_reason(&mut self, reason: usize) {
        self.rest().reasons.push(narrow(reason));
    }

    /// Takes in another group's mentions (after its own) and clauses.
    fn absorb(&mut self, other: &Group) {
        let rest = self.rest();
        rest.mentions.extend(other.mentions().map(narrow));
        rest.reasons.extend(other.reasons().map(narrow));
    }

    fn rest(&mut self) -> &mut GroupRest {
        self.more.get_or_insert_with(Box::default)
    }
}

/// How far back (in sentences) a definite back-reference looks for its antecedent.
const BACK_REFERENCE_WINDOW: usize = 12;

/// How far back a bare "one" or "another" looks: it carries no noun of its own to check, so
/// only a group still in the reader's mind can be meant.
const STAND_IN_WINDOW: usize = 3;

/// Groups mentions: a definite mention ("the official", "these people") joins the latest
/// earlier group with a compatible head within a few sentences; any other mention starts a
/// group. Definite mentions with no antecedent are dropped: they usually refer back to a
/// named person ("the senator said"). Returns the groups and the kept mentions.
pub fn group(mut mentions: Vec<Mention>, reasons: &[Reason]) -> (Vec<Mention>, Vec<Group>) {
    // At most one group per mention: sized once, as a story of one repeated source phrase
    // would otherwise hold up to twice its groups' room.
    let mut groups: Vec<Group> = Vec::with_capacity(mentions.len());
    let mut group_of: Vec<u32> = Vec::with_capacity(mentions.len());
    // The kept mentions are compacted to the front of the list in place, `kept` of them so
    // far: a second list would hold every mention twice.
    let mut kept = 0;
    for read in 0..mentions.len() {
        let m = &mentions[read];
        if m.definite {
            // Only the last few sentences are searched, so this stays linear.
            let window = if m.stand_in.is_some() {
                STAND_IN_WINDOW
            } else {
                BACK_REFERENCE_WINDOW
            };
            let antecedent = (0..kept)
                .rev()
                .take_while(|&k| m.sentence.saturating_sub(mentions[k].sentence) <= window)
                .find(|&k| agrees(&mentions[k], m))
                // "The officials spoke on condition of anonymity because …" in a closing
                // paragraph refers to officials however far back.
                .or_else(|| {
                    declared_anonymous(m, reasons)
                        .then(|| {
                            // "All of the sources asked not to be named": a note on every
                            // earlier source, whatever their number.
                            (0..kept)
                                .rev()
                                .find(|&k| compatible(&mentions[k].head, &m.head))
                        })
                        .flatten()
                });
            match antecedent {
                Some(k) => {
                    let g = group_of[k];
                    groups[g as usize].push_mention(kept);
                    group_of.push(g);
                    mentions.swap(kept, read);
                    kept += 1;
                }
                // A refusal with no one before it to refer to is no source.
                None if m.needs_antecedent => {}
                // "the senator from Texas" is a known office-holder.
                None if matches!(m.head.as_ref(), "senator" | "lawmaker" | "member") => {}
                // "the senator said" after a named senator; but "this source" is never a name.
                None if !keeps_without_antecedent(m) && !declared_anonymous(m, reasons) => {}
                None => {
                    group_of.push(narrow(groups.len()));
                    groups.push(Group::new(kept));
                    mentions.swap(kept, read);
                    kept += 1;
                }
            }
        } else {
            group_of.push(narrow(groups.len()));
            groups.push(Group::new(kept));
            mentions.swap(kept, read);
            kept += 1;
        }
    }
    mentions.truncate(kept);
    (mentions, groups)
}

/// Whether a definite mention with no earlier anonymous mention still describes a source of
/// its own: it says how it knows, counts a group ("one of the attendees"), has a
/// post-modifier ("the officials at the agency"), or is a source ("the sources", "the USDA
/// source": a named person is never called a source; but "these third-party sources" in a
/// disclaimer are feeds, not informants).
fn keeps_without_antecedent(m: &Mention) -> bool {
    m.basis.is_some()
        || m.partitive
        || m.postmodified
        || m.ordinal
        || (m.definite
            && (!m.plural || !m.affiliated)
            && matches!(m.head.as_ref(), "source" | "insider"))
}

/// How far (in bytes) after a mention an anonymity clause may start and still be its own:
/// "the employee, a registered voter who spoke on condition of anonymity, said".
const DECLARED_REACH: usize = 160;

/// Whether an anonymity clause follows `m` closely in its sentence: then "the employee" is
/// an unnamed source even with no earlier mention. Reasons are in story order.
fn declared_anonymous(m: &Mention, reasons: &[Reason]) -> bool {
    let first = reasons.partition_point(|r| r.sentence < m.sentence);
    reasons[first..]
        .iter()
        .take_while(|r| r.sentence == m.sentence)
        .any(|r| r.span.start >= m.span.end && r.span.start - m.span.end <= DECLARED_REACH)
}

/// Whether definite mention `later` can refer back to `earlier`: compatible heads, and no
/// group named by a single earlier source ("the officials" is not "a senior official"). A
/// bare "one" is a member of an earlier group; "another" is one more like any earlier source,
/// and shares its description and its missing reason.
fn agrees(earlier: &Mention, later: &Mention) -> bool {
    match later.stand_in {
        Some(StandIn::One) => earlier.plural || earlier.stand_in.is_some(),
        Some(StandIn::Another) => true,
        None => compatible(&earlier.head, &later.head) && (earlier.plural || !later.plural),
    }
}

/// Whether a back-reference with head `later` can refer to a mention with head `earlier`:
/// the same noun, or "the person"/"these people" for any human source, or "the source" for an
/// earlier person or source.
fn compatible(earlier: &str, later: &str) -> bool {
    earlier == later || later == "person" || (later == "source" && earlier == "person")
}

/// Folds the headline's mentions into the story's sources. A headline condenses the body:
/// its "sources say" are the sources the body introduces, so each headline group joins the
/// first body group with a compatible head, behind the body's first mention (which then
/// carries the description, the reason and the basis for both). `headline_end` is the byte
/// offset where the story's top matter ends (0 when it has none).
pub fn fold_headline(mentions: &[Mention], groups: &mut Vec<Group>, headline_end: usize) {
    if headline_end == 0 {
        return;
    }
    let in_headline = |g: &Group| {
        g.mentions()
            .all(|m| mentions.get(m).is_some_and(|m| m.span.end <= headline_end))
    };
    let head_of = |g: &Group| mentions.get(g.first_mention()).map(|m| m.head.as_ref());
    let headline_groups = groups.iter().take_while(|g| in_headline(g)).count();
    let mut folded = vec![false; headline_groups];
    for h in 0..headline_groups {
        let Some(head) = head_of(&groups[h]) else {
            continue;
        };
        let target = (headline_groups..groups.len())
            .find(|&b| head_of(&groups[b]).is_some_and(|body| condenses(head, body)));
        if let Some(b) = target {
            let (headline, body) = groups.split_at_mut(headline_groups);
            body[b - headline_groups].absorb(&headline[h]);
            folded[h] = true;
        }
    }
    let mut k = 0;
    groups.retain(|_| {
        let keep = !folded.get(k).copied().unwrap_or(false);
        k += 1;
        keep
    });
}

/// Whether a headline source with head `headline` can stand for a body source with head
/// `body`: the generic heads ("sources", "officials", "people", "insiders") stand for any
/// unnamed source; a specific one ("aides") only for the same kind.
fn condenses(headline: &str, body: &str) -> bool {
    matches!(headline, "source" | "person" | "official" | "insider") || compatible(body, headline)
}

/// Attaches each anonymity clause to the source it belongs to: the nearest mention before it
/// in its sentence, else the first after it in that sentence, else the last mention of the
/// previous sentence, else the source its sentence names ("The officials spoke on condition
/// of anonymity because …", anywhere later in the story). A clause whose subject covers
/// several sources ("All the sources", "The people interviewed", generic plural "sources")
/// goes to every earlier source still without one.
pub fn attach_reasons(
    story: &Story,
    mentions: &[Mention],
    groups: &mut [Group],
    reasons: &[Reason],
) {
    let mut group_of: Vec<u32> = vec![0; mentions.len()];
    for (g, group) in groups.iter().enumerate() {
        for m in group.mentions() {
            group_of[m] = narrow(g);
        }
    }
    for (r, reason) in reasons.iter().enumerate() {
        let first_at_or_after = mentions.partition_point(|m| m.sentence < reason.sentence);
        let in_sentence = mentions[first_at_or_after..]
            .iter()
            .enumerate()
            .take_while(|(_, m)| m.sentence == reason.sentence)
            .map(|(k, m)| (first_at_or_after + k, m));
        let mut before = None;
        let mut after = None;
        for (k, m) in in_sentence {
            if m.span.start <= reason.span.start {
                before = Some(k);
            } else if after.is_none() {
                after = Some(k);
            }
        }
        let previous = first_at_or_after
            .checked_sub(1)
            .filter(|&k| mentions[k].sentence + 1 == reason.sentence);
        if let Some(k) = before {
            let g = group_of[k] as usize;
            groups[g].push_reason(r);
            let m = &mentions[k];
            // "The sources spoke on condition of anonymity": a closing note for everyone.
            if m.definite && m.plural && matches!(m.head.as_ref(), "source" | "person") {
                cover_earlier(groups, mentions, reason, r, |_| true);
            } else if let Subject::Head {
                lemma, all: true, ..
            } = subject_of(story, reason)
            {
                // "Both the treasury and harbour board officials, who would not be identified,":
                // every official the story has quoted so far.
                cover_earlier(groups, mentions, reason, r, |head| head == lemma);
            }
            continue;
        }
        if let Some(k) = after {
            groups[group_of[k] as usize].push_reason(r);
            continue;
        }
        let subject = subject_of(story, reason);
        if let (Some(k), Subject::Pronoun { .. } | Subject::Unknown) = (previous, &subject) {
            groups[group_of[k] as usize].push_reason(r);
            continue;
        }
        match subject {
            Subject::Head { lemma, plural, all } => {
                if all || (plural && matches!(lemma, "source" | "person")) {
                    cover_earlier(groups, mentions, reason, r, |head| {
                        matches!(lemma, "source" | "person") || head == lemma
                    });
                } else if let Some(g) = latest_earlier(groups, mentions, reason, |m| {
                    compatible(&m.head, lemma) && m.plural == plural
                }) {
                    groups[g].push_reason(r);
                }
            }
            Subject::Pronoun { plural } => {
                // A pronoun reaches back only a little way.
                if let Some(g) = latest_earlier(groups, mentions, reason, |m| {
                    m.plural == plural && reason.sentence.saturating_sub(m.sentence) <= 3
                }) {
                    groups[g].push_reason(r);
                }
            }
            Subject::Unknown => {}
        }
    }
}

/// Who an anonymity sentence is about, read from its first words.
enum Subject {
    Head {
        lemma: &'static str,
        plural: bool,
        /// "All the officials", "Each of the sources", "Both": every such source.
        all: bool,
    },
    Pronoun {
        plural: bool,
    },
    Unknown,
}

/// How many words from the start of its sentence an anonymity clause's subject is looked for.
const SUBJECT_WORDS: usize = 8;

fn subject_of(story: &Story, reason: &Reason) -> Subject {
    let tokens = story.sentence_tokens(reason.sentence);
    let words: Vec<&str> = tokens
        .iter()
        .filter(|t| t.is_word() && t.span().start < reason.span.end)
        .take(SUBJECT_WORDS)
        .map(|t| story.text(t.span()))
        .collect();
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let all = lower
        .iter()
        .any(|w| matches!(w.as_str(), "all" | "each" | "both" | "every"));
    for w in &lower {
        if let Some(lemma) = lexicon::head_lemma(w) {
            return Subject::Head {
                lemma,
                plural: lexicon::is_plural_form(w),
                all,
            };
        }
        // Anything else that could be the subject ends the search: "The minister's aides"
        // has been found above, "The report" is not a source.
        if matches!(
            w.as_str(),
            "spoke" | "asked" | "requested" | "declined" | "were" | "was"
        ) {
            break;
        }
    }
    match lower.first().map(String::as_str) {
        Some("they" | "both" | "two" | "three" | "four" | "five" | "all") => {
            Subject::Pronoun { plural: true }
        }
        Some("he" | "she") => Subject::Pronoun { plural: false },
        _ => Subject::Unknown,
    }
}

/// The latest group, first mentioned before `reason`, whose first mention satisfies `fits`.
fn latest_earlier(
    groups: &[Group],
    mentions: &[Mention],
    reason: &Reason,
    fits: impl Fn(&Mention) -> bool,
) -> Option<usize> {
    groups
        .iter()
        .enumerate()
        .filter_map(|(g, group)| {
            let last = group
                .mentions()
                .rev()
                .filter_map(|m| mentions.get(m))
                .find(|m| m.span.end <= reason.span.start)?;
            let first = mentions.get(group.first_mention())?;
            fits(first).then_some((last.span.start, g))
        })
        .max()
        .map(|(_, g)| g)
}

/// Gives the clause to every group first mentioned before it that has no clause yet and whose
/// head `fits`.
fn cover_earlier(
    groups: &mut [Group],
    mentions: &[Mention],
    reason: &Reason,
    r: usize,
    fits: impl Fn(&str) -> bool,
) {
    for group in groups.iter_mut() {
        let Some(first) = mentions.get(group.first_mention()) else {
            continue;
        };
        if first.span.end <= reason.span.start && !group.has_reasons() && fits(&first.head) {
            group.push_reason(r);
        }
    }
}
