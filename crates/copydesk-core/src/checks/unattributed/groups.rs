//! Vague groups as sources, for `vague-attribution`: a quantifier with a group noun ("some
//! economists believe", "a number of lawmakers say"), a commentator group on its own
//! ("analysts said", "the bank's critics argue"), an indefinite pronoun ("others argue", "many
//! in the party fear", "leaving some to wonder"), and the same groups after "according to",
//! "warnings from", "concern among" or a judging participle ("dismissed by critics").
//!
//! A group counts only as the agent of a verb the shared verb list tags `group` (a view voiced:
//! "argue", "fear", "liken"), never as a mere subject ("experts met on Tuesday"), and not when
//! the sentence or paragraph names its members.

use super::lexicon::{self as lx};
use super::scope::{words, Scope, Word, Words};
use crate::incremental::Memo;
use crate::lexicon::function_words as fw;
use crate::lexicon::verbs::{self, Form};
use crate::span::Span;
use crate::text::{Story, TextId, TokenKind};

/// Keeps the first of overlapping spans.
fn push(found: &mut Vec<Span>, span: Span) {
    if !found.iter().any(|s| s.overlaps(span)) {
        found.push(span);
    }
}

/// A vague group as its sentence's own words show it, before the story around it is asked
/// whether it still stands. What the words show is a function of the paragraph's text alone,
/// so the server keeps it per paragraph ([`Groups::read`]); the story-level questions are asked
/// afresh on every analysis.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Candidate {
    span: Span,
    unless: Unless,
}

/// What the story around a [`Candidate`] may say that takes it back.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Unless {
    /// Nothing: a group of an indefinite pronoun stands on its sentence alone.
    Nothing,
    /// A commentator group ("analysts") one of whose members the story names nearby
    /// ([`story_names_one`]); `head` is its head noun's place among the sentence's words.
    MemberNamed { head: usize, definite: bool },
    /// An ordinary group in a sentence another core cue attributes outside `own`, the group
    /// with its verb.
    CoreCueOutside { own: Span },
}

impl Candidate {
    fn shifted(&self, shift: impl Fn(usize) -> usize) -> Candidate {
        let moved = |span: Span| Span::new(shift(span.start), shift(span.end));
        Candidate {
            span: moved(self.span),
            unless: match &self.unless {
                Unless::CoreCueOutside { own } => Unless::CoreCueOutside { own: moved(*own) },
                other => other.clone(),
            },
        }
    }
}

/// A verb through which a vague group subject voices a view ("argue", "fears", "likened"),
/// from the tagged verb list shared with the attribution layer. Third-person forms are
/// accepted after a group noun for robustness ("critics argues" is a typo, not a new sense).
fn voices_view(x: &Word) -> bool {
    !x.quoted && verbs::lookup(x.lower().as_str()).is_some_and(|v| v.voices_group_view)
}

/// The same after an indefinite pronoun, which is plural: "some argue", never "some argues",
/// so "Some states passed" and "Many reports" are nouns, not a group voicing a view.
fn voices_view_after_pronoun(x: &Word) -> bool {
    !x.quoted
        && verbs::lookup(x.lower().as_str())
            .is_some_and(|v| v.voices_group_view && v.form != Form::ThirdPerson)
}

fn is_verb_at(w: &Words, k: usize) -> bool {
    w.get(k).is_some_and(|x| voices_view(&x)) || plays_down_at(w, k)
}

/// "many have played down the idea": the two words of "downplay", which the verb list holds
/// as one.
fn plays_down_at(w: &Words, k: usize) -> bool {
    w.get(k).is_some_and(|x| {
        !x.quoted && matches!(x.lower().as_str(), "play" | "plays" | "played" | "playing")
    }) && w.get(k + 1).is_some_and(|n| !n.quoted && n.is("down"))
}

/// From `k`, skips auxiliaries and adverbs; true when a stance verb or "be + stance adjective"
/// follows.
fn verb_follows(w: &Words, k: usize) -> bool {
    verb_at_or_after(w, k).is_some()
}

/// The index of the stance verb (or stance adjective) found by [`verb_follows`].
fn verb_at_or_after(w: &Words, mut k: usize) -> Option<usize> {
    let mut skipped = 0;
    while let Some(x) = w.get(k) {
        if x.quoted || x.kind != TokenKind::Word {
            // A comma before the verb: "critics, though, say" — allow one short aside, a
            // little longer when it is a participle phrase ("opponents, pointing to the
            // cost, say").
            if x.lower() == "," && skipped == 0 {
                let reach = if w.get(k + 1).is_some_and(|n| n.lower().ends_with("ing")) {
                    6
                } else {
                    4
                };
                if let Some(end) = (k + 1..w.len().min(k + reach)).find(|&j| w.at(j).lower() == ",")
                {
                    k = end + 1;
                    skipped += 1;
                    continue;
                }
            }
            return None;
        }
        if is_verb_at(w, k)
            && !(x.is("say") && w.get(k + 1).is_some_and(|n| n.is("so")))
            && !after_noun_marker_or_passive(w, k)
        {
            return Some(k);
        }
        if matches!(
            x.lower().as_str(),
            "is" | "are"
                | "was"
                | "were"
                | "been"
                | "remain"
                | "remained"
                | "seem"
                | "seemed"
                | "appear"
                | "appeared"
                | "grew"
                | "grown"
                | "became"
                | "become"
        ) && w.get(k + 1).is_some_and(|n| {
            n.in_list(&lx::STANCE_ADJECTIVES)
                || (matches!(
                    n.lower().as_str(),
                    "less"
                        | "more"
                        | "far"
                        | "deeply"
                        | "increasingly"
                        | "also"
                        | "still"
                        | "not"
                        | "so"
                ) && w.get(k + 2).is_some_and(|m| {
                    m.in_list(&lx::STANCE_ADJECTIVES)
                        || matches!(m.lower().as_str(), "less" | "more")
                }))
        }) {
            return Some(k + 1);
        }
        if (x.in_list(&lx::VERB_GAP) || (x.lower().ends_with("ly") && x.lower().len() > 4))
            && skipped < 4
        {
            k += 1;
            skipped += 1;
            continue;
        }
        return None;
    }
    None
}

/// A verb form read as a noun or a passive, so no view is voiced: "supporters in favour of",
/// "supporters are expected to turn out" (the group is acted on, not speaking). A passive of
/// hearsay still hides who holds the view: "strategists are believed to want".
fn after_noun_marker_or_passive(w: &Words, k: usize) -> bool {
    let Some(before) = k.checked_sub(1).and_then(|j| w.get(j)) else {
        return false;
    };
    let before = before.lower();
    if lx::NOUN_AFTER.contains(before.as_str()) {
        return true;
    }
    (fw::BE_FORMS.contains(&before.as_str()) || before == "being")
        && verbs::lookup(w.at(k).lower().as_str()).is_some_and(|v| {
            matches!(v.form, Form::Past | Form::Participle)
                && !lx::HEARSAY_PASSIVES.contains(v.lemma)
        })
}

fn is_named_after(w: &Words, k: usize) -> bool {
    // "critics, including Sen. Mary Roe," / "experts such as Jane Roe" / "analysts at Acme".
    let mut k = k;
    if w.get(k)
        .is_some_and(|x| x.lower() == "," || x.lower() == "—" || x.lower() == "(")
    {
        k += 1;
    }
    let Some(x) = w.get(k) else {
        return false;
    };
    if x.in_list(&lx::NAMING_LINKS) {
        let mut j = k + 1;
        while w
            .get(j)
            .is_some_and(|y| matches!(y.lower().as_str(), "as" | "by" | "them" | "whom" | "the"))
        {
            j += 1;
        }
        return w.get(j).is_some_and(|y| y.cap && y.is_word());
    }
    if x.in_list(&lx::ORG_PREPOSITIONS) {
        let mut j = k + 1;
        if w.get(j).is_some_and(|y| y.is("the")) {
            j += 1;
        }
        return w.get(j).is_some_and(|y| y.cap && y.is_word());
    }
    false
}

/// Whether the story names a member of the group where a reader would look for one: "…, said
/// Jane Roe, an analyst" in the paragraph itself; in the paragraph before ("the researchers"
/// after the lead researcher is quoted) or the two after ("Analysts expect a cut. 'We see…,'
/// said Tom Reyes, an economist at Acme"); through the first paragraphs of the body when the
/// group opens the story and the body names more than one of them (a wire lede whose analysts
/// are quoted by name below it: one named analyst does not stand for a lede's chorus); and
/// anywhere earlier when the group is a definite back-reference ("the scientists").
fn story_names_one(
    story: &Story,
    scope: &Scope,
    sentence: usize,
    head: &str,
    definite: bool,
) -> bool {
    let Some(p) = story.sentences.get(sentence).map(|s| s.paragraph()) else {
        return false;
    };
    // "A new study… the researchers found": the study's authors, named by the study.
    if definite
        && matches!(head, "researchers" | "scientists" | "authors")
        && scope.first_study.is_some_and(|s| s <= sentence)
    {
        return true;
    }
    // "Business groups welcomed the move" over "The Harwick Chamber of Commerce said": a body
    // of the kind named nearby is one of them.
    let bodies = matches!(
        head,
        "groups" | "organisations" | "organizations" | "charities" | "bodies"
    );
    if bodies
        && (p.saturating_sub(1)..=p + NEARBY_REACH)
            .any(|q| scope.named_associations.get(q).copied().unwrap_or(false))
    {
        return true;
    }
    let members = lx::group_members(head);
    if members.is_empty() {
        return false;
    }
    let names_one = |q: usize| {
        scope
            .named_commentators
            .get(q)
            .is_some_and(|named| named.iter().any(|n| members.contains(&n.as_str())))
    };
    let first_body = story
        .paragraphs
        .iter()
        .position(|para| para.span.end > story.top_matter_end())
        .unwrap_or(0);
    // "Economists predicted …" then, a paragraph on, "economists said …, said Jo Roe": the
    // member answers the group named nearer to her, not this one.
    // A member a thousand words on answers nothing here either, and the bound keeps one
    // giant paragraph of groups from being read once per group.
    let named_again_by = |q: usize| {
        let from = story.sentences[sentence].tokens().end;
        let to = story.paragraphs.get(q).map_or(from, |para| para.tokens.end);
        to.saturating_sub(from) > ANSWER_REACH_TOKENS
            || (from..to).any(|k| story.lower(k) == head && speaks_at(story, k))
    };
    let before = if definite { p } else { 1 };
    if (p.saturating_sub(before)..=p + NEARBY_REACH)
        .any(|q| names_one(q) && !(q > p && named_again_by(q)))
    {
        return true;
    }
    let lede = p <= first_body + 1;
    lede && (p..=p + LEDE_REACH).filter(|&q| names_one(q)).count() >= 2
}

/// Whether the group word at token `k` is a source itself ("economists said", "according to
/// analysts"), not a word in a name ("the Northfield Economists Forum") or a description
/// ("she and two other economists at the bank").
fn speaks_at(story: &Story, k: usize) -> bool {
    let cue = |j: usize| {
        story.tokens.get(j).is_some_and(|t| t.is_word())
            && crate::lexicon::reporting_verbs::is_reporting_verb(story.lower(j))
    };
    cue(k + 1)
        || cue(k + 2)
        || (k >= 2 && story.lower(k - 2) == "according" && story.lower(k - 1) == "to")
}

/// Tokens after a vague group's sentence within which a later paragraph's named member may
/// still answer it.
const ANSWER_REACH_TOKENS: usize = 1_000;

/// Paragraphs after a vague group's own in which a named member still covers it: "analysts
/// expect a cut" is answered by the analyst quoted next, not by one five paragraphs on.
const NEARBY_REACH: usize = 2;
/// The same for a group in the lede, whose promise the body keeps a few paragraphs down.
const LEDE_REACH: usize = 4;

/// The vague groups of sentence `si`, given as its words.
pub fn find(story: &Story, scope: &Scope, si: usize, w: &Words) -> Vec<Span> {
    standing(story, scope, si, w, candidates(w).iter())
}

/// The candidates that still stand in sentence `si`, the first of overlapping ones kept.
fn standing<'c>(
    story: &Story,
    scope: &Scope,
    si: usize,
    w: &Words,
    candidates: impl Iterator<Item = &'c Candidate>,
) -> Vec<Span> {
    let mut found = Vec::new();
    for candidate in candidates {
        let taken_back =
            match &candidate.unless {
                Unless::Nothing => false,
                Unless::MemberNamed { head, definite } => w
                    .get(*head)
                    .is_some_and(|x| story_names_one(story, scope, si, &x.lower(), *definite)),
                Unless::CoreCueOutside { own } => scope.core_cue_outside(si, *own),
            } || crate::attribution::relay::joined_to_named_speaker(story, candidate.span);
        if !taken_back {
            push(&mut found, candidate.span);
        }
    }
    found
}

/// The groups a sentence's words show, in the order the words hold them.
fn candidates(w: &Words) -> Vec<Candidate> {
    let mut found = Vec::new();
    for (i, x) in w.iter().enumerate() {
        if x.quoted || !x.is_word() {
            continue;
        }
        let commentator = x.in_list(&lx::COMMENTATOR_GROUPS) || is_cause_group(w, i);
        let quantified_group = x.in_list(&lx::QUANTIFIED_GROUPS);
        if commentator || quantified_group {
            check_group(w, i, commentator, &mut found);
        } else if x.in_list(&lx::PRONOUN_QUANTIFIERS) {
            check_pronoun(w, i, &mut found);
        }
    }
    found
}

/// Every sentence's vague groups, for one reading of a story. With a memo, what each
/// paragraph's words show is kept under its text and only what the story says around it is
/// asked again; without one each sentence is read as [`find`] reads it.
pub struct Groups {
    /// Through a memo: every sentence's candidates, placed in the story, in sentence order.
    kept: Option<Vec<(usize, Candidate)>>,
}

/// What a paragraph's group candidates are read from: its text alone (with the quotation
/// carried into it, which its `TextId` names too). Kept per sentence of the paragraph, as
/// (sentence within the paragraph, candidate relative to the paragraph's start).
#[derive(Hash, PartialEq, Eq)]
struct GroupsKey {
    text: TextId,
}

impl Groups {
    pub fn read(story: &Story, memo: Option<&mut Memo>) -> Groups {
        let Some(memo) = memo else {
            return Groups { kept: None };
        };
        let mut table = memo.table::<GroupsKey, Vec<(usize, Candidate)>>();
        let mut kept = Vec::new();
        for (p, paragraph) in story.paragraphs.iter().enumerate() {
            let base = paragraph.span.start;
            let own = table.get_or_compute(
                GroupsKey {
                    text: story.text_id(p),
                },
                || {
                    let mut own = Vec::new();
                    for (k, si) in paragraph.sentences.clone().enumerate() {
                        for candidate in candidates(&words(story, si)) {
                            own.push((k, candidate.shifted(|at| at - base.min(at))));
                        }
                    }
                    own
                },
            );
            kept.extend(own.iter().map(|(k, candidate)| {
                (
                    paragraph.sentences.start + k,
                    candidate.shifted(|at| at + base),
                )
            }));
        }
        Groups { kept: Some(kept) }
    }

    /// The vague groups of sentence `si`, given as its words: equal to [`find`].
    pub fn find(&self, story: &Story, scope: &Scope, si: usize, w: &Words) -> Vec<Span> {
        let Some(kept) = &self.kept else {
            return find(story, scope, si, w);
        };
        let from = kept.partition_point(|(s, _)| *s < si);
        let to = from + kept[from..].partition_point(|(s, _)| *s == si);
        standing(story, scope, si, w, kept[from..to].iter().map(|(_, c)| c))
    }
}

/// "Conservation groups", "human rights organisations", "anti-abortion groups": bodies named
/// by their cause alone, which as a source say no more than "campaigners".
fn is_cause_group(w: &Words, i: usize) -> bool {
    w.at(i).in_list(&lx::GROUP_BODIES)
        && i.checked_sub(1).and_then(|j| w.get(j)).is_some_and(|m| {
            // A capital only where the sentence opens: "Green groups" is no party's name.
            !m.quoted
                && (!m.cap || i == 1)
                && (m.in_list(&lx::CAUSES)
                    || m.lower().starts_with("anti-")
                    || m.lower().starts_with("pro-"))
        })
}

fn check_group(w: &Words, i: usize, commentator: bool, found: &mut Vec<Candidate>) {
    // A commentator noun capitalised after a capitalised word is part of a name: "Planned
    // Parenthood Advocates of Kansas" (a party's "Many Conservative MPs" is still a group).
    if i > 0
        && w.at(i).cap
        && w.at(i).in_list(&lx::COMMENTATOR_GROUPS)
        && w.at(i - 1).is_word()
        && w.at(i - 1).cap
    {
        return;
    }
    // Modifiers, read backwards: "Wall Street analysts", "digital forensics experts".
    let mut j = i;
    let mut mods = 0;
    while j > 0 && mods < 4 {
        let y = &w.at(j - 1);
        // "domestic and international critics": a coordinated modifier.
        if matches!(y.lower().as_str(), "and" | "or")
            && mods >= 1
            && j >= 2
            && w.at(j - 2).is_word()
            && !w.at(j - 2).quoted
            && !w.at(j - 2).is_np_breaker()
            && !w.at(j - 2).in_list(&lx::QUANTIFIERS)
            // A capital opening the sentence is a modifier only if English has the word:
            // "Domestic and foreign critics", not "Albanese and key strategists".
            && (!w.at(j - 2).cap
                || j == 2 && crate::lexicon::english::is_word(&w.at(j - 2).lower()))
        {
            j -= 1;
            continue;
        }
        if !y.is_word()
            || y.quoted
            || y.is_np_breaker()
            || y.in_list(&lx::QUANTIFIERS)
            || voices_view(y)
            || y.lower().ends_with("'s")
            || (y.lower().ends_with("ly") && !y.cap)
            || y.lower().ends_with("ed")
        {
            break;
        }
        j -= 1;
        mods += 1;
    }
    let mut start = j;
    let mut quantified = false;
    let mut possessive = false;
    let mut share_of_own = false;
    if let Some(y) = j.checked_sub(1).and_then(|k| w.get(k)) {
        if y.in_list(&lx::QUANTIFIERS) {
            quantified = true;
            start = j - 1;
            // "a number of other lawmakers"
            start = extend_of_quantifier(w, start);
        } else if matches!(y.lower().as_str(), "his" | "her" | "their" | "its")
            && j >= 3
            && w.at(j - 2).is("of")
            && (w.at(j - 3).in_list(&lx::QUANTIFIERS)
                || w.at(j - 3).in_list(&lx::PRONOUN_QUANTIFIERS))
        {
            // "some of her rivals", "many of his supporters": a share of someone's group,
            // still unnamed, but only as the agent of its own verb.
            quantified = true;
            share_of_own = true;
            start = j - 3;
        } else if y.lower().ends_with("'s")
            || matches!(y.lower().as_str(), "his" | "her" | "their" | "its")
        {
            possessive = true;
        } else {
            // "some of the same candidates", "many of his supporters", "a number of lawmakers"
            let mut d = j - 1;
            if matches!(
                w.at(d).lower().as_str(),
                "the" | "his" | "her" | "their" | "its" | "those" | "these"
            ) && d >= 1
            {
                d -= 1;
            }
            if w.at(d).is("of") && d >= 1 {
                let q = &w.at(d - 1);
                if q.in_list(&lx::QUANTIFIERS) || q.in_list(&lx::PRONOUN_QUANTIFIERS) {
                    quantified = true;
                    start = d - 1;
                } else if q.in_list(&lx::OF_QUANTIFIER_HEADS) {
                    quantified = true;
                    start = extend_article(w, d - 1);
                }
            }
        }
    }
    if !commentator && !quantified {
        return;
    }
    // "would not say how many of its members planned to quit" asks a number; no one speaks
    // ("that's how many experts saw it" is a manner, and they do).
    if quantified
        && start >= 1
        && w.at(start - 1).is("how")
        && w.get(start + 1).is_some_and(|x| x.is("of"))
    {
        return;
    }
    // "what economists call spending" defines a word; it does not attribute a claim.
    if start >= 1
        && w.at(start - 1).is("what")
        && w.get(i + 1).is_some_and(|n| {
            matches!(
                n.lower().as_str(),
                "call" | "calls" | "dub" | "term" | "refer" | "know"
            )
        })
    {
        return;
    }
    if start < j && w.at(start).lower() == "other" && !commentator {
        // "other lawmakers said" after a named lawmaker is a continuation, weakly vague;
        // accept only when the group is an advocacy or commentator kind.
        if !matches!(
            w.at(i).lower().as_str(),
            "advocates" | "activists" | "members" | "lawmakers"
        ) {
            return;
        }
    }
    let _ = possessive;
    // "Ward and other security experts": the group comes with a named member.
    if start < j
        && w.at(start).is("other")
        && start >= 2
        && matches!(w.at(start - 1).lower().as_str(), "and" | ",")
        && w.at(start - 2).cap
        && w.at(start - 2).is_word()
    {
        return;
    }
    // Post-modifier: "members of Congress", "many in the party", "analysts at Acme".
    let mut k = i + 1;
    // "Traders — and some residents — say": a group set off between dashes shares the
    // verb after the closing dash.
    let dash = |x: &Word| matches!(x.lower().as_str(), "—" | "–");
    if start >= 2
        && w.get(k).is_some_and(|x| dash(&x))
        && matches!(w.at(start - 1).lower().as_str(), "and" | "or")
        && dash(&w.at(start - 2))
    {
        k += 1;
    }
    if is_named_after(w, k) {
        return;
    }
    if w.get(k).is_some_and(|y| {
        matches!(
            y.lower().as_str(),
            "in" | "on" | "within" | "across" | "inside" | "of" | "around" | "outside"
        )
    }) {
        let limit = (k + 5).min(w.len());
        let mut m = k + 1;
        while m < limit && !verb_follows(w, m) && w.at(m).is_word() && !w.at(m).quoted {
            m += 1;
        }
        if m < limit && verb_follows(w, m) {
            k = m;
        }
    }
    // ", said analysts": the verb comes right after a comma or a quotation.
    let clause_ends = w.get(i + 1).is_none_or(|n| {
        !n.is_word()
            || matches!(
                n.lower().as_str(),
                "who" | "at" | "with" | "from" | "in" | "on"
            )
    });
    let inverted = start >= 2
        && clause_ends
        && (w.at(start - 2).quoted || matches!(w.at(start - 2).lower().as_str(), "," | "—" | "–"))
        && w.get(start - 1).is_some_and(|y| {
            !y.quoted
                && matches!(
                    y.lower().as_str(),
                    "said"
                        | "says"
                        | "say"
                        | "warned"
                        | "argued"
                        | "noted"
                        | "added"
                        | "agreed"
                        | "wrote"
                        | "predicted"
                        | "believe"
                        | "believes"
                )
        });
    let according = start >= 2 && w.at(start - 1).is("to") && w.at(start - 2).is("according");
    // "warnings from experts", "criticism from some analysts"
    let voiced = start >= 2
        && ((w.at(start - 1).is("from") && w.at(start - 2).in_list(&lx::VOICE_NOUNS))
            || (w.at(start - 1).is("among") && w.at(start - 2).in_list(&lx::VIEW_NOUNS))
            // "interpreted by critics as", "questioned by some analysts"
            || (w.at(start - 1).is("by")
                && is_participle(&w.at(start - 2))
                // "seen by many voters" may be sight; "seen by many as" is a view.
                && (!matches!(w.at(start - 2).lower().as_str(), "seen" | "viewed" | "watched")
                    || w.get(i + 1).is_some_and(|n| n.is("as")))));
    let verb = verb_at_or_after(w, k);
    let agent = verb.is_some() || inverted || according || voiced;
    let loose = quantified
        && commentator
        && !share_of_own
        && w.slice(i + 1..).iter().any(|x| voices_view(&x));
    if !(agent || loose) {
        return;
    }
    let definite = start
        .checked_sub(usize::from(!w.at(start).in_list(&lx::DEFINITE_DETERMINERS)))
        .and_then(|k| w.get(k))
        .is_some_and(|d| d.in_list(&lx::DEFINITE_DETERMINERS));
    // An ordinary group ("some Americans would see…") in a sentence sourced elsewhere is
    // the subject of the claim, not its source.
    let own = Span::new(
        w.at(start).span().start,
        verb.and_then(|v| w.get(v))
            .map_or(w.at(i).span().end, |v| v.span().end),
    );
    let unless = if commentator {
        Unless::MemberNamed { head: i, definite }
    } else if !inverted && !according {
        Unless::CoreCueOutside { own }
    } else {
        Unless::Nothing
    };
    let mut span = Span::new(w.at(start).span().start, w.at(i).span().end);
    if according || voiced {
        span = Span::new(w.at(start - 2).span().start, span.end);
    }
    found.push(Candidate { span, unless });
}

/// Participles of judging or describing: a vague group after "by" is their source
/// ("interpreted by some as", "dismissed by critics"), unlike "used by supporters".
fn is_participle(x: &Word) -> bool {
    x.is_word()
        && !x.quoted
        && matches!(
            x.lower().as_str(),
            "seen"
                | "viewed"
                | "regarded"
                | "considered"
                | "criticized"
                | "criticised"
                | "questioned"
                | "interpreted"
                | "described"
                | "called"
                | "derided"
                | "dismissed"
                | "praised"
                | "hailed"
                | "condemned"
                | "panned"
                | "mocked"
                | "ridiculed"
                | "challenged"
                | "disputed"
                | "rejected"
                | "doubted"
                | "denounced"
                | "blasted"
                | "slammed"
                | "accused"
                | "blamed"
                | "labeled"
                | "labelled"
                | "branded"
                | "dubbed"
                | "cited"
                | "perceived"
                | "remembered"
                | "welcomed"
                | "celebrated"
                | "lauded"
                | "attacked"
                | "dinged"
                | "faulted"
                | "characterized"
                | "characterised"
                | "portrayed"
                | "judged"
                | "deemed"
                | "thought"
                | "believed"
                | "expected"
                | "predicted"
                | "suspected"
                | "applauded"
                | "rebuked"
                | "lambasted"
        )
}

/// Extends a quantifier start back over "a number of" / "a growing number of".
fn extend_of_quantifier(w: &Words, start: usize) -> usize {
    if start >= 2 && w.at(start - 1).is("of") && w.at(start - 2).in_list(&lx::OF_QUANTIFIER_HEADS) {
        return extend_article(w, start - 2);
    }
    start
}

fn extend_article(w: &Words, mut k: usize) -> usize {
    // "a (growing|small|large) number"
    if k >= 1
        && matches!(
            w.at(k - 1).lower().as_str(),
            "growing" | "small" | "large" | "increasing" | "whole" | "good"
        )
    {
        k -= 1;
    }
    if k >= 1 && matches!(w.at(k - 1).lower().as_str(), "a" | "an") {
        k -= 1;
    }
    k
}

/// An auxiliary, adverb or stance verb: what may follow an indefinite pronoun used as a
/// subject ("some have argued", "many privately fear").
fn can_precede_verb(y: &Word) -> bool {
    y.in_list(&lx::VERB_GAP)
        || voices_view_after_pronoun(y)
        || (y.lower().ends_with("ly") && y.lower().len() > 4)
}

fn check_pronoun(w: &Words, i: usize, found: &mut Vec<Candidate>) {
    let push = |found: &mut Vec<Candidate>, span: Span| {
        found.push(Candidate {
            span,
            unless: Unless::Nothing,
        })
    };
    // Only as a clause subject: at the start, or after punctuation or a conjunction.
    let prev = i.checked_sub(1).and_then(|p| w.get(p));
    let clause_start = prev.is_none_or(|y| {
        !y.is_word()
            && matches!(
                y.lower().as_str(),
                "," | ";" | ":" | "—" | "–" | "(" | "\"" | "“"
            )
            || matches!(
                y.lower().as_str(),
                "and"
                    | "but"
                    | "while"
                    | "though"
                    | "although"
                    | "yet"
                    | "so"
                    | "because"
                    | "whereas"
                    | "as"
                    | "that"
                    | "where"
                    | "which"
                    | "what"
                    | "whom"
                    | "who"
                    // "with many worried that …": an absolute clause with its own subject.
                    | "with"
                    // "despite many fearing a revolt", "amid some warning of cuts".
                    | "despite"
                    | "amid"
            )
            || y.in_list(&lx::CAUSATIVES)
    });
    // "To many, the mayor is a hero": the view is framed as a vague group's. ("For some,
    // the losses outweigh the gains" names whom a fact affects, not whose view it is.)
    let framing = prev.is_some_and(|y| y.is("to"))
        && w.get(i + 1).is_some_and(|n| n.lower() == ",")
        && !w.at(i).is("most")
        && (i < 2
            || w.get(i - 2).is_some_and(|b| {
                matches!(
                    b.lower().as_str(),
                    "," | ";" | "—" | "but" | "and" | "yet" | "while"
                )
            }));
    if framing {
        push(
            found,
            Span::new(w.at(i - 1).span().start, w.at(i).span().end),
        );
        return;
    }
    // "a strategy some believe he could repeat": a bare relative clause.
    let bare_relative = prev
        .is_some_and(|y| y.is_word() && !y.quoted && !y.cap && !y.is_np_breaker())
        && w.get(i + 1).is_some_and(|n| {
            matches!(
                n.lower().as_str(),
                "believe"
                    | "say"
                    | "think"
                    | "feel"
                    | "argue"
                    | "fear"
                    | "suspect"
                    | "expect"
                    | "consider"
                    | "see"
                    | "call"
            )
        });
    // "interpreted by some as a threat"
    let passive_agent = prev.is_some_and(|y| y.is("by"))
        && i >= 2
        && is_participle(&w.at(i - 2))
        && !w.at(i).is("most")
        && w.get(i + 1).is_none_or(|n| {
            !n.is_word() || matches!(n.lower().as_str(), "as" | "to" | "for" | "in" | "who")
        });
    if passive_agent {
        push(
            found,
            Span::new(w.at(i - 1).span().start, w.at(i).span().end),
        );
        return;
    }
    if !(clause_start || bare_relative) {
        return;
    }
    // "leaving some to question" — but not "causing some worry".
    if prev.is_some_and(|y| y.in_list(&lx::CAUSATIVES)) && !w.get(i + 1).is_some_and(|n| n.is("to"))
    {
        return;
    }
    // "Roe and others said": a named speaker leads the group.
    if w.at(i).is("others")
        && i >= 2
        && w.at(i - 1).is("and")
        && w.at(i - 2).cap
        && w.at(i - 2).is_word()
    {
        return;
    }
    // "some of the guards compared … while others accused …": the rest of a group the
    // sentence has just named, not an unnamed crowd.
    if w.at(i).is("others") && rest_of_a_named_group(w, i) {
        return;
    }
    // "many in the party", "some on Wall Street", "some of them"
    let mut k = i + 1;
    let mut end = i;
    let of_pronoun = w.get(k).is_some_and(|y| y.is("of"))
        && w.get(k + 1).is_some_and(|y| {
            matches!(
                y.lower().as_str(),
                "them" | "us" | "those" | "these" | "you"
            )
        });
    if of_pronoun {
        if !verb_follows(w, k + 2) {
            return;
        }
        end = k + 1;
        k += 2;
    } else if w.get(k).is_some_and(|y| {
        matches!(
            y.lower().as_str(),
            "in" | "on" | "within" | "inside" | "across" | "at" | "around"
        )
    }) {
        let limit = (k + 5).min(w.len());
        let mut m = k + 1;
        while m < limit && w.at(m).is_word() && !w.at(m).quoted && !verb_follows(w, m) {
            m += 1;
        }
        if m < limit && verb_follows(w, m) {
            end = m - 1;
            k = m;
        } else {
            return;
        }
    } else if w
        .get(k)
        .is_some_and(|y| y.is_word() && !can_precede_verb(&y))
    {
        // A determiner of a noun ("some voters"): the group check handles it.
        return;
    }
    if w.at(i).is("most") || w.at(i).is("few") {
        // "most agree" is rare; "most said" is usually about a poll's respondents.
        if !w.get(k).is_some_and(|y| {
            matches!(
                y.lower().as_str(),
                "believe" | "agree" | "think" | "say" | "expect" | "feel" | "would" | "argue"
            )
        }) {
            return;
        }
    }
    if !verb_follows(w, k) {
        return;
    }
    push(found, Span::new(w.at(i).span().start, w.at(end).span().end));
}

/// Longest stretch of a sentence read back from "others" for the "some of the …" it answers.
const OTHERS_LOOK_BACK: usize = 25;

/// Whether "others" at `i` answers a "some of the/his/their …" plural earlier in its
/// sentence ("some of the guards", "some of his former aides"; not "some of the plan").
fn rest_of_a_named_group(w: &Words, i: usize) -> bool {
    let plural = |y: &Word<'_>| {
        let lower = y.lower();
        y.is_word()
            && (lower.len() > 3
                && lower.ends_with('s')
                && !lower.ends_with("ss")
                && !matches!(
                    lower.as_str(),
                    "does" | "goes" | "says" | "seems" | "remains"
                )
                || lower == "people")
    };
    (i.saturating_sub(OTHERS_LOOK_BACK)..i.saturating_sub(2)).any(|k| {
        w.at(k).is("some")
            && w.get(k + 1).is_some_and(|y| y.is("of"))
            && w.get(k + 2).is_some_and(|y| {
                y.is("the") || y.in_list(fw::POSSESSIVE_DETERMINERS) || y.lower().ends_with("'s")
            })
            && (k + 3..(k + 5).min(i)).any(|n| w.get(n).is_some_and(|y| plural(&y)))
    })
}
