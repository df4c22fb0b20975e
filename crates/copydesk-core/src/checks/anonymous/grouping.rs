//! Linking the mentions of one unnamed source ("four sources briefed on the matter" … "two of
//! the sources" … "the sources said"), and attaching anonymity clauses to them.

use super::detect::Mention;
use super::reasons::Reason;

/// One unnamed source or group, with its mentions (indices into the mention list, in order)
/// and its anonymity clauses (indices into the reason list).
#[derive(Debug, Clone, Default)]
pub struct Group {
    pub mentions: Vec<usize>,
    pub reasons: Vec<usize>,
}

/// How far back (in sentences) a definite back-reference looks for its antecedent.
const BACK_REFERENCE_WINDOW: usize = 12;

/// Groups mentions: a definite mention ("the official", "these people") joins the latest
/// earlier group with a compatible head within a few sentences; any other mention starts a
/// group. Definite mentions with no antecedent are dropped: they usually refer back to a
/// named person ("the senator said"). Returns the groups and the kept mentions.
pub fn group(mentions: Vec<Mention>, reasons: &[Reason]) -> (Vec<Mention>, Vec<Group>) {
    let mut kept: Vec<Mention> = Vec::with_capacity(mentions.len());
    let mut groups: Vec<Group> = Vec::new();
    let mut group_of: Vec<usize> = Vec::new();
    for m in mentions {
        if m.definite {
            // Only the last few sentences are searched, so this stays linear.
            let antecedent = (0..kept.len())
                .rev()
                .take_while(|&k| {
                    m.sentence.saturating_sub(kept[k].sentence) <= BACK_REFERENCE_WINDOW
                })
                .find(|&k| compatible(&kept[k].head, &m.head));
            match antecedent {
                Some(k) => {
                    let g = group_of[k];
                    groups[g].mentions.push(kept.len());
                    group_of.push(g);
                    kept.push(m);
                }
                // "the senator from Texas" is a known office-holder.
                None if matches!(m.head.as_str(), "senator" | "lawmaker" | "member") => {}
                // "the senator said" after a named senator; but "this source" is never a name.
                None if !keeps_without_antecedent(&m) && !declared_anonymous(&m, reasons) => {}
                None => {
                    group_of.push(groups.len());
                    groups.push(Group {
                        mentions: vec![kept.len()],
                        reasons: Vec::new(),
                    });
                    kept.push(m);
                }
            }
        } else {
            group_of.push(groups.len());
            groups.push(Group {
                mentions: vec![kept.len()],
                reasons: Vec::new(),
            });
            kept.push(m);
        }
    }
    (kept, groups)
}

/// Whether a definite mention with no earlier anonymous mention still describes a source of
/// its own: it says how it knows, counts a group ("one of the attendees"), has a
/// post-modifier ("the officials at the agency"), or is "the source".
fn keeps_without_antecedent(m: &Mention) -> bool {
    m.basis.is_some()
        || m.partitive
        || m.postmodified
        || m.ordinal
        || (m.bare_definite && matches!(m.head.as_str(), "source" | "insider"))
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
        g.mentions
            .iter()
            .all(|&m| mentions.get(m).is_some_and(|m| m.span.end <= headline_end))
    };
    let head_of = |g: &Group| {
        g.mentions
            .first()
            .and_then(|&m| mentions.get(m))
            .map(|m| m.head.as_str())
    };
    let headline_groups = groups.iter().take_while(|g| in_headline(g)).count();
    let mut folded = vec![false; headline_groups];
    for h in 0..headline_groups {
        let Some(head) = head_of(&groups[h]) else {
            continue;
        };
        let target = (headline_groups..groups.len())
            .find(|&b| head_of(&groups[b]).is_some_and(|body| condenses(head, body)));
        if let Some(b) = target {
            let moved = std::mem::take(&mut groups[h].mentions);
            groups[b].mentions.extend(moved);
            let reasons = std::mem::take(&mut groups[h].reasons);
            groups[b].reasons.extend(reasons);
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
/// previous sentence.
pub fn attach_reasons(mentions: &[Mention], groups: &mut [Group], reasons: &[Reason]) {
    let mut group_of = vec![0; mentions.len()];
    for (g, group) in groups.iter().enumerate() {
        for &m in &group.mentions {
            group_of[m] = g;
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
        if let Some(k) = before.or(after).or(previous) {
            groups[group_of[k]].reasons.push(r);
        }
    }
}
