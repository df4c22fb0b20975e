//! Linking the mentions of one unnamed source ("four sources briefed on the matter" … "two of
//! the sources" … "the sources said"), and attaching anonymity clauses to them.

use super::lexicon;
use super::mention::{Mention, StandIn};
use super::reasons::Reason;
use crate::span::narrow;
use crate::text::Story;

/// The story's unnamed sources, each a group of mentions (indices into the mention list, in
/// order) with its anonymity clauses (indices into the reason list).
///
/// Eight bytes for the usual group of one mention and no clause: a story can hold a source
/// every few words, and each is a group while the story is read. What few groups have more
/// is kept beside the list.
#[derive(Debug, Default)]
pub struct Groups {
    list: Vec<Slot>,
    more: Vec<GroupRest>,
}

#[derive(Debug, Clone, Copy)]
struct Slot {
    first: u32,
    /// Index into `Groups::more`, or [`NO_MORE`].
    more: u32,
}

const NO_MORE: u32 = u32::MAX;

/// What few groups have: a second mention, an anonymity clause.
#[derive(Debug, Clone, Default)]
struct GroupRest {
    mentions: Vec<u32>,
    reasons: Vec<u32>,
}

/// One group of [`Groups`], as read.
#[derive(Debug, Clone, Copy)]
pub struct Group<'g> {
    first: u32,
    more: Option<&'g GroupRest>,
}

impl Group<'_> {
    pub fn first_mention(&self) -> usize {
        self.first as usize
    }

    /// Its mentions, the first one first.
    pub fn mentions(&self) -> impl DoubleEndedIterator<Item = usize> + '_ {
        let more = self.more.map_or(&[][..], |m| &m.mentions[..]);
        std::iter::once(self.first as usize).chain(more.iter().map(|&m| m as usize))
    }

    pub fn reasons(&self) -> impl Iterator<Item = usize> + '_ {
        let reasons = self.more.map_or(&[][..], |m| &m.reasons[..]);
        reasons.iter().map(|&r| r as usize)
    }

    pub fn has_reasons(&self) -> bool {
        self.more.is_some_and(|m| !m.reasons.is_empty())
    }
}

impl Groups {
    fn with_capacity(groups: usize) -> Groups {
        Groups {
            list: Vec::with_capacity(groups),
            more: Vec::new(),
        }
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn get(&self, g: usize) -> Option<Group<'_>> {
        let slot = self.list.get(g)?;
        Some(Group {
            first: slot.first,
            more: self.more.get(slot.more as usize),
        })
    }

    pub fn iter(&self) -> impl Iterator<Item = Group<'_>> + '_ {
        (0..self.len()).filter_map(|g| self.get(g))
    }

    /// Starts a group of one mention, with no clause yet.
    fn push(&mut self, first_mention: usize) {
        self.list.push(Slot {
            first: narrow(first_mention),
            more: NO_MORE,
        });
    }

    fn push_mention(&mut self, g: usize, mention: usize) {
        if let Some(rest) = self.rest(g) {
            rest.mentions.push(narrow(mention));
        }
    }

    fn push_reason(&mut self, g: usize, reason: usize) {
        if let Some(rest) = self.rest(g) {
            rest.reasons.push(narrow(reason));
        }
    }

    /// Gives group `into` the mentions (after its own) and the clauses of group `from`.
    fn absorb(&mut self, into: usize, from: usize) {
        let Some(taken) = self.get(from) else {
            return;
        };
        let mentions: Vec<u32> = taken.mentions().map(narrow).collect();
        let reasons: Vec<u32> = taken.reasons().map(narrow).collect();
        if let Some(rest) = self.rest(into) {
            rest.mentions.extend(mentions);
            rest.reasons.extend(reasons);
        }
    }

    /// Keeps the groups for whose index `keep` is true, in order.
    fn retain_indices(&mut self, mut keep: impl FnMut(usize) -> bool) {
        let mut g = 0;
        self.list.retain(|_| {
            let kept = keep(g);
            g += 1;
            kept
        });
    }

    fn rest(&mut self, g: usize) -> Option<&mut GroupRest> {
        let slot = self.list.get_mut(g)?;
        if slot.more == NO_MORE {
            slot.more = narrow(self.more.len());
            self.more.push(GroupRest::default());
        }
        self.more.get_mut(slot.more as usize)
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
pub fn group(mut mentions: Vec<Mention>, reasons: &[Reason]) -> (Vec<Mention>, Groups) {
    // At most one group per mention: sized once, as a story of one repeated source phrase
    // would otherwise hold up to twice its groups' room.
    let mut groups = Groups::with_capacity(mentions.len());
    let mut group_of: Vec<u32> = Vec::with_capacity(mentions.len());
    // The kept mentions are compacted to the front of the list in place, `kept` of them so
    // far: a second list would hold every mention twice.
    let mut kept = 0;
    for read in 0..mentions.len() {
        let m = &mentions[read];
        if m.definite() {
            // Only the last few sentences are searched, so this stays linear.
            let window = if m.stand_in().is_some() {
                STAND_IN_WINDOW
            } else {
                BACK_REFERENCE_WINDOW
            };
            let antecedent = (0..kept)
                .rev()
                .take_while(|&k| m.sentence().saturating_sub(mentions[k].sentence()) <= window)
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
                                .find(|&k| compatible(mentions[k].head(), m.head()))
                        })
                        .flatten()
                });
            match antecedent {
                Some(k) => {
                    let g = group_of[k];
                    groups.push_mention(g as usize, kept);
                    group_of.push(g);
                    mentions.swap(kept, read);
                    kept += 1;
                }
                // A refusal with no one before it to refer to is no source.
                None if m.needs_antecedent() => {}
                // "the senator from Texas" is a known office-holder.
                None if matches!(m.head(), "senator" | "lawmaker" | "member") => {}
                // "the senator said" after a named senator; but "this source" is never a name.
                None if !keeps_without_antecedent(m) && !declared_anonymous(m, reasons) => {}
                None => {
                    group_of.push(narrow(groups.len()));
                    groups.push(kept);
                    mentions.swap(kept, read);
                    kept += 1;
                }
            }
        } else {
            group_of.push(narrow(groups.len()));
            groups.push(kept);
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
    m.basis().is_some()
        || m.partitive()
        || m.postmodified()
        || m.ordinal()
        || (m.definite()
            && (!m.plural() || !m.affiliated())
            && matches!(m.head(), "source" | "insider"))
}

/// How far (in bytes) after a mention an anonymity clause may start and still be its own:
/// "the employee, a registered voter who spoke on condition of anonymity, said".
const DECLARED_REACH: usize = 160;

/// Whether an anonymity clause follows `m` closely in its sentence: then "the employee" is
/// an unnamed source even with no earlier mention. Reasons are in story order.
fn declared_anonymous(m: &Mention, reasons: &[Reason]) -> bool {
    let first = reasons.partition_point(|r| r.sentence < m.sentence());
    reasons[first..]
        .iter()
        .take_while(|r| r.sentence == m.sentence())
        .any(|r| r.span.start >= m.span().end && r.span.start - m.span().end <= DECLARED_REACH)
}

/// Whether definite mention `later` can refer back to `earlier`: compatible heads, and no
/// group named by a single earlier source ("the officials" is not "a senior official"). A
/// bare "one" is a member of an earlier group; "another" is one more like any earlier source,
/// and shares its description and its missing reason.
fn agrees(earlier: &Mention, later: &Mention) -> bool {
    match later.stand_in() {
        Some(StandIn::One) => earlier.plural() || earlier.stand_in().is_some(),
        Some(StandIn::Another) => true,
        None => compatible(earlier.head(), later.head()) && (earlier.plural() || !later.plural()),
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
pub fn fold_headline(mentions: &[Mention], groups: &mut Groups, headline_end: usize) {
    if headline_end == 0 {
        return;
    }
    let in_headline = |g: Group| {
        g.mentions().all(|m| {
            mentions
                .get(m)
                .is_some_and(|m| m.span().end <= headline_end)
        })
    };
    let head_of = |g: Option<Group>| mentions.get(g?.first_mention()).map(|m| m.head());
    let headline_groups = groups.iter().take_while(|&g| in_headline(g)).count();
    let mut folded = vec![false; headline_groups];
    for (h, was_folded) in folded.iter_mut().enumerate() {
        let Some(head) = head_of(groups.get(h)) else {
            continue;
        };
        let target = (headline_groups..groups.len())
            .find(|&b| head_of(groups.get(b)).is_some_and(|body| condenses(head, body)));
        if let Some(b) = target {
            groups.absorb(b, h);
            *was_folded = true;
        }
    }
    groups.retain_indices(|g| !folded.get(g).copied().unwrap_or(false));
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
    groups: &mut Groups,
    reasons: &[Reason],
) {
    let mut group_of: Vec<u32> = vec![0; mentions.len()];
    for (g, group) in groups.iter().enumerate() {
        for m in group.mentions() {
            group_of[m] = narrow(g);
        }
    }
    for (r, reason) in reasons.iter().enumerate() {
        let first_at_or_after = mentions.partition_point(|m| m.sentence() < reason.sentence);
        let in_sentence = mentions[first_at_or_after..]
            .iter()
            .enumerate()
            .take_while(|(_, m)| m.sentence() == reason.sentence)
            .map(|(k, m)| (first_at_or_after + k, m));
        let mut before = None;
        let mut after = None;
        for (k, m) in in_sentence {
            if m.span().start <= reason.span.start {
                before = Some(k);
            } else if after.is_none() {
                after = Some(k);
            }
        }
        let previous = first_at_or_after
            .checked_sub(1)
            .filter(|&k| mentions[k].sentence() + 1 == reason.sentence);
        if let Some(k) = before {
            let g = group_of[k] as usize;
            groups.push_reason(g, r);
            let m = &mentions[k];
            // "The sources spoke on condition of anonymity": a closing note for everyone.
            if m.definite() && m.plural() && matches!(m.head(), "source" | "person") {
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
            groups.push_reason(group_of[k] as usize, r);
            continue;
        }
        let subject = subject_of(story, reason);
        if let (Some(k), Subject::Pronoun { .. } | Subject::Unknown) = (previous, &subject) {
            groups.push_reason(group_of[k] as usize, r);
            continue;
        }
        match subject {
            Subject::Head { lemma, plural, all } => {
                if all || (plural && matches!(lemma, "source" | "person")) {
                    cover_earlier(groups, mentions, reason, r, |head| {
                        matches!(lemma, "source" | "person") || head == lemma
                    });
                } else if let Some(g) = latest_earlier(groups, mentions, reason, |m| {
                    compatible(m.head(), lemma) && m.plural() == plural
                }) {
                    groups.push_reason(g, r);
                }
            }
            Subject::Pronoun { plural } => {
                // A pronoun reaches back only a little way.
                if let Some(g) = latest_earlier(groups, mentions, reason, |m| {
                    m.plural() == plural && reason.sentence.saturating_sub(m.sentence()) <= 3
                }) {
                    groups.push_reason(g, r);
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
    groups: &Groups,
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
                .find(|m| m.span().end <= reason.span.start)?;
            let first = mentions.get(group.first_mention())?;
            fits(first).then_some((last.span().start, g))
        })
        .max()
        .map(|(_, g)| g)
}

/// Gives the clause to every group first mentioned before it that has no clause yet and whose
/// head `fits`.
fn cover_earlier(
    groups: &mut Groups,
    mentions: &[Mention],
    reason: &Reason,
    r: usize,
    fits: impl Fn(&str) -> bool,
) {
    for g in 0..groups.len() {
        let Some(group) = groups.get(g) else {
            continue;
        };
        let Some(first) = mentions.get(group.first_mention()) else {
            continue;
        };
        if first.span().end <= reason.span.start && !group.has_reasons() && fits(first.head()) {
            groups.push_reason(g, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(groups: &Groups) -> Vec<(Vec<usize>, Vec<usize>)> {
        groups
            .iter()
            .map(|g| (g.mentions().collect(), g.reasons().collect()))
            .collect()
    }

    #[test]
    fn groups_keep_their_mentions_and_clauses_apart() {
        let mut groups = Groups::with_capacity(3);
        groups.push(0);
        groups.push(1);
        groups.push(2);
        groups.push_mention(1, 3);
        groups.push_reason(2, 0);
        groups.push_mention(1, 4);
        assert_eq!(
            read(&groups),
            [
                (vec![0], vec![]),
                (vec![1, 3, 4], vec![]),
                (vec![2], vec![0]),
            ]
        );
        assert!(!groups.get(1).is_some_and(|g| g.has_reasons()));
        assert!(groups.get(2).is_some_and(|g| g.has_reasons()));
        assert_eq!(
            groups
                .get(1)
                .map(|g| g.mentions().rev().collect::<Vec<_>>()),
            Some(vec![4, 3, 1])
        );
        assert!(groups.get(3).is_none());
    }

    #[test]
    fn an_absorbed_group_goes_behind_the_one_it_joins() {
        let mut groups = Groups::with_capacity(3);
        groups.push(0);
        groups.push_reason(0, 5);
        groups.push(1);
        groups.push(2);
        groups.push_mention(2, 3);
        groups.absorb(2, 0);
        groups.retain_indices(|g| g != 0);
        assert_eq!(read(&groups), [(vec![1], vec![]), (vec![2, 3, 0], vec![5])]);
    }
}
