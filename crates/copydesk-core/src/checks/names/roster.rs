//! The people of one story: who is introduced by full name, which later references belong to
//! whom, and which spellings drift from the one the story established.
//!
//! The roster is built from full-name references first ("Keith Kellogg"), so a later bare
//! "Kellog" is compared with people, never with every capitalised word. Two full names that
//! share a surname are two people when the story shows it (each named twice, a family word
//! nearby, or both widely known), and a first-name mismatch otherwise.

use super::lexicon::{with_lowercase, Lexicon, Sex};
use super::mentions::{Mention, Role, Spelling, Title};
use super::similarity::{
    compare, core, fold, is_keyboard_slip, Difference, NameIndex, RememberedLookups,
};
use super::word_counts::WordCounts;
use crate::finding::SharedTexts;
use crate::span::Span;
use crate::text::Story;
use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use std::sync::Arc;

/// How surely a sign in the story says that two people share a surname.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Strength {
    /// How copy introduces anyone, a misnamed person included: a common surname, a list.
    Weak,
    /// Said outright: a family word, a role or affiliation of their own, a caption.
    Strong,
}

#[derive(Debug, Clone)]
pub struct Person {
    /// The established given name as written, if the story gives one.
    pub given: Option<String>,
    /// The established surname as written ("al-Assad", "Kellogg").
    pub surname: String,
    /// The established full name as written, when there is one.
    pub full_name: Option<String>,
    /// The first full-name mention, as a mention index.
    pub first_full: Option<usize>,
    /// Mention indices, in document order.
    pub mentions: Vec<usize>,
    /// Folded name words of every form the person goes by.
    words: HashSet<String>,
}

impl Person {
    pub fn anchor(&self) -> Option<usize> {
        self.first_full.or_else(|| self.mentions.first().copied())
    }

    /// How a message names the person: the full name, or the surname when the story never
    /// gives one.
    fn name_for_message(&self) -> &str {
        self.full_name.as_deref().unwrap_or(&self.surname)
    }

    /// Which spelling a variant is measured against: the first full reference when there is
    /// one, otherwise the spelling used most.
    fn spelling_basis(&self) -> Basis {
        if self.first_full.is_some() {
            Basis::FirstFullReference
        } else {
            Basis::Majority
        }
    }
}

/// Which spelling counts as established, for the message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    /// The story's first full-name reference.
    FirstFullReference,
    /// The spelling the story uses most.
    Majority,
    /// The widely published spelling of a public figure.
    PublicFigure,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IssueKind {
    Variant(Difference),
    /// A different first name for the same surname; `nickname` when it is a known short form.
    FirstName {
        nickname: bool,
    },
}

/// A spelling problem found while building the roster.
#[derive(Debug, Clone)]
pub struct Issue {
    pub kind: IssueKind,
    /// The mention flagged; `None` for a lower-case word no mention covers.
    pub mention: Option<usize>,
    /// The name part to underline.
    pub span: Span,
    pub written: Arc<str>,
    /// The established spelling of that part.
    pub established: Arc<str>,
    /// The established reference, for a related span.
    pub related: Option<Span>,
    /// How the established person is named ("Keith Kellogg").
    pub person_name: Arc<str>,
    pub basis: Basis,
}

#[derive(Debug, Default)]
pub struct Roster {
    pub people: Vec<Person>,
    /// Whether each mention has been given to a person (who it is, the person's own mention
    /// list says): one byte a mention, where a name can be repeated 600,000 times.
    assigned: Vec<bool>,
    /// Bare surnames that fit several people and are not resolved by a nearby full name.
    pub ambiguous: Vec<(usize, Vec<usize>)>,
    /// Mentions that are family plurals ("the Clintons").
    pub family: HashSet<usize>,
    pub issues: Vec<Issue>,
    /// The texts of the issues, each held once: a slip repeated through a story gives an issue
    /// per time it is written, with the same three texts.
    texts: SharedTexts,
    /// Issues (indices into `issues`) that are another romanisation or hyphenation inside a
    /// direct quotation: a quoted statement may spell a name its own way, which the finding
    /// says.
    pub quoted_spellings: HashSet<usize>,
    /// Folded first names of the people named in full.
    given_keys: HashSet<String>,
    /// Per folded surname: the first bare mention and the number of full mentions.
    surname_stats: HashMap<String, (Option<usize>, usize)>,
    /// The first person to go by each folded name or surname tail.
    word_owner: HashMap<String, usize>,
    /// Per person, the name parts it last learnt from: a name repeated through a story teaches
    /// nothing after its first mention, and folding its words again for each cost time.
    learnt_last: HashMap<usize, Vec<(Role, Spelling)>>,
    /// Paragraphs read as headlines that are sentences in fact (a caption run into the copy),
    /// judged once each.
    caption_paragraphs: HashMap<usize, bool>,
}

/// Letters a surname must keep after losing its capital to be read as a slip with no cue:
/// shorter tails ("rump", "ice") are too often words.
const MIN_DROPPED_CAPITAL: usize = 5;

const KINSHIP: &[&str] = &[
    "wife",
    "husband",
    "son",
    "daughter",
    "brother",
    "sister",
    "father",
    "mother",
    "spouse",
    "widow",
    "widower",
    "family",
    "nephew",
    "niece",
    "cousin",
    "uncle",
    "aunt",
    "grandson",
    "granddaughter",
    "grandfather",
    "grandmother",
    "sibling",
    "siblings",
    "twin",
    "stepson",
    "stepdaughter",
    "dad",
    "mom",
    "mum",
    "parents",
    "children",
    "married",
    "sons",
    "daughters",
    "brothers",
    "sisters",
    "relative",
    "relatives",
    "child",
    "grandchildren",
    "grandchild",
    "fiance",
    "fiancee",
    "fiancé",
    "fiancée",
    "partner",
    "in-law",
    "stepfather",
    "stepmother",
    "divorced",
    "widowed",
    "couple",
    "marriage",
    // "Phyllis (nee Hayes) and Bill Adams": a maiden name marks a married couple.
    "nee",
    "née",
    // "who is not related to him", "no relation": the story saying outright there are two.
    "related",
    "relation",
];

/// One spelling of a full name and the mentions that use it.
#[derive(Default)]
struct Form {
    given: String,
    surname: String,
    mentions: Vec<usize>,
    /// Every use has a first name missing from the given-name list.
    tentative: bool,
}

/// Person `p`'s full-name mentions in order, from `cache` or listed into it.
fn full_mentions<'c>(
    cache: &'c mut [Option<Vec<usize>>],
    people: &[Person],
    mentions: &[Mention],
    p: usize,
) -> Option<&'c [usize]> {
    let slot = cache.get_mut(p)?;
    if slot.is_none() {
        let mut fulls: Vec<usize> = people
            .get(p)?
            .mentions
            .iter()
            .copied()
            .filter(|&x| mentions[x].is_full())
            .collect();
        fulls.sort_unstable();
        *slot = Some(fulls);
    }
    slot.as_deref()
}

fn part_span(m: &Mention, role: Role) -> Option<(Span, String)> {
    let part = if role == Role::Given {
        m.given()
    } else {
        m.surname()
    }?;
    Some((part.span(), part.text.to_string()))
}

/// How a family word near a mention ties the named person to a relative.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kinship {
    /// The named person is introduced as a relative: "her husband, Paul Ferrow", "Paul
    /// Ferrow, her husband", "Faith Ferrow mourned her sister Tess".
    Named,
    /// The relative is someone else, not yet named: "the wife of director John Ferrow".
    Unnamed,
}

/// The family word around a mention, if one ties it to a relative. A family word about the
/// sentence rather than the person ("Ferrow's fourth child is", "Ferrow faces child abuse
/// charges") ties no one.
fn kinship(story: &Story, m: &Mention) -> Option<Kinship> {
    let (first, last, range) = kin_window(story, m);
    let is_kin = |k: usize| is_kin_word(story.token_text(k));
    let from = first.saturating_sub(6).max(range.start);
    if let Some(k) = (from..first).rev().find(|&k| is_kin(k)) {
        return Some(if story.token_text(k + 1) == "of" {
            Kinship::Unnamed
        } else {
            Kinship::Named
        });
    }
    let prose = story.prose();
    let possessive = prose
        .get(m.span.start..m.span.end)
        .is_some_and(|t| t.ends_with("'s") || t.ends_with("’s"))
        || prose
            .get(m.span.end..)
            .is_some_and(|t| t.starts_with("'s") || t.starts_with("’s"));
    if possessive {
        return None;
    }
    let set_off = last < range.end && story.token_text(last) == ",";
    let to = (last + 6).min(range.end);
    let capitalised = |k: usize| story.tokens.get(k).is_some_and(|t| t.is_capitalised());
    (last..to)
        .any(|k| is_kin(k) && (set_off || capitalised(k + 1)))
        .then_some(Kinship::Named)
}

/// Where family words about a mention are looked for: the mention's first token, the token
/// after it, and its sentence's tokens.
fn kin_window(story: &Story, m: &Mention) -> (usize, usize, std::ops::Range<usize>) {
    let range = story
        .sentences
        .get(m.sentence())
        .map_or(0..0, |s| s.tokens());
    (
        story.token_at_or_after(m.span.start),
        story.token_at_or_after(m.span.end),
        range,
    )
}

/// "wife", "sons", "father's": a family word, plural or possessive.
fn is_kin_word(word: &str) -> bool {
    let w = word.to_lowercase();
    KINSHIP.contains(&w.trim_end_matches(['’', '\'', 's'])) || KINSHIP.contains(&w.as_str())
}

/// "Diane Perry came with her husband Bill": the relative a family word names after a
/// mention that is not set off by a comma, the mention's own spouse or child. That the
/// person has a relative says nothing of whether they are someone named before, unless the
/// relative is that someone. Asked only of a mention [`kinship`] already ties to a relative.
fn relative_named_after<'s>(story: &'s Story, m: &Mention) -> Option<&'s str> {
    let (first, last, range) = kin_window(story, m);
    let before = first.saturating_sub(6).max(range.start);
    if (before..first).any(|k| is_kin_word(story.token_text(k))) || story.token_text(last) == "," {
        return None;
    }
    (last..(last + 6).min(range.end))
        .find(|&k| {
            is_kin_word(story.token_text(k))
                && story.tokens.get(k + 1).is_some_and(|t| t.is_capitalised())
        })
        .map(|k| story.token_text(k + 1))
}

/// Tokens after a listed name read for a family word that describes the whole list.
const LIST_FAMILY_REACH: usize = 12;

/// "Patricia Hale and Carl Whitcombe, the parents of": a family word after a list of names
/// describes every name in it, not only the nearest.
fn family_word_after_list(story: &Story, m: &Mention) -> bool {
    let last = story.token_at_or_after(m.span.end);
    let end = story
        .sentences
        .get(m.sentence())
        .map_or(last, |s| s.tokens().end)
        .min(last + LIST_FAMILY_REACH);
    kinship_near(story, m)
        || (last..end).any(|k| {
            let w = story.token_text(k).to_lowercase();
            KINSHIP.contains(&w.as_str())
        })
}

/// Where a story's family words stand, read in one pass the first time a rule asks: the rules
/// that ask how the people of a surname are related would otherwise walk the whole story for
/// each pair of names compared, and a story of many families made them quadratic. Every
/// question below is answered in constant or logarithmic time.
struct KinIndex<'s> {
    /// Each first name a family word names alone ("his son, Alex,"), with the sentences where
    /// it does, in story order.
    named_alone: HashMap<&'s str, Vec<usize>>,
    /// "Rowe's parents": where each possessor of a family word (without its "'s") first owns
    /// any family word, and each family word as written.
    first_kin_of: HashMap<&'s str, usize>,
    first_kin_word_of: HashMap<(&'s str, String), usize>,
    /// Each word with a capital in it (a surname), with its sentence and position, in story
    /// order.
    capitalised: HashMap<&'s str, Vec<(usize, usize)>>,
}

impl<'s> KinIndex<'s> {
    fn new(story: &'s Story) -> KinIndex<'s> {
        let mut index = KinIndex {
            named_alone: HashMap::new(),
            first_kin_of: HashMap::new(),
            first_kin_word_of: HashMap::new(),
            capitalised: HashMap::new(),
        };
        let capitalised_at = |k: usize| story.tokens.get(k).is_some_and(|t| t.is_capitalised());
        for (n, sentence) in story.sentences.iter().enumerate() {
            let range = sentence.tokens();
            for k in range.clone() {
                let text = story.token_text(k);
                if text.chars().any(char::is_uppercase) {
                    index.capitalised.entry(text).or_default().push((n, k));
                }
                if !is_kin_word(text) {
                    continue;
                }
                // Alone: not the start of a full name, "Ana Sofia Quintanilla" as much as
                // "Ana Quintanilla".
                for j in k + 1..(k + 1 + LIST_FAMILY_REACH).min(range.end) {
                    if j + 1 < range.end && capitalised_at(j + 1) {
                        continue;
                    }
                    let sentences = index.named_alone.entry(story.token_text(j)).or_default();
                    if sentences.last() != Some(&n) {
                        sentences.push(n);
                    }
                }
            }
        }
        for k in 0..story.tokens.len() {
            let text = story.token_text(k);
            let bare = ["'s", "’s"]
                .iter()
                .find_map(|s| text.strip_suffix(s))
                .unwrap_or(text);
            let mut next = k + 1;
            if bare == text {
                if !matches!(story.token_text(next), "'s" | "’s" | "'" | "’") {
                    continue;
                }
                next += 1;
            }
            if next < story.tokens.len() && is_kin_word(story.token_text(next)) {
                index.first_kin_of.entry(bare).or_insert(next);
                let word = story.token_text(next).to_lowercase();
                index.first_kin_word_of.entry((bare, word)).or_insert(next);
            }
        }
        index
    }

    /// "her two daughters, Ines, 30, and Clara": the story names a relative by first name
    /// alone in the list after a family word, which says who that first name on the surname
    /// is.
    fn named_as_relative(&self, given: &str) -> bool {
        self.named_alone.contains_key(given)
    }

    /// Whether `word` stands in sentence `n` anywhere but at token `own`.
    fn stands_in(&self, story: &Story, word: &str, n: usize, own: Option<usize>) -> bool {
        if !word.chars().any(char::is_uppercase) {
            return story.sentences.get(n).is_some_and(|s| {
                s.tokens()
                    .filter(|&k| Some(k) != own)
                    .any(|k| story.token_text(k) == word)
            });
        }
        let Some(at) = self.capitalised.get(word) else {
            return false;
        };
        let from = at.partition_point(|&(m, _)| m < n);
        at[from..]
            .iter()
            .take_while(|&&(m, _)| m == n)
            .any(|&(_, k)| Some(k) != own)
    }

    /// Whether a sentence names `given` alone after a family word and has `surname` in it.
    fn named_alone_beside(&self, story: &Story, given: &str, surname: &str) -> bool {
        let Some(sentences) = self.named_alone.get(given) else {
            return false;
        };
        match self.capitalised.get(surname) {
            // The shorter list is walked, the longer searched.
            Some(at) if at.len() < sentences.len() => {
                at.iter().any(|&(n, _)| sentences.binary_search(&n).is_ok())
            }
            _ => sentences
                .iter()
                .any(|&n| self.stands_in(story, surname, n, None)),
        }
    }

    /// "Frank Ward spoke to his son, Louis Ward", "Sir Tim Ward and his son, Alex,": the story
    /// says how a person it names on a surname is related to another of that surname. "Her
    /// cousin, Lisa Ward" beside a child of another surname ties Lisa to no Ward.
    fn related_within_surname(&self, story: &Story, mentions: &[Mention], person: &Person) -> bool {
        let introduced_as_relative = person.first_full.is_some_and(|ff| {
            let m = &mentions[ff];
            kinship(story, m) == Some(Kinship::Named) && {
                let own = m.surname().map(|p| story.token_at_or_after(p.span().start));
                self.stands_in(story, &person.surname, m.sentence(), own)
            }
        });
        introduced_as_relative
            || person
                .given
                .as_deref()
                .is_some_and(|given| self.named_alone_beside(story, given, &person.surname))
    }

    /// "Rowe's parents" then "the family of Emma Rowe": the story has spoken of the relatives
    /// of the person it calls by the surname, so a family word tying a later full name to its
    /// relatives names that person's family, not a second person. "Family" takes in any
    /// relative; another family word must be the same one.
    fn relatives_already_spoken_of(&self, story: &Story, m: &Mention, surname: &str) -> bool {
        let Some(kin) = kin_of_mention(story, m) else {
            return false;
        };
        let before = story.token_at_or_after(m.span.start);
        let first = if kin == "family" {
            self.first_kin_of.get(surname)
        } else {
            self.first_kin_word_of.get(&(surname, kin))
        };
        first.is_some_and(|&next| next < before)
    }
}

/// The family word of "the family of Emma Rowe": a relative of the person named, not
/// yet named.
fn kin_of_mention(story: &Story, m: &Mention) -> Option<String> {
    let (first, _, range) = kin_window(story, m);
    let from = first.saturating_sub(6).max(range.start);
    let k = (from..first)
        .rev()
        .find(|&k| is_kin_word(story.token_text(k)))?;
    (story.token_text(k + 1) == "of").then(|| story.token_text(k).to_lowercase())
}

fn kinship_near(story: &Story, m: &Mention) -> bool {
    kinship(story, m).is_some()
}

/// "the Quimbys" anywhere in the story: a family, so two first names are two people.
fn family_plurals(mentions: &[Mention]) -> HashSet<String> {
    mentions
        .iter()
        .filter(|m| m.maybe_family_plural())
        .filter_map(|m| m.words().last().map(|w| fold(&w.text)))
        .collect()
}

fn family_plural(plurals: &HashSet<String>, surname_key: &str) -> bool {
    plurals.contains(&format!("{surname_key}s")) || plurals.contains(&format!("{surname_key}es"))
}

/// "the crisis consultant Allan Mayer": a role noun right before the name introduces a new
/// person rather than naming a known one again.
fn introduced_with_role(story: &Story, lex: &Lexicon, m: &Mention) -> bool {
    if m.title.is_some() {
        return false;
    }
    let first = story.token_at_or_after(m.span.start);
    let Some(prev) = first.checked_sub(1) else {
        return false;
    };
    let word = story.token_text(prev);
    story
        .tokens
        .get(prev)
        .is_some_and(|t| t.case() == crate::text::Case::Lower)
        && word.len() >= 4
        && !lex.is_common_word(word)
        && !crate::lexicon::reporting_verbs::is_reporting_verb(word)
        && !word.ends_with("ed")
        && !word.ends_with("ing")
}

/// "the former Rio Tinto boss Tom Albanese", "Dylan McMahon, head of growth at Kendamil": a
/// role noun set off after the name, or one in a phrase opened by a determiner before it.
fn introduces_with_role(story: &Story, lex: &Lexicon, m: &Mention) -> bool {
    if m.title.is_some() {
        return false;
    }
    if apposition(story, lex, m).is_some_and(|a| a.split_whitespace().take(3).any(is_role_noun)) {
        return true;
    }
    let first = story.token_at_or_after(m.span.start);
    let start = story
        .sentences
        .get(m.sentence())
        .map_or(0, |s| s.tokens().start);
    let lower_word = |k: usize| {
        story
            .tokens
            .get(k)
            .is_some_and(|t| t.is_word() && t.case() == crate::text::Case::Lower)
    };
    // The role noun right before the name, then back over its modifiers to a determiner.
    let Some(role) = first
        .checked_sub(1)
        .filter(|&k| k >= start && lower_word(k))
    else {
        return false;
    };
    if !is_role_noun(story.token_text(role)) {
        return false;
    }
    // "the former Rio Tinto boss": a few modifiers at most, and no preposition, which would
    // put the determiner in another phrase ("the government under Labor leader").
    let mut k = role;
    while k > start && role - k < 4 {
        k -= 1;
        let word = story.token_text(k).to_lowercase();
        // "fellow former directors Roy Quill": "fellow" sets the newcomer beside someone
        // else in the role, as a determiner would.
        if matches!(word.as_str(), "the" | "a" | "an" | "fellow") {
            return true;
        }
        let modifier =
            story.tokens.get(k).is_some_and(|t| t.is_word()) || matches!(word.as_str(), "-" | "–");
        // "…derby Head coach John Carver": a capitalised ordinary word opens a sentence the
        // splitter missed, so the phrase starts there.
        let capitalised_word =
            story.tokens.get(k).is_some_and(|t| t.is_capitalised()) && lex.is_common_word(&word);
        if !modifier
            || capitalised_word
            || matches!(
                word.as_str(),
                "under"
                    | "with"
                    | "by"
                    | "for"
                    | "of"
                    | "to"
                    | "from"
                    | "in"
                    | "on"
                    | "at"
                    | "and"
                    | "or"
                    | "but"
                    | "as"
                    | "than"
                    | "after"
                    | "before"
                    | "against"
            )
            || crate::lexicon::reporting_verbs::is_reporting_verb(&word)
        {
            return false;
        }
    }
    false
}

/// Nouns that say only that someone is a person, and of what age or sex.
const PLAIN_PERSON_NOUNS: &[&str] = &[
    "man",
    "woman",
    "boy",
    "girl",
    "teenager",
    "youngster",
    "person",
    "lad",
    "youth",
];

/// The description after a name and a comma, lower case: "Amy Pope, deputy security
/// adviser," -> "deputy security adviser". At least two words, so a bare "said" is none.
fn apposition(story: &Story, lex: &Lexicon, m: &Mention) -> Option<String> {
    let after = story.token_at_or_after(m.span.end);
    if story.token_text(after) != "," {
        return None;
    }
    let end = story
        .sentences
        .get(m.sentence())
        .map_or(after, |s| s.tokens().end);
    let words: Vec<String> = (after + 1..end.min(after + 7))
        .map_while(|k| {
            let t = story.tokens.get(k)?;
            (t.is_word() && t.case() == crate::text::Case::Lower)
                .then(|| story.token_text(k).to_string())
        })
        .collect();
    // "Dana Smith, in characteristically blunt style," says how, not who: a phrase that
    // opens with a preposition describes a person only by a role or a body ("from the
    // local council", "at the bank").
    let adverbial = words
        .first()
        .is_some_and(|w| crate::lexicon::function_words::PREPOSITIONS.contains(&w.as_str()))
        && !words
            .iter()
            .any(|w| is_role_noun(w) || lex.is_org_word(&capitalise(w)));
    // "Dana Smith, who said" describes no one; a description has a word of its own.
    // "who's" is "who is" contracted.
    let opener = words
        .first()
        .and_then(|w| w.split(['\'', '’']).next())
        .unwrap_or_default();
    // "Walter Mead, the quiet older man," points back to someone the story has
    // met: a definite description of a man or a woman, with no role, introduces no one.
    let points_back = words.first().is_some_and(|w| w == "the")
        && words
            .iter()
            .any(|w| PLAIN_PERSON_NOUNS.contains(&w.as_str()))
        && !words.iter().any(|w| is_role_noun(w));
    let describes = words.len() >= 2
        && !adverbial
        && !points_back
        && !matches!(opener, "who" | "whose" | "whom" | "which" | "that")
        && !words
            .iter()
            .any(|w| crate::lexicon::reporting_verbs::is_reporting_verb(w))
        && words
            .iter()
            .any(|w| !lex.is_common_word(w) || is_role_noun(w));
    describes.then(|| words.join(" "))
}

/// The first token of a mention, its title included ("Lord Justice Patten and Sir Timothy
/// Lloyd": a list joins titled names), and the token after it.
fn name_tokens(story: &Story, m: &Mention) -> (usize, usize) {
    let first = story.token_at_or_after(m.title.as_ref().map_or(m.span.start, |t| t.span.start));
    (first, story.token_at_or_after(m.span.end))
}

fn capitalised_word(story: &Story, k: usize) -> bool {
    story
        .tokens
        .get(k)
        .is_some_and(|t| t.is_word() && t.is_capitalised())
}

/// What joins the names of a list: a comma, a semicolon, "and", "&".
fn list_joiner(story: &Story, k: usize) -> bool {
    matches!(story.token_text(k), "," | ";" | "and" | "&")
}

/// A name in a list of names: "…, Maureen Wexley, Steve Ortle, …".
pub fn in_name_list(story: &Story, m: &Mention) -> bool {
    let (first, after) = name_tokens(story, m);
    let cap = |k: usize| capitalised_word(story, k);
    let joiner = |k: usize| list_joiner(story, k);
    // "the EPA and Martin Pike": an acronym names a body, and a body is no fellow in a list.
    let acronym = |k: usize| {
        story
            .tokens
            .get(k)
            .is_some_and(|t| t.case() == crate::text::Case::Upper && story.token_text(k).len() > 1)
    };
    let before = first >= 2 && joiner(first - 1) && cap(first - 2) && !acronym(first - 2);
    let next = story.token_text(after);
    let after_list = matches!(next, "," | ";") && cap(after + 1) && cap(after + 2);
    let after_and = next == "and" && cap(after + 1);
    (before && (after_list || after_and || story.token_text(first - 1) == "and"))
        || (after_list && cap(after + 1))
            && first >= 1
            && matches!(story.token_text(first - 1), "," | ":" | ";")
}

/// Tokens allowed between two names listed side by side: ", 28, and", ", 28 (left), and".
const SIDE_BY_SIDE_GAP: usize = 8;

/// "Two of the suspects, Jesse Varley, 28, and Noah Varley, 27": where the newcomer is first
/// named, the name listed beside it gives another first name on the surname, new to the story
/// as well and none of `taken` (the newcomer's and the established person's). Two newcomers
/// side by side are two relatives; a slip would not bring a second stranger with it.
/// `of_surname` is the surname's mentions in story order.
fn listed_beside_newcomer(
    story: &Story,
    mentions: &[Mention],
    own: &[usize],
    of_surname: &[usize],
    taken: &[&str],
) -> bool {
    let Some(&first) = own.first() else {
        return false;
    };
    let m = &mentions[first];
    let (start, end) = name_tokens(story, m);
    // Only what a list puts between names: joiners, ages, picture marks.
    let listed_between = |from: usize, to: usize| {
        to >= from
            && to - from <= SIDE_BY_SIDE_GAP
            && (from..to).all(|k| {
                let word = story.token_text(k);
                word.chars().all(|c| c.is_ascii_digit())
                    || matches!(
                        word,
                        "," | "and"
                            | "&"
                            | "("
                            | ")"
                            | "left"
                            | "right"
                            | "centre"
                            | "center"
                            | "pictured"
                            | "aged"
                    )
            })
    };
    let beside = |other: &Mention| {
        let (other_start, other_end) = name_tokens(story, other);
        other.sentence() == m.sentence()
            && (listed_between(end, other_start) || listed_between(other_end, start))
    };
    let given_at = |j: usize| mentions[j].given().map(|g| fold(g.text.as_str()));
    let at = of_surname.partition_point(|&j| j < first);
    let from = of_surname.partition_point(|&j| mentions[j].sentence() < m.sentence());
    let new_before = |given: &str| {
        !of_surname[..from]
            .iter()
            .any(|&j| given_at(j).as_deref() == Some(given))
    };
    // The names on either side of it in the surname's list.
    let neighbours = [at.checked_sub(1), Some(at + 1)];
    neighbours
        .into_iter()
        .flatten()
        .filter_map(|n| of_surname.get(n).copied())
        .filter(|&j| j != first && !mentions[j].lowercase && beside(&mentions[j]))
        .filter_map(given_at)
        .any(|given| !taken.contains(&given.as_str()) && new_before(&given))
}

/// A name joined to another by a comma or "and", in a list or a pair: "left out Alan Shearer
/// and Duncan Ferguson".
fn joined_to_names(story: &Story, m: &Mention) -> bool {
    let (first, after) = name_tokens(story, m);
    let cap = |k: usize| capitalised_word(story, k);
    let joiner = |k: usize| list_joiner(story, k);
    in_name_list(story, m)
        || (first >= 2 && joiner(first - 1) && cap(first - 2))
        || (joiner(after) && cap(after + 1) && cap(after + 2))
}

/// Tokens read on each side of a name to tell a long roster from a short list: a fixed window,
/// so a story that is one long list is still read once.
const ROSTER_WINDOW: usize = 16;
/// Commas in that window that make a roster ("Andy Smith, Craig Stevens, Kathy Sullivan, …").
const ROSTER_COMMAS: usize = 5;

/// A name inside a long roster of names, where namesakes are listed side by side.
fn in_long_roster(story: &Story, m: &Mention) -> bool {
    let first = story.token_at_or_after(m.span.start);
    let after = story.token_at_or_after(m.span.end);
    let start = first.saturating_sub(ROSTER_WINDOW);
    let end = (after + ROSTER_WINDOW).min(story.tokens.len());
    (start..end)
        .filter(|&k| matches!(story.token_text(k), "," | ";"))
        .count()
        >= ROSTER_COMMAS
}

/// How many mentions on each side of a name are read for its companions in a list.
const LIST_REACH: usize = 8;

/// The folded surnames of the names listed in the same sentence as mention `i`, within
/// [`LIST_REACH`] mentions on each side, leaving out `own` (the surname the list shares).
fn list_companions(mentions: &[Mention], i: usize, own: &str) -> HashSet<String> {
    let Some(m) = mentions.get(i) else {
        return HashSet::new();
    };
    let from = i.saturating_sub(LIST_REACH);
    let to = (i + 1 + LIST_REACH).min(mentions.len());
    (from..to)
        .filter(|&j| j != i && mentions[j].sentence() == m.sentence() && !mentions[j].lowercase)
        .filter_map(|j| mentions[j].words().last().map(|w| fold(core(&w.text))))
        .filter(|key| key != own)
        .collect()
}

/// Whether the names listed beside mention `i` include one listed beside mention `first`:
/// the same group named again.
fn shares_list_companion(mentions: &[Mention], i: usize, first: usize, own: &str) -> bool {
    let theirs = list_companions(mentions, first, own);
    !theirs.is_empty()
        && list_companions(mentions, i, own)
            .iter()
            .any(|key| theirs.contains(key))
}

/// `fold(core(word))` for a run of mentions, folding again only when the spelling changes.
#[derive(Default)]
struct FoldedSurname<'m> {
    spelling: Option<&'m str>,
    key: String,
}

impl<'m> FoldedSurname<'m> {
    fn of(&mut self, spelling: &'m str) -> &str {
        if self.spelling != Some(spelling) {
            self.key = fold(core(spelling));
            self.spelling = Some(spelling);
        }
        &self.key
    }
}

/// Calls `visit` with each mention that has words, its index and its folded surname
/// (`fold(core(last word))`).
fn for_each_surname<'m>(mentions: &'m [Mention], mut visit: impl FnMut(usize, &'m Mention, &str)) {
    let mut folded = FoldedSurname::default();
    for (i, m) in mentions.iter().enumerate() {
        if let Some(last) = m.words().last() {
            visit(i, m, folded.of(&last.text));
        }
    }
}

/// The value under `key`, made with its default the first time: the key is copied only then.
fn entry_for<'a, V: Default>(map: &'a mut HashMap<String, V>, key: &str) -> &'a mut V {
    if !map.contains_key(key) {
        map.insert(key.to_string(), V::default());
    }
    map.get_mut(key).expect("inserted above")
}

fn is_initials(given: &str) -> bool {
    given.chars().count() <= 2 || given.contains('.')
}

/// People one bare name may be weighed against. No story gives one surname or first name to
/// more than a handful; a generated one gave a first name to 88,000.
const MAX_NAMESAKES: usize = 64;

impl Roster {
    /// `words` counts the story's words: a spelling the story also writes outside the mention
    /// ("Bayern Munich") is a word of its own, and a lower-case one may be a common word.
    pub fn build(story: &Story, mentions: &[Mention], words: &WordCounts, lex: &Lexicon) -> Roster {
        let mut roster = Roster {
            assigned: vec![false; mentions.len()],
            ..Roster::default()
        };
        roster.add_full_names(story, mentions, lex);
        roster.given_keys = roster
            .people
            .iter()
            .filter_map(|p| p.given.as_deref().map(fold))
            .collect();
        // A story repeats its surnames: each run of one spelling is folded once.
        for_each_surname(mentions, |i, m, key| {
            let entry = entry_for(&mut roster.surname_stats, key);
            if m.is_full() {
                entry.1 += 1;
            } else if m.given().is_none() && entry.0.is_none() {
                entry.0 = Some(i);
            }
        });
        roster.resolve_partial(story, mentions, words, lex);
        roster.check_public_figures(story, mentions, lex);
        for person in &mut roster.people {
            person.mentions.sort_unstable();
        }
        roster
    }

    fn add_full_names(&mut self, story: &Story, mentions: &[Mention], lex: &Lexicon) {
        let mut forms: Vec<Form> = Vec::new();
        let mut form_of: HashMap<(String, String), usize> = HashMap::new();
        // The form of the previous full name: a repeated name is looked up once per run.
        let mut last_form: Option<(&str, &str, usize)> = None;
        for (i, m) in mentions.iter().enumerate() {
            if !m.is_full() {
                continue;
            }
            // Borrowed: one name repeated through a story would otherwise copy its spelling
            // for every mention, though only its first makes a form.
            let given = m
                .given()
                .or_else(|| m.parts.first())
                .map_or("", |p| p.text.as_str());
            let Some(surname) = m.surname().map(|p| p.text.as_str()) else {
                continue;
            };
            let f = match last_form {
                Some((g, s, f)) if g == given && s == surname => f,
                _ => {
                    let key = (fold(given), fold(core(surname)));
                    *form_of.entry(key).or_insert_with(|| {
                        forms.push(Form {
                            given: given.to_string(),
                            surname: surname.to_string(),
                            mentions: Vec::new(),
                            tentative: true,
                        });
                        forms.len() - 1
                    })
                }
            };
            last_form = Some((given, surname, f));
            forms[f].mentions.push(i);
            forms[f].tentative &= m.unlisted_given();
        }
        // The strongest spelling first: the most used (bare surnames count), then the earliest.
        let mut surname_uses: HashMap<String, usize> = HashMap::new();
        for_each_surname(mentions, |_, _, key| {
            *entry_for(&mut surname_uses, key) += 1
        });
        let surname_uses_of = |key: &str| surname_uses.get(key).copied().unwrap_or(0);
        // Each surname's mentions, in story order, listed the first time two people of one
        // surname are told apart: a person's descriptions are read from them, not from the
        // whole story for each name. Not before: a story of one name repeated would list it
        // whole for nothing.
        let by_surname_mentions = std::cell::OnceCell::new();
        let mentions_of = |key: &str| -> &[usize] {
            let lists: &HashMap<String, Vec<usize>> = by_surname_mentions.get_or_init(|| {
                let mut lists: HashMap<String, Vec<usize>> = HashMap::new();
                for_each_surname(mentions, |i, _, key| entry_for(&mut lists, key).push(i));
                lists
            });
            lists.get(key).map_or(&[][..], Vec::as_slice)
        };
        let strength = |f: &Form| f.mentions.len() + surname_uses_of(&fold(core(&f.surname)));
        // Names with a known first name first; "Vander Plaats" said … is tried last. An
        // unlisted first name that opens the story's first full name of its surname, and is
        // no word of another full name there, is the person's own ("union leader Chidi
        // Okonkwo"): it keeps its place, so a later "Kevin Okonkwo" is compared with it
        // instead of taking the surname first.
        // "Mr Kilroy Silk" beside "Robert Kilroy-Silk": the first name may be half a surname
        // written in full elsewhere, so any word or surname of a listed full name counts.
        let mut first_of_surname: HashMap<String, usize> = HashMap::new();
        let mut listed_words: HashSet<String> = HashSet::new();
        for form in &forms {
            let key = fold(core(&form.surname));
            let first = first_of_surname.entry(key).or_insert(form.mentions[0]);
            *first = (*first).min(form.mentions[0]);
            if !form.tentative {
                listed_words.insert(fold(&form.surname));
                for part in mentions[form.mentions[0]].words() {
                    listed_words.insert(fold(&part.text));
                }
            }
        }
        let tried_last: Vec<bool> = forms
            .iter()
            .map(|form| {
                let key = fold(core(&form.surname));
                form.tentative
                    && (first_of_surname.get(&key) != Some(&form.mentions[0])
                        || listed_words.contains(&fold(&form.given))
                        || listed_words
                            .contains(&fold(&format!("{} {}", form.given, form.surname))))
            })
            .collect();
        let mut order: Vec<usize> = (0..forms.len()).collect();
        order.sort_by_key(|&f| {
            (
                tried_last[f],
                std::cmp::Reverse(strength(&forms[f])),
                forms[f].mentions[0],
            )
        });
        let mut surname_index: NameIndex<usize> = NameIndex::new();
        let plurals = family_plurals(mentions);
        let kin_index = std::cell::OnceCell::new();
        let kin = || kin_index.get_or_init(|| KinIndex::new(story));
        // People by folded surname, so a form meets only its namesakes.
        let mut by_surname: HashMap<String, Vec<usize>> = HashMap::new();
        for f in order {
            // Taken, so that its list of mentions is gone once they are assigned (or becomes
            // the new person's own): a name repeated through a story has a long one.
            let form = std::mem::take(&mut forms[f]);
            let first = form.mentions[0];
            let surname_key = fold(core(&form.surname));
            let given_key = fold(&form.given);
            // "Ryan Paul" for Paul Ryan: a surname that is also a first name, put first.
            if self.reversed_full_name(mentions, &form, &given_key, &surname_key, &by_surname) {
                continue;
            }
            let same_surname: Vec<usize> =
                by_surname.get(&surname_key).cloned().unwrap_or_default();
            let mut target = None;
            let mut mismatch = None;
            // An unlisted first name never contradicts anyone: it may be half a compound
            // surname ("Vander Plaats") or a title-case word ("Senator Endorsed Quimby").
            if tried_last[f] {
                let joined = fold(&format!("{} {}", form.given, form.surname));
                let owner = self
                    .word_owner
                    .get(&joined)
                    .copied()
                    .or_else(|| same_surname.first().copied());
                if let Some(p) = owner {
                    // "Mr Kilroy Silk" for Kilroy-Silk: the surname spaced, read as two names.
                    let written = format!("{} {}", form.given, form.surname);
                    let established = self.people[p].surname.clone();
                    let spaced = (fold(&written) == fold(&established)
                        && !established.contains(' '))
                    .then(|| compare(&written, &established))
                    .flatten();
                    for &m in &form.mentions {
                        match spaced {
                            Some(d) if !mentions[m].quoted => {
                                self.flag_variant(mentions, m, p, &established, d);
                                if let Some(issue) = self.issues.last_mut() {
                                    issue.span = mentions[m].span;
                                    issue.written = self.texts.get(&written);
                                }
                            }
                            _ => self.assign(m, p, &mentions[m], false),
                        }
                    }
                    continue;
                }
            }
            for &p in &same_surname {
                let person = &self.people[p];
                let Some(pg) = person.given.clone() else {
                    continue;
                };
                if is_initials(&form.given) || is_initials(&pg) {
                    if fold(&form.given).chars().next() == fold(&pg).chars().next() {
                        target = Some((p, None));
                        break;
                    }
                    continue;
                }
                // "Barack Hussein Obama" and "Hussein Obama": a middle name used as first.
                if person.words.contains(&given_key) {
                    target = Some((p, None));
                    break;
                }
                // "Michael Okoro's son Mick": a short form the story gives a relative is that
                // relative's own name, weighed below as any other first name.
                if lex.are_nicknames(&form.given, &pg) && !kin().named_as_relative(&form.given) {
                    target = Some((
                        p,
                        Some((IssueKind::FirstName { nickname: true }, pg, Role::Given)),
                    ));
                    break;
                }
                if let Some(diff) = compare(&form.given, &pg) {
                    // Eric and Erica, Dan and Don are names in their own right; two
                    // well-known people whose first names are close stay two people.
                    let both_names = lex.is_given_name(&form.given) && lex.is_given_name(&pg);
                    let two_figures = lex.is_figure(&given_key, &surname_key)
                        && lex.is_figure(&fold(&pg), &surname_key);
                    if !(both_names || two_figures) {
                        target = Some((p, Some((IssueKind::Variant(diff), pg, Role::Given))));
                        break;
                    }
                }
                if mismatch.is_none() {
                    mismatch = Some(p);
                }
            }
            if target.is_none() && same_surname.is_empty() {
                // The same first name with a surname a letter off: "Keith Kellog".
                // Beside the person's own first name a short name romanised another way
                // ("Bernard Rid" for Bernard Reed) is the same person.
                let near = surname_index
                    .lookup(&form.surname)
                    .into_iter()
                    .chain(surname_index.short_transliterations(&form.surname));
                for (spelling, &p, diff) in near {
                    let person = &self.people[p];
                    let compatible = person.given.as_ref().is_some_and(|pg| {
                        fold(pg) == given_key || lex.are_nicknames(pg, &form.given)
                    });
                    let plural = is_plural_of(&surname_key, &fold(spelling));
                    // "Sergey Vladimirovich Sazanov, 51" beside "Sergey Sergeevich Sazonov,
                    // 33": each full name with a middle name or an age of its own is a second
                    // person whose surname is merely close.
                    let told_apart = person.first_full.is_some_and(|ff| {
                        own_middle_or_age(story, &mentions[ff], &mentions[first])
                    });
                    if compatible
                        && !plural
                        && !told_apart
                        && !lex.is_figure(&given_key, &surname_key)
                    {
                        target = Some((
                            p,
                            Some((
                                IssueKind::Variant(diff),
                                spelling.to_string(),
                                Role::Surname,
                            )),
                        ));
                        break;
                    }
                }
            }
            if target.is_none() {
                if let Some(p) = mismatch {
                    let person = &self.people[p];
                    let pg = person.given.clone().unwrap_or_default();
                    // The established person must recur (be referred to again), or the two
                    // full names are more likely two people named once each.
                    let uses = surname_uses_of(&surname_key);
                    let recurring = uses >= form.mentions.len() + 2;
                    // "Diane Yong Kim" for "Jim Yong Kim": the middle name is the person's
                    // own, which outweighs a common surname or a family word nearby.
                    let shared_middle = mentions[first].parts.iter().any(|part| {
                        part.role == Role::Middle
                            && fold(&part.text).len() >= 3
                            && person.words.contains(&fold(&part.text))
                    });
                    // How each is described: "chief designer … the founder" for both says one
                    // person; "comedian" against "prime minister" says two. So does an age,
                    // the same or another.
                    let of_surname = mentions_of(&surname_key);
                    let theirs = Descriptions::of_person(
                        story,
                        lex,
                        mentions,
                        of_surname,
                        &surname_key,
                        &fold(&pg),
                        first,
                    );
                    let mine = Descriptions::of_mentions(story, lex, mentions, &form.mentions);
                    let same_role = mine.matches(&theirs);
                    let own_role = mine.differs_from(&theirs);
                    let any_of = |sign: &dyn Fn(&Mention) -> bool| {
                        form.mentions.iter().any(|&m| sign(&mentions[m]))
                    };
                    // "another brother, Mohamed Ali Omar": a family word outweighs a shared
                    // middle name, unless both are described alike.
                    // "Diane Perry came with her husband Bill" ties the newcomer to a
                    // third person, which tells them from no one but Bill.
                    // ("Tess Marie Mata" then "her sister Tess": a first name the roster
                    // did not know still stands right before the established full name.)
                    let names_established = |relative: &str| {
                        person.words.contains(&fold(relative))
                            || person.first_full.is_some_and(|ff| {
                                let at = story.token_at_or_after(mentions[ff].span.start);
                                at > 0 && story.token_text(at - 1) == relative
                            })
                    };
                    let kin_here = any_of(&|m| {
                        kinship_near(story, m)
                            && relative_named_after(story, m).is_none_or(names_established)
                            && !kin().relatives_already_spoken_of(story, m, &person.surname)
                    });
                    // "the wife of John Bryson" leaves a relative to be named; "her father,
                    // Mohammed Iqbal" is the relative, so the one he is father of is named
                    // before, and a newcomer is someone else only if described.
                    let kin_there = person
                        .first_full
                        .and_then(|ff| kinship(story, &mentions[ff]));
                    // "the father of Stephen Okafor" then "the father of Daniel Okafor": the
                    // newcomer stands where the first person stood, the one whose relative the
                    // story is about, so the family word tells no one apart.
                    let same_relation = person
                        .first_full
                        .and_then(|ff| kin_of_mention(story, &mentions[ff]))
                        .is_some_and(|word| {
                            form.mentions.iter().all(|&i| {
                                kin_of_mention(story, &mentions[i]).as_deref() == Some(&word)
                            })
                        });
                    // Lists, "Henry and Sophie X", an age, or a description on a name neither
                    // person's surname recurs after.
                    // A listed public figure keeps the surname against the weak signs of
                    // another person (a list, a common surname, "the Blairs"): "Ronald Reagan
                    // and Susan Thatcher" misnames her. A description of the newcomer's own
                    // still counts.
                    let figure_there = lex.is_figure(&fold(&pg), &surname_key);
                    // "Frank Ward spoke to his son, Louis Ward": a story that says how the
                    // people it names on a surname are related says so of each relative it
                    // brings in, so a third first name it gives no relation is no sign of
                    // the family.
                    let relations_told = same_surname
                        .iter()
                        .any(|&q| kin().related_within_surname(story, mentions, &self.people[q]));
                    let two_named_unlisted = same_surname.len() >= 2
                        && !relations_told
                        && !same_surname.iter().any(|&q| {
                            self.people[q]
                                .given
                                .as_deref()
                                .is_some_and(|g| lex.is_figure(&fold(g), &surname_key))
                        });
                    // An age is how copy introduces someone in the body, so it marks a
                    // second person only when the first was already introduced there (aged or
                    // described) or is not referred to again; a caption or summary line
                    // ("Edward Byatt (left)") leaves the body's "Byatt, 39," to introduce him.
                    // A listed figure needs no introduction: "Adolfo Cruz, 69," is another.
                    let first_introduced = figure_there
                        || !theirs.words.is_empty()
                        || !theirs.ages.is_empty()
                        || !recurring;
                    // "Alan Merrow (pictured) found" names a person beside their picture,
                    // leaving the words that describe them to a later mention; and a caption,
                    // "the reality star Dan Corvell (right)", restates a person already in the
                    // story. Either way a description there introduces no one new.
                    let first_pictured = person
                        .first_full
                        .is_some_and(|ff| picture_mark_follows(story, &mentions[ff]));
                    let description_may_be_theirs =
                        first_pictured || any_of(&|m| picture_mark_follows(story, m));
                    // "Roland Pettigrew, Maud Ashby and Tom Fell" then "Ned Carver and Laura
                    // Pettigrew": a cast, a team, a panel named in short lists names its
                    // members again the same way, so a later list is no introduction of another
                    // person when the first full name sat in one too. A long roster of names
                    // ("Ann Lowe, Bo Chan, Roland Pettigrew, Maud Ashby, …") lists namesakes,
                    // and a family word after the first list ("… and Carl Whitcombe, the
                    // parents of") says the family is in the story.
                    let first_listed = person.first_full.is_some_and(|ff| {
                        let established = &mentions[ff];
                        joined_to_names(story, established)
                            && !in_long_roster(story, established)
                            && !family_word_after_list(story, established)
                    });
                    // "Defenders: Ann Lowe, Bo Chan, Roland Pettigrew" then "Bo Chan and Laura
                    // Pettigrew": a list that names the first person's companions again is the
                    // same group, however long the first list was.
                    // A list in the first person's own sentence, or beside a family word, is
                    // a roster or a family, where namesakes stand side by side.
                    let relisted = person.first_full.is_some_and(|ff| {
                        !family_word_after_list(story, &mentions[ff])
                            && form.mentions.iter().any(|&i| {
                                let m = &mentions[i];
                                in_name_list(story, m)
                                    && m.sentence() != mentions[ff].sentence()
                                    && !kinship_near(story, m)
                                    && !in_long_roster(story, m)
                                    && shares_list_companion(mentions, i, ff, &surname_key)
                            })
                    });
                    let list_may_introduce = !relisted && !figure_there;
                    let listed_as_another = |m: &Mention| {
                        in_name_list(story, m)
                            && list_may_introduce
                            && !(first_listed
                                && person
                                    .first_full
                                    .is_some_and(|ff| mentions[ff].sentence() != m.sentence())
                                && !in_long_roster(story, m))
                    };
                    // A name in a headline is introduced in the body, description and all: a
                    // description on the body's first use of a headline's surname is the
                    // headline person's own.
                    let earlier = |headline: bool| {
                        of_surname
                            .iter()
                            .take_while(|&&j| j < first)
                            .any(|&j| mentions[j].headline == headline && !mentions[j].lowercase)
                    };
                    let first_in_body = earlier(false) || !earlier(true);
                    let introduced_as_another = any_of(&|m| {
                        listed_as_another(m)
                            || (age_follows(story, m) && figure_there)
                            || affiliation_follows(story, m)
                            || couple_of_given_names(story, lex, m)
                            || (!recurring
                                && !first_pictured
                                && first_in_body
                                && apposition(story, lex, m).is_some())
                    });
                    // A common surname is a sign of two people when the second is introduced
                    // (a title, a description, a role before it) or neither recurs; named
                    // plainly, "Laura Johnson has faced calls", it is a slip. A figure the
                    // list marks as prominent keeps the surname: another, unlisted first name
                    // on it is a slip however common the surname ("Kevin Obama").
                    // A subhead naming someone ("Carrie Johnson") opens their section.
                    // A figure's namesake must be described as someone other than an office
                    // holder ("the lawyer, Kevin Johnson"); "London Mayor Kevin Johnson" is the
                    // figure misnamed.
                    let described_beside_figure = mine
                        .words
                        .iter()
                        .any(|w| !lex.is_office_title(w) && !lex.is_office_title(&capitalise(w)));
                    let common_and_introduced = lex.is_common_surname(&form.surname)
                        && ((!figure_there && (!recurring || !mine.words.is_empty()))
                            || (figure_there && described_beside_figure)
                            || any_of(&|m| m.headline));
                    // The plainest case of all: neither full name recurs and the newcomer is
                    // given nothing of their own, no description and no subhead.
                    let common_named_once = common_and_introduced
                        && !figure_there
                        && mine.words.is_empty()
                        && !any_of(&|m| m.headline);
                    // "the Emmy-winning comedian Rory Albanese", "Dylan McMahon, head of growth
                    // at Kendamil": a newcomer introduced as copy introduces someone, with a
                    // role the story never gave the first person.
                    let introduced_with_description = !same_role
                        && first_in_body
                        && !description_may_be_theirs
                        && theirs.words.is_empty()
                        && any_of(&|m| introduces_with_role(story, lex, m));
                    // "Treasury Secretary James Baker" beside the chief of staff Howard Baker,
                    // "the lawyer, Kevin Johnson" beside Boris Johnson: a description the first
                    // person was never given.
                    // Beside a listed figure an office title is no such description: "London
                    // Mayor Kevin Johnson" is the figure misnamed, as for a common surname.
                    let described_apart = !same_role
                        && first_in_body
                        && mine.words.iter().any(|w| {
                            !theirs.words.contains(w)
                                && !(figure_there
                                    && (lex.is_office_title(w)
                                        || lex.is_office_title(&capitalise(w))))
                        });
                    let signs = [
                        ("named twice", Strength::Strong, form.mentions.len() >= 2),
                        ("own description", Strength::Strong, own_role),
                        (
                            "introduced with a description",
                            Strength::Strong,
                            introduced_with_description,
                        ),
                        (
                            "birth name or pair",
                            Strength::Strong,
                            any_of(&|m| birth_name_or_pair(story, lex, m)),
                        ),
                        // "her son Kevin Ballard" where the story calls Ballard "Mr": the
                        // newcomer is the son of a woman, which the established man may be.
                        (
                            "family word",
                            Strength::Strong,
                            !same_role
                                && !same_relation
                                && kin_here
                                && !any_of(&|m| kin_of_other_sex(story, mentions, of_surname, m)),
                        ),
                        // "her father, Mohammed Iqbal" then "Nora Iqbal": the first is a
                        // relative of someone, but the newcomer is that someone only when the
                        // story says who they are.
                        (
                            "named as a relative",
                            Strength::Strong,
                            kin().named_as_relative(&form.given),
                        ),
                        (
                            "family word at the first",
                            Strength::Strong,
                            !shared_middle
                                && !same_role
                                && !same_relation
                                && match kin_there {
                                    Some(Kinship::Unnamed) => true,
                                    Some(Kinship::Named) => {
                                        !mine.words.is_empty() || !mine.ages.is_empty()
                                    }
                                    None => false,
                                },
                        ),
                        (
                            "introduced as another",
                            Strength::Strong,
                            !shared_middle && !same_role && introduced_as_another,
                        ),
                        // "Kevin Varley, 46, will leave the firm" after the body introduced
                        // Joe Varley: a caption repeats a person with an age, so an age is a
                        // weak sign, enough only for another sex or a description of its own.
                        // Beside a listed figure it is strong ("introduced as another").
                        (
                            "introduced with an age",
                            Strength::Weak,
                            !shared_middle
                                && !same_role
                                && first_introduced
                                && any_of(&|m| age_follows(story, m)),
                        ),
                        (
                            "common surname",
                            Strength::Weak,
                            !shared_middle
                                && !same_role
                                && common_and_introduced
                                && !common_named_once,
                        ),
                        (
                            COMMON_SURNAME_NAMED_ONCE,
                            Strength::Weak,
                            !shared_middle && !same_role && common_named_once,
                        ),
                        // "Tony Blair" after "Ian Blair": a widely known person of their own.
                        (
                            "public figure",
                            Strength::Strong,
                            lex.is_figure(&given_key, &surname_key),
                        ),
                        (
                            "caption",
                            Strength::Strong,
                            any_of(&|m| fused_with_capitals(story, m)),
                        ),
                        // "tackled by Owen Pryce Delaney is booked": a caption runs
                        // one name into the next, and the middle word the story uses alone
                        // as a surname belongs to that other person.
                        (
                            "names run together",
                            Strength::Strong,
                            mentions[first].parts.iter().any(|part| {
                                let key = fold(core(&part.text));
                                part.role == Role::Middle
                                    && !lex.is_given_name(&part.text)
                                    && !person.words.contains(&key)
                                    && surname_uses.contains_key(&key)
                            }),
                        ),
                        (
                            "family plural",
                            Strength::Strong,
                            same_surname.len() == 1
                                && !figure_there
                                && !same_relation
                                && family_plural(&plurals, &surname_key),
                        ),
                        // "Lisa Garza" and "Amerie Jo Garza" named, then "Angel Garza": a
                        // family or a common name; a slip would be a spelling close to one.
                        // Listed figures keep their surname: "Kevin Clinton" beside Bill and
                        // Hillary is still a slip.
                        ("two already named", Strength::Weak, two_named_unlisted),
                        (
                            "listed beside another newcomer",
                            Strength::Strong,
                            listed_beside_newcomer(
                                story,
                                mentions,
                                &form.mentions,
                                of_surname,
                                &[&given_key, &fold(&pg)],
                            ),
                        ),
                        (
                            "suffix",
                            Strength::Strong,
                            has_suffix(&mentions[first])
                                != has_suffix(&mentions[person.first_full.unwrap_or(first)]),
                        ),
                    ];
                    // Two first names of the same sex on one surname is what a slip looks like,
                    // so a weak sign of a second person counts only beside a description of the
                    // newcomer's own; a man's and a woman's name on one surname are more often
                    // a couple or relatives, so any sign will do.
                    let same_sex = lex.same_usual_sex(&given_key, &fold(&pg));
                    // "Diane Portillo makes some of his money": a pronoun of the other sex
                    // than the newcomer's first name, fitting the person named before, says
                    // the first name is the slip, whatever the descriptions suggest. Only a
                    // sign of who the person is (a relative, a birth name, a figure) stands.
                    let newcomer_sex = lex.usual_sex(&given_key);
                    let established_sex = lex.usual_sex(&fold(&pg));
                    let pronoun_contradicts = newcomer_sex.is_some_and(|newcomer| {
                        any_of(&|m| {
                            pronoun_after(story, m).is_some_and(|pronoun| {
                                pronoun != newcomer && established_sex.is_none_or(|e| e == pronoun)
                            })
                        })
                    });
                    // A man's and a woman's name on one surname are more often a couple or
                    // relatives, so a weak sign will do; but a common surname on two full names
                    // named once each, the newcomer given nothing of their own ("Paul Ward
                    // spoke" … "Ruth Ward told voters"), is as often a first name swapped
                    // for another, and needs a second weak sign beside it.
                    let weak_signs = signs
                        .iter()
                        .filter(|(_, strength, sign)| *sign && *strength == Strength::Weak)
                        .count();
                    let distinct = signs.iter().any(|(name, strength, sign)| {
                        *sign
                            && if pronoun_contradicts {
                                IDENTITY_SIGNS.contains(name)
                            } else {
                                *strength == Strength::Strong
                                    || described_apart
                                    || (!same_sex
                                        && (*name != COMMON_SURNAME_NAMED_ONCE || weak_signs >= 2))
                            }
                    });
                    if !distinct {
                        target = Some((
                            p,
                            Some((IssueKind::FirstName { nickname: false }, pg, Role::Given)),
                        ));
                    }
                }
            }
            match target {
                Some((p, issue)) => {
                    let learn = issue.is_none();
                    if let Some((kind, established, role)) = issue {
                        let person = &self.people[p];
                        let basis = if person.first_full.is_some_and(|ff| ff < first) {
                            Basis::FirstFullReference
                        } else {
                            Basis::Majority
                        };
                        let related = person.first_full.map(|ff| mentions[ff].span);
                        let person_name = person.full_name.clone().unwrap_or_default();
                        let first_unquoted;
                        let mention_list: &[usize] = match kind {
                            // A short form is worth one hint, not one per use; and inside a
                            // quotation it is the speaker's word ("Dick has been a friend"),
                            // which the writer may not change.
                            IssueKind::FirstName { nickname: true } => {
                                first_unquoted =
                                    form.mentions.iter().find(|&&m| !mentions[m].quoted);
                                first_unquoted.map_or(&[][..], std::slice::from_ref)
                            }
                            _ => &form.mentions,
                        };
                        for &m in mention_list {
                            if let Some((span, written)) = part_span(&mentions[m], role) {
                                self.issues.push(Issue {
                                    kind,
                                    mention: Some(m),
                                    span,
                                    written: self.texts.get(&written),
                                    established: self.texts.get(&established),
                                    related,
                                    person_name: self.texts.get(&person_name),
                                    basis,
                                });
                            }
                        }
                    }
                    for &m in &form.mentions {
                        self.assign(m, p, &mentions[m], learn);
                    }
                }
                None => {
                    let p = self.people.len();
                    let first_mention = &mentions[first];
                    self.people.push(Person {
                        given: Some(form.given.clone()),
                        surname: form.surname.clone(),
                        full_name: Some(
                            first_mention
                                .words()
                                .map(|w| w.text.as_str())
                                .collect::<Vec<_>>()
                                .join(" "),
                        ),
                        first_full: None,
                        mentions: Vec::new(),
                        words: HashSet::new(),
                    });
                    surname_index.insert(core(&form.surname), p);
                    by_surname.entry(surname_key.clone()).or_default().push(p);
                    for &m in &form.mentions {
                        self.learn_from(m, p, &mentions[m], true);
                    }
                    // The person was made with no mentions: the form's list becomes theirs, in
                    // the order `assign` would have pushed it.
                    self.people[p].mentions = form.mentions;
                }
            }
        }
        for person in &mut self.people {
            person.mentions.sort_unstable();
        }
    }

    /// Records that mention `m` refers to person `p`; with `learn`, its spelling becomes one
    /// the person goes by.
    fn assign(&mut self, m: usize, p: usize, mention: &Mention, learn: bool) {
        self.people[p].mentions.push(m);
        self.learn_from(m, p, mention, learn);
    }

    /// [`Roster::assign`] but for adding `m` to the person's list of mentions.
    fn learn_from(&mut self, m: usize, p: usize, mention: &Mention, learn: bool) {
        if let Some(assigned) = self.assigned.get_mut(m) {
            *assigned = true;
        }
        let person = &mut self.people[p];
        if !learn {
            return;
        }
        if mention.is_full() && person.first_full.is_none_or(|f| m < f) {
            person.first_full = Some(m);
        }
        let same_form = |last: &Vec<(Role, Spelling)>| {
            last.iter()
                .map(|(role, text)| (*role, text.as_str()))
                .eq(mention
                    .parts
                    .iter()
                    .map(|part| (part.role, part.text.as_str())))
        };
        if self.learnt_last.get(&p).is_some_and(same_form) {
            return;
        }
        self.learnt_last.insert(
            p,
            mention
                .parts
                .iter()
                .map(|part| (part.role, part.text.clone()))
                .collect(),
        );
        // Only words the person did not go by before can gain an owner: the others were
        // offered when they were learnt, and a word keeps its first owner. Offering every word
        // again made a name repeated through a story cost a copy of each per mention.
        let mut learnt = Vec::new();
        let mut learn_word = |word: String| {
            if !person.words.contains(&word) {
                person.words.insert(word.clone());
                learnt.push(word);
            }
        };
        for w in mention.words() {
            learn_word(fold(&w.text));
            learn_word(fold(core(&w.text)));
        }
        let surname_words: Vec<&str> = mention
            .parts
            .iter()
            .filter(|p| matches!(p.role, Role::Middle | Role::Particle | Role::Surname))
            .map(|p| p.text.as_str())
            .collect();
        // "Wasserman Schultz", "Moore Capito": every tail of the surname words.
        for start in 0..surname_words.len() {
            learn_word(fold(&surname_words[start..].join(" ")));
        }
        for word in learnt {
            self.word_owner.entry(word).or_insert(p);
        }
    }

    fn resolve_partial(
        &mut self,
        story: &Story,
        mentions: &[Mention],
        words: &WordCounts,
        lex: &Lexicon,
    ) {
        let mut by_word: HashMap<String, Vec<usize>> = HashMap::new();
        for (p, person) in self.people.iter().enumerate() {
            for w in &person.words {
                by_word.entry(w.clone()).or_default().push(p);
            }
        }
        for m in mentions.iter().filter(|m| m.headline) {
            let p = m.paragraph(story);
            self.caption_paragraphs
                .entry(p)
                .or_insert_with(|| sentence_case_paragraph(story, p));
        }
        // Each person's full-name mentions, in order, to find the nearest one quickly. Listed
        // the first time they are asked for: only a bare surname that fits several people
        // asks, and a name repeated through a story would otherwise be listed twice. The
        // loop below assigns only mentions that are not full names, so the lists are the same
        // whenever they are made.
        let mut full_positions: Vec<Option<Vec<usize>>> = vec![None; self.people.len()];
        let mut titled = CourtesyTitles::default();
        let mut unmatched: Vec<usize> = Vec::new();
        for (i, m) in mentions.iter().enumerate() {
            if self.assigned[i] || m.is_full() {
                continue;
            }
            // A lower-case slip is only ever a candidate misspelling, never a reference.
            if m.lowercase {
                unmatched.push(i);
                continue;
            }
            let words: Vec<&str> = m.words().map(|w| w.text.as_str()).collect();
            if self.reversed_order(mentions, i, &words) {
                continue;
            }
            let key = fold(&words.join(" "));
            let core_key = fold(core(&words.join(" ")));
            let fits = by_word.get(&key).or_else(|| by_word.get(&core_key));
            // A word that fits a crowd of people names none of them: left unassigned, as a
            // bare name is when none of its people was named nearby. Weighing each of them for
            // every such mention made a story of many namesakes quadratic.
            if fits.is_some_and(|people| people.len() > MAX_NAMESAKES) {
                continue;
            }
            let mut found: Vec<usize> = fits.cloned().unwrap_or_default();
            if found.is_empty() && m.maybe_family_plural() {
                let singular = key.trim_end_matches('s');
                let singular_es = key.strip_suffix("es").unwrap_or(&key);
                if by_word.contains_key(singular) || by_word.contains_key(singular_es) {
                    self.family.insert(i);
                    continue;
                }
            }
            found.sort_unstable();
            found.dedup();
            // A surname beats a first name: "Clinton" is the senator, not Clinton Jones.
            let mut by_surname_only = false;
            if found.len() > 1 {
                let by_surname: Vec<usize> = found
                    .iter()
                    .copied()
                    .filter(|&p| {
                        let s = &self.people[p].surname;
                        fold(s) == key || fold(core(s)) == core_key
                    })
                    .collect();
                if !by_surname.is_empty() {
                    found = by_surname;
                    by_surname_only = true;
                }
            }
            // "Mrs. Clinton" after both Clintons are named is the woman, whoever was named
            // last.
            if found.len() > 1 {
                if let Some(sex) = courtesy_sex(m) {
                    found = titled.fitting(&self.people, mentions, lex, &found, sex);
                }
            }
            match found.len() {
                0 => unmatched.push(i),
                1 => {
                    // Folding hides accents, hyphens and capitals: compare as written.
                    let p = found[0];
                    let written = m
                        .words()
                        .last()
                        .map(|w| w.text.to_string())
                        .unwrap_or_default();
                    let established = self.people[p].surname.clone();
                    // "Kilroy Silk" for "Kilroy-Silk": two words that are the surname spaced.
                    let joined = words.join(" ");
                    let spaced = words.len() == 2
                        && fold(&joined) == fold(&established)
                        && !established.contains(' ');
                    let diff = if spaced {
                        compare(&joined, &established)
                    } else if words.len() == 1 && fold(&written) == fold(&established) {
                        compare(&written, &established)
                    } else {
                        None
                    };
                    if let (true, Some(d)) = (spaced, diff) {
                        let before = self.issues.len();
                        self.flag_variant_hit(mentions, i, p, &established, d);
                        if self.issues.len() > before {
                            if let Some(issue) = self.issues.last_mut() {
                                issue.span = m.span;
                                issue.written = self.texts.get(&joined);
                            }
                        }
                        continue;
                    }
                    match diff {
                        Some(d @ (Difference::Diacritics | Difference::Punctuation)) => {
                            self.flag_variant_hit(mentions, i, p, &established, d)
                        }
                        Some(d @ Difference::Capitalisation)
                            if !((m.quoted && !first_capital_dropped(&written, &established))
                                || m.headline
                                || (m.sentence_initial()
                                    && first_letter_only(&written, &established))
                                || particle_capitalised_alone(m, &written, &established)) =>
                        {
                            self.flag_variant(mentions, i, p, &established, d)
                        }
                        _ => self.assign(i, p, m, true),
                    }
                }
                _ => {
                    // The person named nearest before, if named in this or the last paragraph.
                    let nearest = found
                        .iter()
                        .filter_map(|&p| {
                            let fulls =
                                full_mentions(&mut full_positions, &self.people, mentions, p)?;
                            let before = fulls.partition_point(|&x| x < i);
                            Some((*fulls.get(before.checked_sub(1)?)?, p))
                        })
                        .max();
                    let introduced = found
                        .iter()
                        .filter(|&&p| self.people[p].first_full.is_some_and(|f| f < i))
                        .count();
                    match nearest {
                        Some((x, p)) if mentions[x].paragraph(story) + 1 >= m.paragraph(story) => {
                            self.assign_or_flag_accent(mentions, i, p)
                        }
                        Some((_, p)) => {
                            // The bare surname conventionally stays with the person the story
                            // introduced first; it is ambiguous when the last one named in
                            // full was someone else.
                            let dominant = found
                                .iter()
                                .copied()
                                .min_by_key(|&q| self.people[q].first_full.unwrap_or(usize::MAX));
                            if introduced >= 2 && by_surname_only && dominant != Some(p) {
                                self.ambiguous.push((i, found.clone()));
                            }
                            self.assign_or_flag_accent(mentions, i, p);
                        }
                        None => {}
                    }
                }
            }
        }
        self.match_variants(story, mentions, lex, &unmatched, words);
        self.dropped_capitals(story, mentions, lex, words);
    }

    /// A full name that is an earlier person's name in the other order ("Ryan Paul" after
    /// "Paul Ryan"), where the surname is also a first name and so read as one.
    fn reversed_full_name(
        &mut self,
        mentions: &[Mention],
        form: &Form,
        given_key: &str,
        surname_key: &str,
        by_surname: &HashMap<String, Vec<usize>>,
    ) -> bool {
        if form
            .mentions
            .iter()
            .any(|&m| mentions[m].words().count() != 2)
        {
            return false;
        }
        let Some(p) = by_surname
            .get(given_key)
            .into_iter()
            .flatten()
            .copied()
            .find(|&p| {
                self.people[p]
                    .given
                    .as_deref()
                    .is_some_and(|g| fold(g) == surname_key)
            })
        else {
            return false;
        };
        for &m in &form.mentions {
            let words: Vec<&str> = mentions[m].words().map(|w| w.text.as_str()).collect();
            self.push_reversal(mentions, m, p, &words);
        }
        true
    }

    fn push_reversal(&mut self, mentions: &[Mention], i: usize, p: usize, words: &[&str]) {
        let person = &self.people[p];
        let established = format!(
            "{} {}",
            person.given.clone().unwrap_or_default(),
            person.surname
        );
        self.issues.push(Issue {
            kind: IssueKind::Variant(Difference::Order),
            mention: Some(i),
            span: mentions[i].span,
            written: self.texts.get(&words.join(" ")),
            established: self.texts.get(&established),
            related: person.anchor().map(|a| mentions[a].span),
            person_name: self.texts.get(person.name_for_message()),
            basis: person.spelling_basis(),
        });
        self.assign(i, p, &mentions[i], false);
    }

    /// "Photograph: Hale Margaret/AP" for Margaret Hale: a person's surname and first name in
    /// the other order, as credits and lists sorted by surname are apt to write them.
    fn reversed_order(&mut self, mentions: &[Mention], i: usize, words: &[&str]) -> bool {
        let [first, second] = words else {
            return false;
        };
        let (first_key, second_key) = (fold(core(first)), fold(second));
        let Some(p) = self.people.iter().position(|person| {
            fold(core(&person.surname)) == first_key
                && person
                    .given
                    .as_deref()
                    .is_some_and(|g| fold(g) == second_key)
        }) else {
            return false;
        };
        // Two people, one of them called "Hale Margaret" in full elsewhere, are no slip.
        if self.people.iter().any(|person| {
            fold(core(&person.surname)) == second_key
                && person
                    .given
                    .as_deref()
                    .is_some_and(|g| fold(g) == first_key)
        }) {
            return false;
        }
        self.push_reversal(mentions, i, p, words);
        true
    }

    /// "allegations against linton": a long surname that lost its capital letter, in a slot
    /// with no cue, or a short one right after the person's first name ("Amy ope"). Only a
    /// word used once, no ordinary word, and the exact surname without its first letter, for
    /// a person the story names in full or more than once.
    fn dropped_capitals(
        &mut self,
        story: &Story,
        mentions: &[Mention],
        lex: &Lexicon,
        story_words: &WordCounts,
    ) {
        let mut tails: HashMap<String, Option<usize>> = HashMap::new();
        // "…," tarbeck said': the whole surname with only its capital lost, for surnames long
        // enough that the lower-case form is no word of its own.
        let mut wholes: HashMap<String, Option<usize>> = HashMap::new();
        for (p, person) in self.people.iter().enumerate() {
            if person.first_full.is_none() && person.mentions.len() < 2 {
                continue;
            }
            let surname = core(&person.surname);
            if surname.chars().any(|c| !c.is_alphabetic()) {
                continue;
            }
            // Only someone introduced by full name, whose surname is no English word: a
            // capitalised word the story repeats ("Traders said", "Rankings") is no person.
            if person.first_full.is_some()
                && person.given.is_some()
                && surname.chars().count() >= MIN_DROPPED_CAPITAL
                && !lex.is_common_word(surname)
            {
                let whole: String = surname.chars().flat_map(char::to_lowercase).collect();
                if !crate::lexicon::english::is_word(&whole) {
                    file_under(&mut wholes, whole, p, &self.people);
                }
            }
            let tail: String = surname
                .chars()
                .skip(1)
                .flat_map(char::to_lowercase)
                .collect();
            // Short tails only right after the person's own first name ("Amy ope").
            if tail.chars().count() < 3
                || (tail.chars().count() < MIN_DROPPED_CAPITAL && person.given.is_none())
            {
                continue;
            }
            file_under(&mut tails, tail, p, &self.people);
        }
        if tails.is_empty() && wholes.is_empty() {
            return;
        }
        let could_be = LowerKeyFilter::new(tails.keys().chain(wholes.keys()));
        let covered: HashSet<usize> = self.issues.iter().map(|i| i.span.start).collect();
        for (k, token) in story.tokens.iter().enumerate() {
            // "cKenzie" for McKenzie: a capital inside a word that opens in lower case is a
            // name's, so the exact tail of a surname written that way needs no slot.
            let inner_capital = token.case() == crate::text::Case::Mixed
                && story
                    .text(token.span())
                    .chars()
                    .next()
                    .is_some_and(char::is_lowercase);
            if token.kind() != crate::text::tokens::TokenKind::Word
                || !(token.case() == crate::text::Case::Lower || inner_capital)
            {
                continue;
            }
            if inner_capital {
                if !covered.contains(&token.span().start) {
                    self.dropped_capital_with_inner_capital(story, mentions, &tails, token);
                }
                continue;
            }
            let written = story.text(token.span());
            // "pro-anukovych": the name after a lower-case prefix.
            let (lead, written) = match written.bytes().rposition(|b| b == b'-') {
                Some(hyphen) if written[..hyphen].chars().all(char::is_lowercase) => {
                    (hyphen + 1, &written[hyphen + 1..])
                }
                _ => (0, written),
            };
            let (stem, possessive) = super::mentions::strip_possessive(written);
            if !could_be.may_hold(stem) {
                continue;
            }
            let (p, whole) = match tails.get(stem) {
                Some(&Some(p)) => (p, false),
                Some(None) => continue,
                None => match wholes.get(stem) {
                    Some(&Some(p)) => (p, true),
                    _ => continue,
                },
            };
            // Asked only of a word that is some surname's tail or whole: most words of a
            // story are neither, and this is one lookup fewer for each of them.
            if covered.contains(&token.span().start) {
                continue;
            }
            // "(stable framework)": a gloss in brackets or quotes is a word, not a name.
            // (A straight quote mark may close a quote before the speaker: `," lunt said`.)
            if k > 0 && matches!(story.token_text(k - 1), "(" | "[" | "“" | "‘") {
                continue;
            }
            let person = &self.people[p];
            let after_given = lead == 0
                && k > 0
                && story.tokens[k - 1].is_word()
                && person
                    .given
                    .as_deref()
                    .is_some_and(|g| g == story.token_text(k - 1));
            // "Mr ahn said": no word follows a courtesy title in lower case, so even an
            // ordinary word there is the surname that lost its capital.
            let after_title = lead == 0
                && k > 0
                && lex.is_courtesy_title(story.token_text(k - 1).trim_end_matches('.'));
            // A short tail opening a sentence ("eed pointed out") or in the speaker slot
            // ("…, hen said"): lower case is wrong there for anything but a few words.
            // "…remained intact. oore, who": the splitter wants a capital to open a sentence,
            // so a full stop after a lower-case word opens one here all the same.
            let after_full_stop = k >= 2
                && matches!(story.token_text(k - 1), "." | "!" | "?")
                && story.tokens[k - 2].is_word()
                && story.tokens[k - 2].case() == crate::text::Case::Lower;
            let opens_sentence = lead == 0
                && (after_full_stop
                    || story
                        .sentence_at(token.span().start)
                        .and_then(|s| story.sentences.get(s))
                        .is_some_and(|s| s.tokens().start == k));
            // "…, hen said", "…,” analyst oak said": after a clause or a role noun, before a
            // reporting verb.
            let speaker_slot = lead == 0
                && k > 0
                && (matches!(story.token_text(k - 1), "," | "”" | "\"")
                    || is_role_noun(story.token_text(k - 1)))
                && story.tokens.get(k + 1).is_some_and(|t| {
                    t.is_word()
                        && crate::lexicon::reporting_verbs::is_reporting_verb(
                            story.token_text(k + 1),
                        )
                });
            // A tail that is no English word ("utin") can only be the name, wherever it
            // stands, unless it is part of an address or handle ("t.me/utin").
            let no_word = stem.chars().count() >= 3
                && !crate::lexicon::english::is_word(stem)
                && !in_address(story, token.span());
            // A surname that is also a word ("Pope") or a short one needs the first name or
            // a slot only a name fills.
            let shape = if whole {
                // Only the capital is wrong, in a slot only a name fills; quoted words (a
                // tweet, an email read out) and headlines keep their own case.
                lead == 0
                    && !story.is_token_quoted(k)
                    && !story.in_top_matter(token.span().start)
                    && (after_given || after_title || speaker_slot)
            } else if no_word {
                true
            } else if stem.chars().count() < MIN_DROPPED_CAPITAL
                || lex.is_common_word(core(&person.surname))
            {
                after_given || after_title || opens_sentence || speaker_slot
            } else {
                slip_shape(stem, core(&person.surname), possessive) || after_title
            };
            if story_words.lower(written) > 1
                || (lex.is_common_word(stem) && !after_title)
                || crate::lexicon::reporting_verbs::is_reporting_verb(stem)
                || !shape
            {
                continue;
            }
            let established = core(&person.surname).to_string();
            self.issues.push(Issue {
                kind: IssueKind::Variant(if whole {
                    Difference::Capitalisation
                } else {
                    Difference::Spelling(1)
                }),
                mention: None,
                span: Span::new(
                    token.span().start + lead,
                    token.span().start + lead + stem.len(),
                ),
                written: self.texts.get(stem),
                established: self.texts.get(&established),
                related: person.anchor().map(|a| mentions[a].span),
                person_name: self.texts.get(person.name_for_message()),
                basis: person.spelling_basis(),
            });
        }
    }

    /// "cKenzie" for McKenzie, "acDonald" for MacDonald: the surname as written without its
    /// first letter, capitals and all.
    fn dropped_capital_with_inner_capital(
        &mut self,
        story: &Story,
        mentions: &[Mention],
        tails: &HashMap<String, Option<usize>>,
        token: &crate::text::Token,
    ) {
        let (stem, _) = super::mentions::strip_possessive(story.text(token.span()));
        let Some(&Some(p)) = tails.get(&stem.to_lowercase()) else {
            return;
        };
        let person = &self.people[p];
        let established = core(&person.surname).to_string();
        if established.chars().skip(1).ne(stem.chars()) {
            return;
        }
        self.issues.push(Issue {
            kind: IssueKind::Variant(Difference::Spelling(1)),
            mention: None,
            span: Span::new(token.span().start, token.span().start + stem.len()),
            written: self.texts.get(stem),
            established: self.texts.get(&established),
            related: person.anchor().map(|a| mentions[a].span),
            person_name: self.texts.get(person.name_for_message()),
            basis: person.spelling_basis(),
        });
    }

    /// Bare references that match no one: misspellings of someone in the roster, or people
    /// named by surname only.
    fn match_variants(
        &mut self,
        story: &Story,
        mentions: &[Mention],
        lex: &Lexicon,
        unmatched: &[usize],
        story_words: &WordCounts,
    ) {
        // Count each spelling, so a consistent spelling is not read as a typo of a rarer one.
        let mut counts: HashMap<String, usize> = HashMap::new();
        for &i in unmatched {
            if let Some(last) = mentions[i].words().last() {
                *counts.entry(last.text.to_string()).or_default() += 1;
            }
        }
        let mut index: NameIndex<usize> = NameIndex::new();
        for (p, person) in self.people.iter().enumerate() {
            index.insert(core(&person.surname), p);
            for word in inner_surnames_in_use(person, mentions) {
                index.insert(core(word), p);
            }
        }
        let index = RememberedLookups::new(&index);
        let mut leftovers: Vec<usize> = Vec::new();
        for &i in unmatched {
            match self.variant_of(story, mentions, lex, i, &index, &counts, story_words) {
                Some((p, spelling, diff)) => {
                    self.flag_variant_hit(mentions, i, p, &spelling, diff);
                }
                None => leftovers.push(i),
            }
        }
        // People named by surname only: recurring, titled or widely known surnames.
        let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
        let mut group_of: HashMap<String, usize> = HashMap::new();
        for &i in &leftovers {
            let words: Vec<&str> = mentions[i].words().map(|w| w.text.as_str()).collect();
            if words.is_empty() {
                continue;
            }
            let key = fold(core(&words.join(" ")));
            let g = *group_of.entry(key).or_insert_with(|| {
                groups.push((words.join(" "), Vec::new()));
                groups.len() - 1
            });
            groups[g].1.push(i);
        }
        groups.sort_by_key(|(_, ms)| (std::cmp::Reverse(ms.len()), ms[0]));
        let mut surname_only: NameIndex<usize> = NameIndex::new();
        for (written, ms) in groups {
            let person_like = ms.iter().any(|&i| mentions[i].title.is_some())
                || lex.is_figure_surname(&fold(core(&written)))
                || (ms.len() >= 2
                    && ms.iter().any(|&i| {
                        let m = &mentions[i];
                        m.cue()
                            && !m.sentence_initial()
                            && !m.quoted
                            && !m.headline
                            && !after_locative(story, m)
                    }));
            let single_word = !written.contains(' ');
            if ms.len() == 1 && single_word {
                let i = ms[0];
                let hit = self.variant_of(
                    story,
                    mentions,
                    lex,
                    i,
                    &RememberedLookups::new(&surname_only),
                    &counts,
                    story_words,
                );
                if let Some((p, spelling, diff)) = hit {
                    let target = &self.people[p];
                    if target.mentions.len() >= 2 || target.mentions.first().is_some_and(|&f| f < i)
                    {
                        self.flag_variant_hit(mentions, i, p, &spelling, diff);
                        continue;
                    }
                }
            }
            if ms.len() == 1
                && single_word
                && self.figure_variant(story, mentions, lex, ms[0], story_words)
            {
                continue;
            }
            if !person_like || mentions[ms[0]].given().is_some() || mentions[ms[0]].lowercase {
                continue;
            }
            let p = self.people.len();
            self.people.push(Person {
                given: None,
                surname: written.clone(),
                full_name: None,
                first_full: None,
                mentions: Vec::new(),
                words: HashSet::new(),
            });
            if single_word {
                surname_only.insert(core(&written), p);
            }
            for i in ms {
                self.assign(i, p, &mentions[i], true);
            }
        }
        self.full_names_against_surnames(mentions, lex, &surname_only);
    }

    /// A full name whose surname is a letter off the surname the story otherwise uses bare:
    /// "Donald Trup" once among many "Trump".
    fn full_names_against_surnames(
        &mut self,
        mentions: &[Mention],
        lex: &Lexicon,
        surname_only: &NameIndex<usize>,
    ) {
        for p in 0..self.people.len() {
            let person = &self.people[p];
            if person.given.is_none() {
                continue;
            }
            let surname = core(&person.surname);
            if lex.is_given_name(surname)
                || lex.is_common_word(surname)
                || lex.is_place(surname)
                || lex.is_figure_surname(&fold(surname))
            {
                continue;
            }
            let hits = surname_only.lookup(surname);
            let [(spelling, &q, diff)] = hits.as_slice() else {
                continue;
            };
            let target = &self.people[q];
            if target.mentions.len() <= person.mentions.len() || fold(spelling).len() < 4 {
                continue;
            }
            // A full name the story repeats is a person of its own ("Tom Bloch" of H&R
            // Block); so is one whose first name is not the public figure's ("Donald Regan"
            // beside "Reagan"). A slip is one full name, of the figure or of no one known.
            let given_key = person.given.as_deref().map(fold).unwrap_or_default();
            let figures: Vec<_> = lex.figures_named(&fold(core(spelling))).collect();
            let the_figure = figures.iter().any(|f| f.given == given_key);
            // A listed first name with a surname of its own ("Colin Boyce" beside a bare
            // "Joyce") introduces someone; only the figure's own first name makes it a slip.
            if !the_figure
                && (person.mentions.len() > 1
                    || lex.is_given_name(&given_key)
                    || !figures.is_empty()
                    || person.mentions.iter().any(|&m| mentions[m].cue()))
            {
                continue;
            }
            let related = target.mentions.first().map(|&f| mentions[f].span);
            let issues: Vec<Issue> = person
                .mentions
                .iter()
                .filter_map(|&m| {
                    let part = mentions[m].surname()?;
                    Some(Issue {
                        kind: IssueKind::Variant(*diff),
                        mention: Some(m),
                        span: part.span(),
                        written: self.texts.get(&part.text),
                        established: self.texts.get(spelling),
                        related,
                        person_name: self.texts.get(spelling),
                        basis: Basis::Majority,
                    })
                })
                .collect();
            self.issues.extend(issues);
        }
    }

    /// A bare surname shared by several people ("Clinton" for Bill and Hillary) is given to
    /// one of them; written with another accent ("Clintön") it is still a variant, which
    /// every namesake spells the same way.
    fn assign_or_flag_accent(&mut self, mentions: &[Mention], i: usize, p: usize) {
        let m = &mentions[i];
        let words: Vec<&str> = m.words().map(|w| w.text.as_str()).collect();
        let established = self.people[p].surname.clone();
        let diff = match words.as_slice() {
            [written] if fold(written) == fold(&established) => compare(written, &established),
            _ => None,
        };
        match diff {
            Some(d @ (Difference::Diacritics | Difference::Punctuation)) => {
                self.flag_variant_hit(mentions, i, p, &established, d)
            }
            _ => self.assign(i, p, m, true),
        }
    }

    /// Flags a hit of [`Roster::variant_of`]; inside a quotation, a spelling that is neither a
    /// letter off nor an accent may be a written statement's own (a transliteration), and is
    /// marked so the finding can say so.
    fn flag_variant_hit(
        &mut self,
        mentions: &[Mention],
        i: usize,
        p: usize,
        spelling: &str,
        diff: Difference,
    ) {
        let before = self.issues.len();
        self.flag_variant(mentions, i, p, spelling, diff);
        if mentions[i].quoted
            && !matches!(diff, Difference::Spelling(_) | Difference::Diacritics)
            && self.issues.len() > before
        {
            self.quoted_spellings.insert(before);
        }
    }

    fn flag_variant(
        &mut self,
        mentions: &[Mention],
        i: usize,
        p: usize,
        spelling: &str,
        diff: Difference,
    ) {
        let m = &mentions[i];
        let Some(part) = m.words().last() else {
            return;
        };
        let person = &self.people[p];
        let related = person.anchor().map(|a| mentions[a].span);
        let basis = person.spelling_basis();
        // Keep the particle as the story wrote it: "al-Asad" -> "al-Assad".
        let established = match part.text.split_once('-') {
            Some((prefix, _)) if core(&part.text) != part.text && core(spelling) == spelling => {
                format!("{prefix}-{spelling}")
            }
            _ => spelling.to_string(),
        };
        self.issues.push(Issue {
            kind: IssueKind::Variant(diff),
            mention: Some(i),
            span: part.span(),
            written: self.texts.get(&part.text),
            established: self.texts.get(&established),
            related,
            person_name: self.texts.get(person.name_for_message()),
            basis,
        });
        self.assign(i, p, m, false);
    }

    /// Whether a bare capitalised word could be a misspelt name rather than a word, a place or
    /// a first name; `Some(true)` when it is a known first name that the context makes a
    /// surname ("Mr. Leah").
    fn plausible_misspelling(
        &self,
        story: &Story,
        m: &Mention,
        lex: &Lexicon,
        story_words: &WordCounts,
    ) -> Option<bool> {
        let candidate = m.words().last()?.text.as_str();
        let titled = m.title.is_some();
        let courtesy = m.title.as_ref().is_some_and(|t| t.courtesy);
        let lower = candidate.to_lowercase();
        if (lex.is_common_word(candidate) && !titled)
            || (lex.is_place(candidate) && !courtesy)
            || lex.is_org_word(candidate)
            // A word the story uses in lower case is a word, not a name; a lower-case slip
            // must be the only use of its spelling.
            || story_words.lower(&lower) > usize::from(m.lowercase)
            || lex.is_figure_surname(&fold(core(candidate)))
            || (m.headline && !m.cue() && !self.in_caption(story, m))
        {
            return None;
        }
        let given_name = lex.is_given_name(candidate);
        let roster_given = self.given_keys.contains(&fold(candidate));
        if given_name && (roster_given || !(titled || m.cue())) {
            return None;
        }
        Some(given_name)
    }

    /// A first name standing alone, uncued, that no one in the story goes by and that passes
    /// every other test of [`Roster::plausible_misspelling`]: only another romanisation of a
    /// long surname ("Volker" for Volcker) makes it a slip rather than someone's first name.
    fn uncued_first_name(
        &self,
        story: &Story,
        m: &Mention,
        lex: &Lexicon,
        story_words: &WordCounts,
    ) -> bool {
        let Some(candidate) = m.words().last().map(|w| w.text.as_str()) else {
            return false;
        };
        lex.is_given_name(candidate)
            && m.title.is_none()
            && !m.cue()
            && !m.lowercase
            && !self.given_keys.contains(&fold(candidate))
            && !lex.is_common_word(candidate)
            && !lex.is_place(candidate)
            && !lex.is_org_word(candidate)
            && story_words.lower(&candidate.to_lowercase()) == 0
            && !lex.is_figure_surname(&fold(core(candidate)))
            && (!m.headline || self.in_caption(story, m))
    }

    /// Whether the mention stands in a caption read as a headline: a paragraph the story
    /// writes as a sentence, in lower case, only lacking its full stop.
    fn in_caption(&self, story: &Story, m: &Mention) -> bool {
        self.caption_paragraphs
            .get(&m.paragraph(story))
            .copied()
            .unwrap_or(false)
    }

    /// A bare word once in the story, a letter off a rare public figure's surname: "Obama"
    /// misspelt where the story never spells it right.
    fn figure_variant(
        &mut self,
        story: &Story,
        mentions: &[Mention],
        lex: &Lexicon,
        i: usize,
        story_words: &WordCounts,
    ) -> bool {
        let m = &mentions[i];
        let words: Vec<&str> = m.words().map(|w| w.text.as_str()).collect();
        let ([candidate], None) = (words.as_slice(), m.given()) else {
            return false;
        };
        if self.plausible_misspelling(story, m, lex, story_words) != Some(false)
            || !m.cue()
            || lex.is_common_surname(candidate)
        {
            return false;
        }
        let hits = lex.figure_index.lookup(core(candidate));
        let [(spelling, &f, Difference::Spelling(1))] = hits.as_slice() else {
            return false;
        };
        if m.lowercase && !slip_shape(candidate, spelling, m.possessive()) {
            return false;
        }
        let (fc, fs) = (fold(candidate), fold(spelling));
        // A four-letter word a letter off a figure ("Kerr" for "Kerry") is a surname of its
        // own far more often than a slip; so is a demonym ("Victorian").
        if fs.len() < 5
            || fc.len() < 5
            || !lex.is_distinctive_surname(spelling)
            || is_plural_of(&fc, &fs)
            || is_derived_word(lex, &fc, &fs)
        {
            return false;
        }
        // Only the most prominent names: a bare word a letter off an obscure one is too
        // often a word or another name ("Satan").
        let Some(figure) = lex.figures.get(f).filter(|figure| figure.prominent) else {
            return false;
        };
        let Some(part) = m.words().last() else {
            return false;
        };
        self.issues.push(Issue {
            kind: IssueKind::Variant(Difference::Spelling(1)),
            mention: Some(i),
            span: part.span(),
            written: self.texts.get(&part.text),
            established: self.texts.get(spelling),
            related: None,
            person_name: self.texts.get(&figure.written),
            basis: Basis::PublicFigure,
        });
        true
    }

    /// "Rhodes, Rice and Panetta": the mention sits in a row with a known person.
    fn beside_person(&self, mentions: &[Mention], i: usize) -> bool {
        let m = &mentions[i];
        let near = |j: usize| {
            let other = &mentions[j];
            let gap = if j > i {
                other.span.start.saturating_sub(m.span.end)
            } else {
                m.span.start.saturating_sub(other.span.end)
            };
            gap <= 6 && other.sentence() == m.sentence() && self.assigned[j]
        };
        (i > 0 && near(i - 1)) || (i + 1 < mentions.len() && near(i + 1))
    }

    /// "met Rian" after Paul Ryan: a short spelling the story writes only once, that is no
    /// word, place, first name or common surname, names no second person (who would be
    /// introduced, or named again), so another romanisation of someone introduced earlier is
    /// a slip wherever it stands.
    fn lone_spelling(
        &self,
        story: &Story,
        m: &Mention,
        lex: &Lexicon,
        candidate: &str,
        counts: &HashMap<String, usize>,
        story_words: &WordCounts,
    ) -> bool {
        written_once_as_no_word(lex, candidate, counts)
            && story_words.capitalised(candidate) <= 1
            && !m.quoted
            && !m.lowercase
            && !lex.is_common_surname(candidate)
            && !lex.is_given_name(candidate)
            && !named_as_organisation(story, m)
    }

    /// The person a bare reference probably misspells, if the evidence is strong enough.
    #[allow(clippy::too_many_arguments)]
    fn variant_of(
        &self,
        story: &Story,
        mentions: &[Mention],
        lex: &Lexicon,
        i: usize,
        index: &RememberedLookups<usize>,
        counts: &HashMap<String, usize>,
        story_words: &WordCounts,
    ) -> Option<(usize, String, Difference)> {
        let m = &mentions[i];
        let words: Vec<&str> = m.words().map(|w| w.text.as_str()).collect();
        let candidate = *words.last()?;
        if m.given().is_some() || words.len() > 2 {
            return None;
        }
        let titled = m.title.is_some();
        let uncued_first_name =
            words.len() == 1 && self.uncued_first_name(story, m, lex, story_words);
        let given_name = match self.plausible_misspelling(story, m, lex, story_words) {
            Some(given_name) => given_name,
            None if uncued_first_name => true,
            None => return None,
        };
        // "leaders Bayern" beside "Bayern Munich": a spelling the story also writes inside
        // another name is a word of its own, not a slip of this person's.
        let written_elsewhere = words.len() == 1
            && story_words.capitalised(candidate) > counts.get(candidate).copied().unwrap_or(1);
        if written_elsewhere {
            return None;
        }
        // A short name romanised another way ("Rid" for Reed) is as often a second person
        // ("Lee" and "Li"): it is taken for a slip only where the story uses it as the name of
        // someone it introduced in full, after a title, in the speaker slot or as the subject
        // opening a clause ("…, but Cuk declined").
        let speaker = speaker_slot(story, m);
        let mut hits = index.lookup(core(candidate));
        let slotted = titled || speaker || subject_of_verb(story, m);
        if hits.is_empty()
            && (slotted || self.lone_spelling(story, m, lex, candidate, counts, story_words))
        {
            hits = index.short_transliterations(core(candidate));
            // Outside a slot, only a spelling of someone the story has already introduced.
            hits.retain(|(_, &p, _)| {
                self.people[p]
                    .first_full
                    .is_some_and(|f| slotted || mentions[f].span.end <= m.span.start)
            });
        }
        let lone_transliteration = !slotted && !hits.is_empty();
        let mut fits: Vec<(usize, String, Difference)> = Vec::new();
        for (spelling, &p, diff) in hits {
            let person = &self.people[p];
            // Two-word references must agree on the first word ("Moore Capito").
            if words.len() == 2 && !person.words.contains(&fold(words[0])) {
                continue;
            }
            let established_len = fold(spelling).len();
            if m.lowercase && !slip_shape(candidate, spelling, m.possessive()) {
                continue;
            }
            if uncued_first_name
                && !(diff == Difference::Transliteration
                    && established_len >= 5
                    && person.first_full.is_some())
            {
                continue;
            }
            // Short names need a cue that a person is meant.
            // Two common surnames (Wang and Fang) are two real names.
            if lex.is_common_surname(candidate) {
                continue;
            }
            // "UT-Chattanooga", "ex-Quimby": a compound, not a misspelling.
            if candidate
                .rsplit('-')
                .next()
                .is_some_and(|last| last != candidate && fold(last) == fold(spelling))
            {
                continue;
            }
            // "Ling said" for Lyng: a first name in the speaker slot of a person named in full
            // is a romanisation of the surname, not someone called by a first name alone.
            let romanised_speaker =
                diff == Difference::Transliteration && speaker && person.first_full.is_some();
            if given_name && established_len < 5 && !titled && !romanised_speaker {
                continue;
            }
            // “Greensland”: a word quoted on its own is a coinage under discussion.
            if m.quoted && quoted_alone(story, m) {
                continue;
            }
            // "the charity Mind", "the club Bayern": named as an organisation, not a person.
            if named_as_organisation(story, m) || plural_subject(story, m) {
                continue;
            }
            // In a quotation the spelling is the speaker's: a letter off counts only on a long
            // name or a cued one; another romanisation, accent or hyphenation is kept as a
            // hint (`flag_variant_hit`).
            if m.quoted
                && matches!(diff, Difference::Spelling(_))
                && established_len < 5
                && !m.cue()
            {
                continue;
            }
            // "the Quimbys", "both Quimbys": a family, not a misspelling.
            let (fc, fs) = (fold(candidate), fold(spelling));
            // "Helicopter" beside "Helicopters", "Mind" beside "Young Minds": a singular of a
            // word used as a name. For a person with a first name it is a dropped letter
            // ("Ebber" for Bernie Ebbers).
            let named_person = person
                .given
                .as_deref()
                .is_some_and(|g| lex.is_given_name(g));
            if is_plural_of(&fc, &fs)
                || (is_plural_of(&fs, &fc) && !named_person)
                || is_derived_word(lex, &fc, &fs)
            {
                continue;
            }
            // A word the story also writes in lower case ("economic" beside "the
            // Economist") is a word in a company's or a paper's name, not a person.
            if story_words.lower(&spelling.to_lowercase()) > 0 {
                continue;
            }
            // "Al-Assad" starting a sentence is capitalised by position, not a variant.
            if diff == Difference::Capitalisation
                && m.sentence_initial()
                && first_letter_only(candidate, spelling)
            {
                continue;
            }
            // A short name needs a cue: a title, a verb, or standing in a row of people. Two
            // letters swapped or one doubled ("Wrad", "Wward") is a slip of the keys that
            // seldom makes another word or name, for a person the story keeps naming.
            let slip = !given_name
                && (person.first_full.is_some() || person.mentions.len() >= 2)
                && is_keyboard_slip(&fold(candidate), &fold(spelling));
            // A name with its only vowel changed away ("Knmp" for Kemp) spells no word.
            let has_vowel = |w: &str| {
                w.chars()
                    .any(|c| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y'))
            };
            let unpronounceable = !given_name && !has_vowel(&fc) && has_vowel(&fs);
            // "alongside Qane" beside Harry Kane: a spelling that is no English word, no first
            // name, no place and no abbreviation ("Feb"), written once, names no one else
            // either. Other vowels alone ("Kamp" for Kemp, "Chu" for Chou) may well make
            // another surname or romanisation, which no word list holds. Asked only of a
            // short name with no other cue.
            let no_word = || {
                matches!(diff, Difference::Spelling(_) | Difference::Transliteration)
                    && consonants(&fc) != consonants(&fs)
                    && !given_name
                    && written_once_as_no_word(lex, candidate, counts)
            };
            let lone_romanisation = lone_transliteration && diff == Difference::Transliteration;
            if established_len <= 4
                && !m.cue()
                && !slip
                && !lone_romanisation
                && !unpronounceable
                && !no_word()
                && !self.beside_person(mentions, i)
                && (m.title.is_some() || !subject_of_verb(story, m))
            {
                continue;
            }
            let candidate_count = counts.get(candidate).copied().unwrap_or(1);
            if candidate_count > person.mentions.len().max(1) {
                continue;
            }
            fits.push((p, spelling.to_string(), diff));
        }
        // Two people spelled alike ("Mrs. Clintn" with two Clintons) share the fix. Two
        // spelled differently ("Hward": Howard or Ward) leave the slip to the one the story
        // names far more often, or to no one.
        let (first, first_spelling, _) = fits.first()?;
        let named = |p: usize| self.people[p].mentions.len();
        if fits
            .iter()
            .all(|(p, spelling, _)| p == first || spelling == first_spelling)
        {
            return fits.into_iter().next();
        }
        let top = fits.iter().max_by_key(|(p, _, _)| named(*p))?;
        let runner_up = fits
            .iter()
            .filter(|(p, spelling, _)| *p != top.0 && *spelling != top.1)
            .map(|(p, _, _)| named(*p))
            .max()
            .unwrap_or(0);
        (named(top.0) >= 3 && named(top.0) >= 2 * runner_up.max(1)).then(|| top.clone())
    }

    /// Full names checked against widely published spellings: "Rence Priebus".
    fn check_public_figures(&mut self, story: &Story, mentions: &[Mention], lex: &Lexicon) {
        let flagged: HashSet<usize> = self.issues.iter().filter_map(|i| i.mention).collect();
        let spellings = spelling_counts(mentions);
        // A story repeats its names: each surname is looked up among the figures once.
        let figure_lookups = RememberedLookups::new(&lex.figure_index);
        for (i, m) in mentions.iter().enumerate() {
            if flagged.contains(&i) {
                continue;
            }
            // A full name, or two or three capitalised words whose first is an unknown first
            // name ("Rence Priebus").
            let words: Vec<_> = m.words().collect();
            let (given, surname) = match (m.given(), m.surname()) {
                (Some(g), Some(s)) if m.is_full() => (g, s),
                (None, _) if (2..=3).contains(&words.len()) && !m.sentence_initial() => {
                    (words[0], words[words.len() - 1])
                }
                _ => continue,
            };
            if lex.is_common_word(&given.text) || lex.is_place(&given.text) {
                continue;
            }
            let surname_key = fold(core(&surname.text));
            let given_key = fold(&given.text);
            let figures: Vec<_> = lex.figures_named(&surname_key).collect();
            if figures.is_empty() {
                if m.is_full() {
                    self.figure_surname_variant(mentions, lex, &figure_lookups, i, &spellings);
                }
                continue;
            }
            if figures.iter().any(|f| f.given == given_key) {
                continue;
            }
            if lex.is_given_name(&given.text) {
                self.figure_first_name(story, mentions, lex, i, &figures);
                continue;
            }
            if given_key.len() < 3 {
                continue;
            }
            let close: Vec<_> = figures
                .iter()
                .filter(|f| {
                    let written_given = f.written.split_whitespace().next().unwrap_or("");
                    matches!(
                        compare(&given.text, written_given),
                        Some(Difference::Spelling(_) | Difference::Diacritics)
                    )
                })
                .collect();
            let [figure] = close.as_slice() else {
                continue;
            };
            if spellings.get(given.text.as_str()).copied().unwrap_or(0) >= 2 {
                continue;
            }
            let established = figure.written.split_whitespace().next().unwrap_or("");
            let diff = compare(&given.text, established).unwrap_or(Difference::Spelling(1));
            self.issues.push(Issue {
                kind: IssueKind::Variant(diff),
                mention: Some(i),
                span: given.span(),
                written: self.texts.get(&given.text),
                established: self.texts.get(established),
                related: None,
                person_name: self.texts.get(&figure.written),
                basis: Basis::PublicFigure,
            });
        }
    }
}

impl Roster {
    /// "Donald Trum": a public figure's first name with a surname a letter off theirs.
    fn figure_surname_variant(
        &mut self,
        mentions: &[Mention],
        lex: &Lexicon,
        figure_lookups: &RememberedLookups<usize>,
        i: usize,
        spellings: &HashMap<&str, usize>,
    ) {
        let m = &mentions[i];
        let (Some(given), Some(surname)) = (m.given(), m.surname()) else {
            return;
        };
        if lex.is_given_name(&surname.text)
            || lex.is_common_word(&surname.text)
            || lex.is_place(&surname.text)
            || lex.is_common_surname(&surname.text)
        {
            return;
        }
        let given_key = fold(&given.text);
        let hits = figure_lookups.lookup(core(&surname.text));
        let matching: Vec<_> = hits
            .iter()
            .filter(|(spelling, _, diff)| {
                matches!(diff, Difference::Spelling(_))
                    && fold(spelling).len() >= 5
                    && lex.is_figure(&given_key, &fold(core(spelling)))
            })
            .collect();
        let [(spelling, _, diff)] = matching.as_slice() else {
            return;
        };
        if spellings.get(surname.text.as_str()).copied().unwrap_or(0) >= 2 {
            return;
        }
        let person_name = lex
            .figures_named(&fold(core(spelling)))
            .find(|f| f.given == given_key)
            .map(|f| f.written.clone())
            .unwrap_or_default();
        self.issues.push(Issue {
            kind: IssueKind::Variant(*diff),
            mention: Some(i),
            span: surname.span(),
            written: self.texts.get(&surname.text),
            established: self.texts.get(spelling),
            related: None,
            person_name: self.texts.get(&person_name),
            basis: Basis::PublicFigure,
        });
    }

    /// "Kevin Trump" in a story that otherwise says "Trump": when the story never names the
    /// person in full otherwise and the surname is rare, the public figure is meant.
    fn figure_first_name(
        &mut self,
        story: &Story,
        mentions: &[Mention],
        lex: &Lexicon,
        i: usize,
        figures: &[&super::lexicon::Figure],
    ) {
        let m = &mentions[i];
        let (Some(given), Some(surname)) = (m.given(), m.surname()) else {
            return;
        };
        if !m.is_full() {
            return;
        }
        // "Diane Yong Kim" for "Jim Yong Kim": the figure's own middle name settles who is
        // meant, even behind a common surname.
        let middle_match = figures.iter().copied().find(|f| {
            let written: Vec<&str> = f.written.split_whitespace().collect();
            written.len() >= 3
                && m.parts.iter().any(|p| {
                    p.role == Role::Middle
                        && fold(&p.text).len() >= 3
                        && written[1..written.len() - 1]
                            .iter()
                            .any(|w| fold(w) == fold(&p.text))
                })
        });
        if middle_match.is_none() && !lex.is_distinctive_surname(&surname.text) {
            return;
        }
        let key = fold(core(&surname.text));
        let written_given = |f: &super::lexicon::Figure| {
            f.written
                .split_whitespace()
                .next()
                .unwrap_or("")
                .to_string()
        };
        let given_key = fold(&given.text);
        if figures.iter().any(|f| {
            lex.are_nicknames(&given.text, &written_given(f))
                || f.written.split_whitespace().any(|w| fold(w) == given_key)
        }) {
            return;
        }
        let (first_bare, full_count) = self.surname_stats.get(&key).copied().unwrap_or((None, 0));
        // The story already used the bare surname before this full name: it means the figure.
        // A headline's bare surname is the story's own person, named in full below.
        let bare_before = first_bare.is_some_and(|b| b < i && !mentions[b].headline);
        // "its executive vice president, James D. Snyder.", "press secretary Francois
        // Giuliani": introduced here as someone of their own, not the figure.
        let first = story.token_at_or_after(m.span.start);
        let role_then_comma = first >= 2
            && story.token_text(first - 1) == ","
            && story
                .tokens
                .get(first - 2)
                .is_some_and(|t| t.is_word() && t.case() == crate::text::Case::Lower);
        // "press secretary Francois Giuliani": a role noun right before the name, even a common
        // word, introduces someone with a job of their own.
        let role_before = first >= 1
            && story
                .tokens
                .get(first - 1)
                .is_some_and(|t| t.is_word() && t.case() == crate::text::Case::Lower)
            && is_role_noun(story.token_text(first - 1));
        // "finance minister Binyamin Netanyahu": the figure's own first name, spelt another
        // way, is still the figure.
        let respelt = figures.iter().any(|f| {
            let theirs = fold(&written_given(f));
            compare(&given.text, &written_given(f)).is_some()
                || (theirs.len() >= 5 && super::similarity::edits(&given_key, &theirs) <= 2)
        });
        let set_off = m.title.is_none()
            && (role_then_comma
                || (role_before && !respelt)
                || introduced_with_role(story, lex, m));
        if set_off {
            return;
        }
        let prominent = figures.iter().any(|f| f.prominent);
        let bare_elsewhere = (bare_before || prominent) && !in_name_list(story, m);
        let other_full = full_count > 1;
        if middle_match.is_none() && (!bare_elsewhere || other_full || kinship_near(story, m)) {
            return;
        }
        let Some(figure) = middle_match.or_else(|| figures.first().copied()) else {
            return;
        };
        // "Binyamin" for "Benjamin": a spelling that is a first name in its own right, close
        // to the figure's, is another form of the same name, which some houses prefer; a hint.
        let another_form = respelt && lex.is_given_name(&given.text);
        self.issues.push(Issue {
            kind: IssueKind::FirstName {
                nickname: another_form,
            },
            mention: Some(i),
            span: given.span(),
            written: self.texts.get(&given.text),
            established: self.texts.get(&written_given(figure)),
            related: None,
            person_name: self.texts.get(&figure.written),
            basis: Basis::PublicFigure,
        });
    }
}

/// What a story says a person is: the words of a role before the name ("chief designer"),
/// of a description after it ("head of growth at"), of an office title, and an age.
#[derive(Debug, Default)]
struct Descriptions {
    words: HashSet<String>,
    ages: HashSet<u32>,
}

impl Descriptions {
    /// The descriptions given to the person of `surname_key` and first name `given_key`, in
    /// full-name mentions and in bare-surname mentions before mention `before` (after it, a
    /// bare surname may be the newcomer's). `of_surname` lists the story's mentions whose
    /// last word folds to `surname_key`.
    fn of_person(
        story: &Story,
        lex: &Lexicon,
        mentions: &[Mention],
        of_surname: &[usize],
        surname_key: &str,
        given_key: &str,
        before: usize,
    ) -> Descriptions {
        let theirs: Vec<usize> = of_surname
            .iter()
            .filter_map(|&j| Some((j, mentions.get(j)?)))
            // A headline is telegraphic: the words before a name there are often its subject
            // and verb ("premiers push …"), not what the person is. A short opening sentence,
            // a caption or a summary line read as one is a sentence, and describes.
            .filter(|(j, m)| {
                !m.lowercase
                    && (!m.headline
                        || ends_like_sentence(story, m.paragraph(story))
                        || sentence_case_paragraph(story, m.paragraph(story)))
                    && m.words()
                        .last()
                        .is_some_and(|w| fold(core(&w.text)) == surname_key)
                    && match m.given() {
                        Some(g) => m.is_full() && fold(&g.text) == given_key,
                        None => *j < before && m.parts.len() == 1,
                    }
            })
            .map(|(j, _)| j)
            .collect();
        Descriptions::of_mentions(story, lex, mentions, &theirs)
    }

    fn of_mentions(
        story: &Story,
        lex: &Lexicon,
        mentions: &[Mention],
        which: &[usize],
    ) -> Descriptions {
        let mut d = Descriptions::default();
        for &j in which {
            let Some(m) = mentions.get(j) else { continue };
            if let Some(title) = m.title.as_ref().filter(|t| !t.courtesy) {
                if let Some(office) = office_of_title(story, title) {
                    d.words.insert(office.to_string());
                }
                let title = title.text.to_lowercase();
                let title = title.trim_end_matches('.');
                d.words.insert(title.to_string());
            }
            let mut add = |word: &str| {
                let w = word.to_lowercase();
                // "Australia's PM, John Howard" describes as "the prime minister" does.
                let w = match w.as_str() {
                    "pm" => "minister".to_string(),
                    // "Fed chief" and "Federal Reserve chairman" are one office.
                    "ceo" | "chairman" | "chairwoman" | "chair" | "boss" => "chief".to_string(),
                    "mp" | "mep" | "msp" => "mp".to_string(),
                    _ => w,
                };
                let role = w == "mp" || is_role_noun(&w);
                if role {
                    // "directors" and "director" describe alike.
                    let singular = match w.strip_suffix('s') {
                        Some(stem) if stem.chars().count() >= 4 && !stem.ends_with('s') => stem,
                        _ => w.as_str(),
                    };
                    d.words.insert(singular.to_string());
                }
                role
            };

            // "the former Rio Tinto boss", "Prime Minister": role words and office titles
            // back from the name, up to a word of the sentence around it.
            let first = story.token_at_or_after(m.span.start);
            let start = story
                .sentences
                .get(m.sentence())
                .map_or(0, |s| s.tokens().start);
            let mut k = first;
            // "the party's treasurer, Laura Johnson": the role may stand before a comma.
            if k > start + 1 && story.token_text(k - 1) == "," {
                k -= 1;
            }
            while k > start && first - k < 5 {
                k -= 1;
                let Some(t) = story.tokens.get(k) else { break };
                let word = story.token_text(k);
                let role = if t.is_word() && t.case() == crate::text::Case::Lower {
                    !DESCRIPTION_STOPS.contains(&word)
                        && !crate::lexicon::reporting_verbs::is_reporting_verb(word)
                        && !word.ends_with("ed")
                        && !word.ends_with("ly")
                        && !word.ends_with("ing")
                } else {
                    t.is_word()
                        && (lex.is_office_title(word)
                            || matches!(word, "PM" | "MP" | "MEP" | "MSP" | "CEO"))
                };
                // "Several ministers want Boris Johnson": a lower-case word that names no role
                // (a verb, most often) ends the description; the subject beyond it is no
                // description of the person.
                if !role || (!add(word) && t.case() == crate::text::Case::Lower) {
                    break;
                }
            }
            // "Dana Smith, in a blunt mood," sets off no description of her.
            if let Some(apposition) = apposition(story, lex, m).filter(|a| {
                a.split_whitespace().next().is_some_and(|w| {
                    matches!(w, "the" | "a" | "an" | "former") || !DESCRIPTION_STOPS.contains(&w)
                })
            }) {
                apposition.split_whitespace().for_each(|word| {
                    add(word);
                });
            }
            if let Some(age) = age_after(story, m).or_else(|| year_old_after(story, m)) {
                d.ages.insert(age);
            }
        }
        d
    }

    /// A word of description or an age in common.
    fn matches(&self, other: &Descriptions) -> bool {
        self.words.iter().any(|w| other.words.contains(w))
            || self.ages.iter().any(|a| other.ages.contains(a))
    }

    /// Both described, in nothing alike; or given different ages.
    fn differs_from(&self, other: &Descriptions) -> bool {
        let words = !self.words.is_empty() && !other.words.is_empty();
        let ages = !self.ages.is_empty() && !other.ages.is_empty();
        (words || ages) && !self.matches(other)
    }
}

/// "Gov. Ann Lowe" is described as "the governor, Ann Lowe" is: the office an abbreviated
/// title holds, unless a rank makes it another ("Lt. Gov.", "Deputy Sec.").
fn office_of_title(story: &Story, title: &Title) -> Option<&'static str> {
    let lower = title.text.to_lowercase();
    let mut words = lower.split_whitespace().map(|w| w.trim_end_matches('.'));
    let office = words.next_back().and_then(spelled_out)?;
    if words.any(is_rank) {
        return None;
    }
    // The rank may stand before the title, its dot a token of its own.
    let at = story.token_at_or_after(title.span.start);
    let before = match at.checked_sub(1) {
        Some(k) if story.token_text(k) == "." => k.checked_sub(1),
        k => k,
    };
    (!before.is_some_and(|k| is_rank(story.lower(k)))).then_some(office)
}

/// A spelling the story writes once that is no English word, place or newswire abbreviation:
/// nothing else it could name.
fn written_once_as_no_word(
    lex: &Lexicon,
    candidate: &str,
    counts: &HashMap<String, usize>,
) -> bool {
    counts.get(candidate).copied().unwrap_or(1) == 1
        && !lex.is_place(candidate)
        && !crate::text::sentences::is_newswire_abbreviation(candidate)
        && with_lowercase(candidate, |lower| !crate::lexicon::english::is_word(lower))
}

/// A word that makes an office another one: "Lt. Gov.", "Deputy Sec.".
fn is_rank(word: &str) -> bool {
    matches!(
        word,
        "lt" | "lieut" | "lieutenant" | "deputy" | "vice" | "asst" | "assistant"
    )
}

/// The office an abbreviated title stands for, in the words a description would use.
fn spelled_out(abbreviation: &str) -> Option<&'static str> {
    Some(match abbreviation {
        "gov" => "governor",
        "sen" => "senator",
        "rep" => "representative",
        "gen" => "general",
        "col" => "colonel",
        "capt" => "captain",
        "sgt" => "sergeant",
        "det" => "detective",
        "insp" => "inspector",
        "supt" => "superintendent",
        "cmdr" => "commander",
        "adm" => "admiral",
        "amb" => "ambassador",
        "atty" => "attorney",
        "prof" => "professor",
        "pres" => "president",
        "sec" | "secy" => "secretary",
        _ => return None,
    })
}

/// Nouns that say what a person is or does: a description worth comparing between two
/// mentions. Other words in a phrase around a name ("lined up to replace", "in a blunt
/// mood") describe the sentence, not the person.
fn is_role_noun(word: &str) -> bool {
    let singular = word
        .strip_suffix('s')
        .filter(|s| s.len() >= 4)
        .unwrap_or(word);
    ROLE_NOUNS.contains(&word)
        || ROLE_NOUNS.contains(&singular)
        || ["ist", "ian", "man", "woman", "person"]
            .iter()
            .any(|end| singular.len() > end.len() + 2 && singular.ends_with(end))
            && !matches!(
                singular,
                "human" | "german" | "roman" | "woman" | "christian"
            )
}

const ROLE_NOUNS: &[&str] = &[
    "boss",
    "chief",
    "head",
    "captain",
    "coach",
    "star",
    "founder",
    "co-founder",
    "leader",
    "minister",
    "secretary",
    "president",
    "director",
    "officer",
    "lawyer",
    "attorney",
    "doctor",
    "judge",
    "mp",
    "senator",
    "professor",
    "teacher",
    "chair",
    "executive",
    "manager",
    "designer",
    "player",
    "striker",
    "midfielder",
    "defender",
    "goalkeeper",
    "winger",
    "forward",
    "actor",
    "actress",
    "singer",
    "presenter",
    "host",
    "anchor",
    "editor",
    "writer",
    "author",
    "reporter",
    "correspondent",
    "adviser",
    "advisor",
    "aide",
    "governor",
    "mayor",
    "premier",
    "chancellor",
    "ambassador",
    "envoy",
    "general",
    "colonel",
    "commander",
    "sergeant",
    "detective",
    "inspector",
    "constable",
    "prosecutor",
    "solicitor",
    "barrister",
    "counsel",
    "nurse",
    "surgeon",
    "researcher",
    "student",
    "pupil",
    "owner",
    "treasurer",
    "deputy",
    "candidate",
    "nominee",
    "lawmaker",
    "legislator",
    "councillor",
    "councilor",
    "volunteer",
    "victim",
    "suspect",
    "defendant",
    "witness",
    "photographer",
    "architect",
    "engineer",
    "banker",
    "trader",
    "investor",
    "entrepreneur",
    "priest",
    "bishop",
    "imam",
    "rabbi",
    "pastor",
    "chef",
    "farmer",
    "driver",
    "pilot",
    "soldier",
    "boxer",
    "golfer",
    "jockey",
    "trainer",
    "referee",
    "umpire",
    "controller",
    "instructor",
    "chairman",
    "chairwoman",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "analyst",
    "economist",
    "strategist",
    "comedian",
    "musician",
    "politician",
    "physician",
    "historian",
    "scientist",
    "journalist",
    "artist",
    "activist",
    "campaigner",
    "protester",
    "resident",
    "worker",
    "employee",
    "official",
    "prisoner",
    "inmate",
    "officer",
    "agent",
    "consultant",
    "partner",
    "rapper",
    "model",
    "filmmaker",
    "producer",
    "climber",
    "runner",
    "cyclist",
    "swimmer",
    "batsman",
    "bowler",
    "skipper",
    "midfield",
    "defector",
    "heir",
    "speaker",
    "whip",
    "deputy",
    "tycoon",
    "billionaire",
    "millionaire",
    "donor",
    "veteran",
    "nurse",
    "midwife",
    "headteacher",
    "principal",
    "dean",
    "lecturer",
    "teenager",
    "mother-of-two",
    "father-of-two",
];

/// Function words: they end a role read backwards from a name ("by", "with" belong to the
/// sentence) and say nothing about who a person is.
const DESCRIPTION_STOPS: &[&str] = &[
    "the",
    "a",
    "an",
    "by",
    "with",
    "and",
    "or",
    "but",
    "for",
    "to",
    "of",
    "from",
    "that",
    "as",
    "his",
    "her",
    "their",
    "its",
    "our",
    "my",
    "your",
    "in",
    "on",
    "at",
    "into",
    "about",
    "after",
    "before",
    "than",
    "then",
    "when",
    "while",
    "who",
    "whose",
    "which",
    "also",
    "former",
    "late",
    "new",
    "now",
    "not",
    "this",
    "these",
    "those",
    "there",
    "here",
    "was",
    "were",
    "has",
    "had",
    "have",
    "been",
    "being",
    "are",
    "will",
    "would",
    "could",
    "can",
    "said",
    "says",
    "told",
    "like",
    "all",
    "both",
    "such",
    "over",
    "under",
    "between",
    "among",
    "since",
    "until",
    "during",
    "against",
    "without",
    "within",
    "where",
    "one",
    "two",
    "other",
    "another",
    "said",
    "say",
    "more",
    "most",
    "very",
    "just",
    "only",
    "even",
    "yet",
    "still",
    "some",
    "any",
    "each",
    "every",
    "many",
    "much",
    "including",
    "according",
    "because",
    "if",
    "so",
    "out",
    "up",
    "down",
    "off",
    "well",
    "left",
    "right",
    "pictured",
    "above",
    "below",
    "centre",
    "center",
    "inset",
    "top",
    "bottom",
];

/// The inner words of a person's full name that the story itself uses alone for them: "Juan
/// Chacin Guzman … Chacin said", where a Spanish double surname is shortened to the first. A word
/// a letter off one of these is a slip of the name the story goes by, as it would be of the last.
/// A story that never uses the last word alone either may be shortening to an inner one whose
/// only bare use is the slip itself ("Juan Chacin Guzman said. Cacin told reporters").
fn inner_surnames_in_use<'p>(person: &'p Person, mentions: &[Mention]) -> Vec<&'p str> {
    let Some(full) = person.full_name.as_deref() else {
        return Vec::new();
    };
    let words: Vec<&str> = full.split_whitespace().collect();
    if words.len() < 3 {
        return Vec::new();
    }
    let used_alone = |word: &str| {
        person.mentions.iter().any(|&i| {
            let mut own = mentions[i].words();
            matches!((own.next(), own.next()), (Some(only), None) if fold(&only.text) == fold(word))
        })
    };
    let last_unused = words.last().is_some_and(|last| !used_alone(last));
    words[1..words.len() - 1]
        .iter()
        .copied()
        .filter(|word| {
            word.chars().next().is_some_and(char::is_uppercase) && (last_unused || used_alone(word))
        })
        .collect()
}

/// A folded spelling without its vowels: "Kemp" and "Kamp" share "kmp", "Chou" and "Chu"
/// share "ch".
fn consonants(folded: &str) -> String {
    folded
        .chars()
        .filter(|c| !matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y'))
        .collect()
}

/// A word glued to an address, handle or file name by its neighbours ("t.me/utin", "@utin",
/// "utin_official").
fn in_address(story: &Story, span: Span) -> bool {
    let text = story.prose();
    let before = text[..span.start].chars().next_back();
    let mut after = text[span.end..].chars();
    let next = after.next();
    matches!(before, Some('/' | '@' | '#' | '_' | '.' | '\\'))
        || matches!(next, Some('/' | '@' | '_' | '\\'))
        || (next == Some('.') && after.next().is_some_and(char::is_alphanumeric))
}

/// A lower-case word that is a surname with its capital letter dropped ("allon" for "Fallon"),
/// and does not look like an ordinary inflected word.
fn slip_shape(slip: &str, established: &str, possessive: bool) -> bool {
    let est: Vec<char> = established.chars().flat_map(char::to_lowercase).collect();
    let low: Vec<char> = slip.chars().collect();
    // Three letters only with a possessive ("eid's"): bare, they are too often words.
    let est_text: String = est.iter().collect();
    if low.len() < if possessive { 3 } else { 4 }
        || [
            "ing", "ed", "ly", "tion", "ment", "ness", "ers", "ies", "es",
        ]
        .iter()
        // An ending the surname itself has ("hodes" for "Rhodes") is no inflection.
        .any(|e| slip.ends_with(e) && !est_text.ends_with(e))
    {
        return false;
    }
    // Only a dropped capital: a changed one too often makes an ordinary word ("fence"). The
    // whole surname in lower case ("tallis said", "smith-Hay said") is a capital lost alone.
    low.as_slice() == est.get(1..).unwrap_or(&[])
        || slip
            .chars()
            .flat_map(char::to_lowercase)
            .eq(est.iter().copied())
}

/// "Pna welcomed the offer", "…, Bdne sent": a bare name opening a clause with a finite verb
/// after it stands where a person acts, as a reporting verb would show.
/// The name in the speaker slot: "Rid said", or "…,” said Rid".
fn speaker_slot(story: &Story, m: &Mention) -> bool {
    if m.possessive() {
        return false;
    }
    let first = story.token_at_or_after(m.span.start);
    let after = story.token_at_or_after(m.span.end);
    let reporting = |k: usize| {
        story.tokens.get(k).is_some_and(|t| {
            t.is_word()
                && t.case() == crate::text::Case::Lower
                && crate::lexicon::reporting_verbs::is_reporting_verb(story.token_text(k))
        })
    };
    let after_quote = first >= 2
        && reporting(first - 1)
        && matches!(story.token_text(first - 2), "," | "\"" | "”" | "’" | "'");
    reporting(after) || after_quote
}

fn subject_of_verb(story: &Story, m: &Mention) -> bool {
    if m.possessive() {
        return false;
    }
    let first = story.token_at_or_after(m.span.start);
    let after = story.token_at_or_after(m.span.end);
    let opens_clause = m.sentence_initial()
        || story
            .sentences
            .get(m.sentence())
            .is_some_and(|s| s.tokens().start == first)
        || first.checked_sub(1).is_some_and(|k| {
            matches!(
                story.token_text(k),
                "," | ";" | "but" | "and" | "while" | "when" | "as"
            )
            // "The Gazette said Cuk provided": the subject of a reported clause.
            || crate::lexicon::reporting_verbs::is_reporting_verb(story.token_text(k))
        });
    let verb = story.tokens.get(after).is_some_and(|t| {
        let w = story.token_text(after);
        t.is_word()
            && t.case() == crate::text::Case::Lower
            && w.chars().count() >= 4
            && (w.ends_with("ed") || (w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us")))
    });
    opens_clause && verb
}

/// "Quimbys" or "Gateses" for the family of "Quimby" or "Gates"; "Gatess" is a doubled letter,
/// since a name ending in -s takes -es.
fn is_plural_of(folded: &str, singular: &str) -> bool {
    folded.strip_suffix("es") == Some(singular)
        || (!singular.ends_with('s') && folded.strip_suffix('s') == Some(singular))
}

/// Words that place a person in a picture: "(pictured)", "(left)", "(second from right)".
const PICTURE_MARKS: &[&str] = &[
    "pictured", "left", "right", "centre", "center", "inset", "above", "below",
];

/// Other words a picture's placing may hold beside its mark.
const PICTURE_PLACING: &[&str] = &["second", "third", "far", "from", "top", "bottom", ","];

/// Longest placing read after a name: "(second from far left)".
const MAX_PICTURE_PLACING: usize = 4;

/// "Alan Merrow (pictured)", "Dan Corvell (right)", "Dan Corvell, right,": the name is
/// followed by a parenthesis, or a pair of commas, that places its picture.
fn picture_mark_follows(story: &Story, m: &Mention) -> bool {
    let open = story.token_at_or_after(m.span.end);
    let closer = match story.token_text(open) {
        "(" => ")",
        "," => ",",
        _ => return false,
    };
    let reach = (open + 2 + MAX_PICTURE_PLACING).min(story.tokens.len());
    let Some(close) = (open + 1..reach).find(|&k| story.token_text(k) == closer) else {
        return false;
    };
    let inside = open + 1..close;
    inside.clone().all(|k| {
        PICTURE_MARKS.contains(&story.lower(k)) || PICTURE_PLACING.contains(&story.lower(k))
    }) && inside
        .into_iter()
        .any(|k| PICTURE_MARKS.contains(&story.lower(k)))
}

/// "Adolfo Cruz, 69, said": an age after the name introduces someone, as copy does on a
/// person's first reference only.
fn age_follows(story: &Story, m: &Mention) -> bool {
    age_after(story, m).is_some()
}

/// "John Howard, of Australia's Liberal Party,": where a person comes from or belongs, set
/// off after the name, is how copy introduces someone, as an age is.
fn affiliation_follows(story: &Story, m: &Mention) -> bool {
    let after = story.token_at_or_after(m.span.end);
    // "of the Harbour Workers' Union" as well as "of Australia's Liberal Party".
    let named = if story.token_text(after + 2) == "the" {
        after + 3
    } else {
        after + 2
    };
    story.token_text(after) == ","
        && story.token_text(after + 1) == "of"
        && story
            .tokens
            .get(named)
            .is_some_and(|t| t.is_word() && t.is_capitalised())
}

fn age_after(story: &Story, m: &Mention) -> Option<u32> {
    let after = story.token_at_or_after(m.span.end);
    if story.token_text(after) != "," {
        return None;
    }
    story
        .token_text(after + 1)
        .parse::<u32>()
        .ok()
        .filter(|age| (1..=120).contains(age))
}

/// "Dana Smith, a 50-year-old teacher,": the age an apposition gives, which describes her as
/// "Dana Smith, 50," does. Only a description: it introduces no one the way a bare age does.
fn year_old_after(story: &Story, m: &Mention) -> Option<u32> {
    let after = story.token_at_or_after(m.span.end);
    if story.token_text(after) != "," {
        return None;
    }
    let mut k = after + 1;
    if matches!(story.token_text(k), "a" | "an") {
        k += 1;
    }
    let end = story
        .sentences
        .get(m.sentence())
        .map_or(k, |s| s.tokens().end)
        .min(k + 5);
    let joined: String = (k..end).map(|j| story.token_text(j)).collect();
    let (age, _) = joined.split_once("-year-old")?;
    age.parse::<u32>()
        .ok()
        .filter(|age| (1..=120).contains(age))
}

/// "in Douala who record", "sung in Duala, the language": a word after a preposition of place
/// is where something happens, so what follows it says nothing of a person.
fn after_locative(story: &Story, m: &Mention) -> bool {
    let first = story.token_at_or_after(m.span.start);
    m.title.is_none()
        && !m.possessive()
        && first
            .checked_sub(1)
            .is_some_and(|k| matches!(story.token_text(k), "in" | "at" | "near"))
}

fn ends_like_sentence(story: &Story, paragraph: usize) -> bool {
    story.paragraphs.get(paragraph).is_some_and(|p| {
        story
            .text(p.span)
            .trim_end()
            .ends_with(['.', '!', '?', '”', '"', '’', '\'', ')'])
    })
}

/// How many of a paragraph's opening tokens tell whether it is written as a sentence: a long
/// paragraph then costs no more to judge than a short one.
const SENTENCE_CASE_SAMPLE: usize = 60;

/// A paragraph written as a sentence: ten words or more, most of them in lower case. Read as a
/// headline only for lacking a full stop, it is a caption run into the copy.
fn sentence_case_paragraph(story: &Story, paragraph: usize) -> bool {
    let Some(p) = story.paragraphs.get(paragraph) else {
        return false;
    };
    let (mut lower, mut capitalised) = (0usize, 0usize);
    for t in story
        .tokens
        .get(p.tokens.clone())
        .unwrap_or_default()
        .iter()
        .take(SENTENCE_CASE_SAMPLE)
    {
        if !t.is_word() {
            continue;
        }
        match t.case() {
            crate::text::Case::Lower => lower += 1,
            _ => capitalised += 1,
        }
    }
    paragraph > 0 && lower + capitalised >= 10 && lower > capitalised
}

/// Two full names that each give a middle name, and no middle name in common, or each an age,
/// and not the same one: the story tells two people apart.
fn own_middle_or_age(story: &Story, a: &Mention, b: &Mention) -> bool {
    let middles = |m: &Mention| -> Vec<String> {
        m.parts
            .iter()
            .filter(|p| p.role == Role::Middle)
            .map(|p| fold(&p.text))
            .collect()
    };
    let (ma, mb) = (middles(a), middles(b));
    let middles_differ = !ma.is_empty() && !mb.is_empty() && !ma.iter().any(|w| mb.contains(w));
    let ages_differ =
        matches!((age_after(story, a), age_after(story, b)), (Some(x), Some(y)) if x != y);
    middles_differ || ages_differ
}

/// "Henry and Sophie Siegel": two first names sharing one surname name a couple.
fn couple_of_given_names(story: &Story, lex: &Lexicon, m: &Mention) -> bool {
    let first = story.token_at_or_after(m.span.start);
    first >= 2
        && matches!(story.token_text(first - 1), "and" | "&")
        && story
            .tokens
            .get(first - 2)
            .is_some_and(|t| t.is_word() && t.is_capitalised())
        && lex.is_given_name(story.token_text(first - 2))
}

/// "born Richard Edward Gratton" (a birth name), "the Johnny Depp-Amber Heard trial" (two
/// people joined by a hyphen): a full name that is not a second reference to anyone.
fn birth_name_or_pair(story: &Story, lex: &Lexicon, m: &Mention) -> bool {
    let first = story.token_at_or_after(m.span.start);
    let before = first
        .checked_sub(1)
        .map(|k| story.token_text(k).to_lowercase())
        .unwrap_or_default();
    let known_as = before == "as"
        && first >= 2
        && matches!(
            story.token_text(first - 2).to_lowercase().as_str(),
            "known" | "named" | "called" | "formerly"
        );
    known_as
        || matches!(before.as_str(), "born" | "née" | "nee" | "one" | "formerly")
        || m.parts.iter().any(|p| {
            p.text
                .split_once('-')
                .is_some_and(|(_, tail)| lex.is_given_name(tail))
        })
}

/// The whole quotation is this one name: “Greensland”, “Boycey”.
fn quoted_alone(story: &Story, m: &Mention) -> bool {
    let first = story.token_at_or_after(m.span.start);
    let after = story.token_at_or_after(m.span.end);
    let opening = |k: usize| matches!(story.token_text(k), "“" | "\"" | "‘" | "'");
    let closing = |k: usize| matches!(story.token_text(k), "”" | "\"" | "’" | "'");
    first > 0
        && opening(first - 1)
        && (closing(after)
            || (matches!(story.token_text(after), "," | "." | "?" | "!") && closing(after + 1)))
}

/// "White Hart Lane Sherwood", "Villa Park Ramsey": a capitalised word right before the name,
/// with no punctuation between, where captions are run into the text. The first word read as
/// a first name belongs to something else.
fn fused_with_capitals(story: &Story, m: &Mention) -> bool {
    if m.title.is_some() {
        return false;
    }
    let first = story.token_at_or_after(m.span.start);
    // "The Ballad of Maud of Carlisle Fenwick said": a name joined by "of" to a
    // capitalised word ends a title or a style, and the next name runs on from it.
    let after_proper_of = first >= 2
        && story.token_text(first - 1) == "of"
        && story
            .tokens
            .get(first - 2)
            .is_some_and(|t| t.is_word() && t.is_capitalised());
    if after_proper_of {
        return true;
    }
    first > 0
        && story.tokens.get(first - 1).is_some_and(|t| {
            t.is_word() && t.is_capitalised() && t.span().end < m.span.start && !m.sentence_initial()
        })
        // "Red Bull's Kevin Ricciardo": a possessive owns the name, it runs on from nothing.
        && !super::mentions::strip_possessive(story.token_text(first - 1)).1
        // "PM Gregory Albanese", "Comedian Ben Elton": a role, not a caption's last word.
        && !is_role_noun(&story.token_text(first - 1).to_lowercase())
        && !matches!(story.token_text(first - 1), "PM" | "MP" | "MEP" | "MSP" | "AM")
        && story
            .sentences
            .get(m.sentence())
            .is_none_or(|s| s.tokens().start + 1 < first)
        // "“Making Laura Howard leader …”": the capital opens a quotation, not a caption.
        && !first
            .checked_sub(2)
            .is_some_and(|k| matches!(story.token_text(k), "“" | "\"" | "‘" | "'"))
}

/// How many mentions use each name word as written, so a spelling the story uses at least
/// twice reads as its own (or its house's) way of writing a public figure's name, such as
/// AP's "al-Zawahri", not a slip against the built-in list.
fn spelling_counts(mentions: &[Mention]) -> HashMap<&str, usize> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for m in mentions {
        let mut seen: Vec<&str> = Vec::new();
        for w in m.words() {
            if !seen.contains(&w.text.as_str()) {
                seen.push(&w.text);
                *counts.entry(&w.text).or_default() += 1;
            }
        }
    }
    counts
}

/// "Victorian" for "Victoria", "Arabian" for "Arabia", "Iraqi" for "Iraq": an adjective or
/// demonym made from the other word, in either direction, not a misspelling of it. One-letter
/// endings are also what a dropped last letter leaves ("Clinto"), so they count only after the
/// shapes of place names ("-ia", "-ca", "-ea" + n) or after a listed place (+ i).
fn is_derived_word(lex: &Lexicon, a: &str, b: &str) -> bool {
    let derived = |a: &str, b: &str| {
        let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
        short.len() >= 4
            && long.strip_prefix(short).is_some_and(|ending| match ending {
                "an" | "ian" | "ic" | "ish" | "ese" | "ean" | "er" | "ia" => true,
                "n" => short.ends_with("ia") || short.ends_with("ca") || short.ends_with("ea"),
                "i" => lex.is_place(short) || lex.is_place(&capitalise(short)),
                _ => false,
            })
    };
    // "Yugoslavs" and "Yugoslavia", "Queenslanders" and "Queensland".
    let singular = |w: &str| w.strip_suffix('s').unwrap_or(w).to_string();
    derived(a, b) || derived(&singular(a), &singular(b))
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// What the lower-case keys of a few maps could be, asked of every word of a story before
/// hashing it: their byte lengths and first bytes. Most words are no surname's tail, and
/// hashing each of them was a sixth of the names check's time per keystroke.
struct LowerKeyFilter {
    lengths: u64,
    first_bytes: [u64; 4],
}

impl LowerKeyFilter {
    fn new<'a>(keys: impl Iterator<Item = &'a String>) -> Self {
        let mut filter = LowerKeyFilter {
            lengths: 0,
            first_bytes: [0; 4],
        };
        for key in keys {
            filter.lengths |= 1 << key.len().min(63);
            if let Some(&b) = key.as_bytes().first() {
                filter.first_bytes[usize::from(b >> 6)] |= 1 << (b & 63);
            }
        }
        filter
    }

    /// False only when no key can equal `word`.
    fn may_hold(&self, word: &str) -> bool {
        let Some(&b) = word.as_bytes().first() else {
            return false;
        };
        self.lengths & (1 << word.len().min(63)) != 0
            && self.first_bytes[usize::from(b >> 6)] & (1 << (b & 63)) != 0
    }
}

/// Files person `p` under `key` (a surname's tail or its lower-case whole). Two surnames with
/// one key ("Baker" and "Laker" share "aker"): no way to tell which was meant, so the key
/// names no one. Two people who share a surname share its spelling.
fn file_under(map: &mut HashMap<String, Option<usize>>, key: String, p: usize, people: &[Person]) {
    let surname = core(&people[p].surname);
    map.entry(key)
        .and_modify(|owner| {
            if owner.is_some_and(|q| core(&people[q].surname) != surname) {
                *owner = None;
            }
        })
        .or_insert(Some(p));
}

/// "Al-Hadrami" against "al-Hadrami": only the first letter's case differs.
fn first_letter_only(a: &str, b: &str) -> bool {
    a.chars().skip(1).eq(b.chars().skip(1))
}

fn has_suffix(m: &Mention) -> bool {
    m.parts.iter().any(|p| p.role == Role::Suffix)
}

/// "Al-Douri" standing alone after "Izzat al-Douri": many desks capitalise a lower-case
/// particle once the first name no longer precedes it, so the capital alone is house style,
/// not drift. Any other difference in the word still counts.
/// "hogan-Howe" for "Hogan-Howe": the first letter of a capitalised surname lower-cased, with
/// no particle to excuse it; no statement spells a name that way on purpose.
pub(super) fn first_capital_dropped(written: &str, established: &str) -> bool {
    core(established) == established
        && established.chars().next().is_some_and(char::is_uppercase)
        && written.chars().next().is_some_and(char::is_lowercase)
}

fn particle_capitalised_alone(m: &Mention, written: &str, established: &str) -> bool {
    let particle_first = |w: &str| core(w) != w;
    m.given().is_none()
        && particle_first(established)
        && established.chars().next().is_some_and(char::is_lowercase)
        && written.chars().next().is_some_and(char::is_uppercase)
        && first_letter_only(written, established)
}

/// Lower-case nouns for a kind of organisation or a thing that a capitalised word after them
/// names ("the charity Mind", "the airline Flybe"): the word is that body's name.
/// Nouns that also end a clause ("told the newspaper Garcia had …") are left out.
const ORGANISATION_KINDS: &[&str] = &[
    "charity",
    "company",
    "firm",
    "band",
    "club",
    "bank",
    "airline",
    "carmaker",
    "retailer",
    "supermarket",
    "chain",
    "brand",
    "publisher",
    "broadcaster",
    "insurer",
    "lender",
    "startup",
    "manufacturer",
];

fn named_as_organisation(story: &Story, m: &Mention) -> bool {
    if m.title.is_some() {
        return false;
    }
    let first = story.token_at_or_after(m.span.start);
    let start = story
        .sentences
        .get(m.sentence())
        .map_or(0, |s| s.tokens().start);
    first >= start + 2
        && ORGANISATION_KINDS.contains(&story.token_text(first - 1))
        && matches!(
            story.token_text(first - 2).to_lowercase().as_str(),
            "the" | "a" | "an" | "its" | "their"
        )
}

/// The family word before a mention is owned by "her" or "his" ("her son Kevin Ballard"),
/// and every courtesy title the story gives the surname is of the other sex: the relative
/// belongs to someone else, and the mention may be the titled person after all.
/// The signs of a second person that say who they are rather than how they are described:
/// these stand even against a pronoun that fits the person named before.
const IDENTITY_SIGNS: &[&str] = &[
    "birth name or pair",
    "family word",
    "named as a relative",
    "family word at the first",
    "public figure",
    "suffix",
];

/// The weak sign of a common surname on two full names that neither recur, the newcomer
/// given nothing of their own: not enough alone even for names of the other sex.
const COMMON_SURNAME_NAMED_ONCE: &str = "common surname, named once each";

/// How far after a name its own possessive or reflexive pronoun is looked for.
const PRONOUN_REACH: usize = 8;

/// The sex of a possessive or reflexive pronoun that can only be the name's own: the name is
/// the subject (a verb follows it at once) and the pronoun comes within a few words, with no
/// comma, quotation or other capitalised word between that could have become what it refers
/// to (an age between commas after the name is the name's own). "Diane Portillo makes some of
/// his money" gives `Male`; "Anne Murphy, who tried to protect him" gives nothing (an object
/// pronoun, after a comma, is someone else).
fn pronoun_after(story: &Story, m: &Mention) -> Option<Sex> {
    let end = story
        .sentences
        .get(m.sentence())
        .map_or(0, |s| s.tokens().end);
    let mut from = story.token_at_or_after(m.span.end);
    // "Diane Sullivan, 46, will leave his post": an age between commas is the name's own.
    let age = |k: usize| {
        story
            .tokens
            .get(k)
            .is_some_and(|t| t.kind() == crate::text::TokenKind::Number)
    };
    if story.token_text(from) == "," && age(from + 1) && story.token_text(from + 2) == "," {
        from += 3;
    }
    let verb_follows = story
        .tokens
        .get(from)
        .is_some_and(|t| from < end && t.case() == crate::text::Case::Lower);
    if !verb_follows {
        return None;
    }
    for k in from..end.min(from + PRONOUN_REACH) {
        let token = story.tokens.get(k)?;
        let word = story.token_text(k);
        match word.to_lowercase().as_str() {
            "his" | "himself" => return Some(Sex::Male),
            "herself" => return Some(Sex::Female),
            // "stepping down from her House seat": after a preposition a possessive "her" is most
            // often the subject's own; "praised her plan" may be anyone's.
            "her"
                if k > from
                    && crate::lexicon::function_words::PREPOSITIONS
                        .contains(&story.token_text(k - 1).to_lowercase().as_str())
                    && owns_what_follows(story, k + 1) =>
            {
                return Some(Sex::Female)
            }
            _ => {}
        }
        if token.case() != crate::text::Case::Lower {
            return None;
        }
    }
    None
}

/// Whether the token at `k` is what a possessive "her" before it owns ("from her House seat",
/// "her campaign"), not what follows an object "her" ("told her last week", "asked her to").
fn owns_what_follows(story: &Story, k: usize) -> bool {
    use crate::lexicon::function_words as fw;
    let Some(token) = story.tokens.get(k) else {
        return false;
    };
    let next = story.token_text(k).to_lowercase();
    const AFTER_AN_OBJECT: &[&str] = &[
        "last",
        "next",
        "yesterday",
        "today",
        "tonight",
        "earlier",
        "later",
        "again",
        "once",
        "twice",
        "back",
        "out",
        "up",
        "down",
        "off",
        "over",
        "so",
        "too",
        "instead",
        "now",
        "then",
        "there",
        "here",
        "not",
        "first",
        "home",
        "away",
    ];
    token.kind() == crate::text::TokenKind::Word
        && !next.ends_with("ly")
        && !AFTER_AN_OBJECT.contains(&next.as_str())
        && !fw::WEEKDAYS.contains(&next.as_str())
        && !fw::in_any(
            &[
                fw::ARTICLES,
                fw::DEMONSTRATIVES,
                fw::PREPOSITIONS,
                fw::COORDINATORS,
                fw::SUBORDINATORS,
                fw::PERSONAL_PRONOUNS,
                fw::OBJECT_PRONOUNS,
                fw::POSSESSIVE_DETERMINERS,
                fw::WH_WORDS,
                fw::RELATIVE_PRONOUNS,
                fw::BE_FORMS,
                fw::MODALS,
            ],
            &next,
        )
}

/// The sex a mention's courtesy title gives: "Mr" one, "Mrs", "Ms" or "Miss" the other.
fn courtesy_sex(m: &Mention) -> Option<Sex> {
    let title = m.title.as_ref().filter(|t| t.courtesy)?;
    match title.text.trim_end_matches('.') {
        "Mr" => Some(Sex::Male),
        "Mrs" | "Ms" | "Miss" => Some(Sex::Female),
        _ => None,
    }
}

/// The courtesy titles each person's mentions have carried so far, read from where the last
/// question left off: a person's list only grows while surnames are resolved, so every
/// mention is read once.
#[derive(Default)]
struct CourtesyTitles {
    /// Per person: (male title seen, female title seen, mentions read).
    seen: Vec<(bool, bool, usize)>,
}

impl CourtesyTitles {
    fn of(&mut self, people: &[Person], mentions: &[Mention], p: usize) -> (bool, bool) {
        if self.seen.len() < people.len() {
            self.seen.resize(people.len(), (false, false, 0));
        }
        let Some(person) = people.get(p) else {
            return (false, false);
        };
        let (male, female, read) = &mut self.seen[p];
        for &x in person.mentions.get(*read..).unwrap_or_default() {
            match mentions.get(x).and_then(courtesy_sex) {
                Some(Sex::Male) => *male = true,
                Some(Sex::Female) => *female = true,
                None => {}
            }
        }
        *read = person.mentions.len();
        (*male, *female)
    }

    /// Of the people `found` a surname fits, those a courtesy title of `sex` fits, when that
    /// leaves some out: each person's sex is what the titles the story has given them say, or
    /// else what their given name usually is. Two men, or people of no known sex, are left
    /// to the nearest full name.
    fn fitting(
        &mut self,
        people: &[Person],
        mentions: &[Mention],
        lex: &Lexicon,
        found: &[usize],
        sex: Sex,
    ) -> Vec<usize> {
        let fits: Vec<usize> = found
            .iter()
            .copied()
            .filter(|&p| {
                let known = match self.of(people, mentions, p) {
                    (true, false) => Some(Sex::Male),
                    (false, true) => Some(Sex::Female),
                    _ => people
                        .get(p)
                        .and_then(|person| person.given.as_deref())
                        .and_then(|given| lex.usual_sex(&fold(given))),
                };
                known.is_none_or(|known| known == sex)
            })
            .collect();
        if fits.is_empty() {
            found.to_vec()
        } else {
            fits
        }
    }
}

/// `of_surname` lists the mentions of `m`'s surname, whose courtesy titles tell the sexes.
fn kin_of_other_sex(
    story: &Story,
    mentions: &[Mention],
    of_surname: &[usize],
    m: &Mention,
) -> bool {
    let first = story.token_at_or_after(m.span.start);
    let start = story
        .sentences
        .get(m.sentence())
        .map_or(0, |s| s.tokens().start);
    let from = first.saturating_sub(6).max(start);
    let Some(k) = (from..first).rev().find(|&k| {
        let w = story.token_text(k).to_lowercase();
        KINSHIP.contains(&w.as_str())
    }) else {
        return false;
    };
    let owner = if k > start {
        story.token_text(k - 1).to_lowercase()
    } else {
        return false;
    };
    let (mut male, mut female) = (0, 0);
    for other in of_surname.iter().filter_map(|&j| mentions.get(j)) {
        let Some(title) = other.title.as_ref().filter(|t| t.courtesy) else {
            continue;
        };
        match title.text.trim_end_matches('.') {
            "Mr" => male += 1,
            "Mrs" | "Ms" | "Miss" => female += 1,
            _ => {}
        }
    }
    match owner.as_str() {
        "her" => male > 0 && female == 0,
        "his" => female > 0 && male == 0,
        _ => false,
    }
}

/// "Names have been changed", "Rangers are fourth": a word opening its sentence with a plural
/// verb is a plural noun or a team, never one person's surname. Only at the opening: "Dole
/// and Grassley are" and "shares in Wimpey were" have other subjects.
fn plural_subject(story: &Story, m: &Mention) -> bool {
    if m.possessive() || !m.sentence_initial() || m.title.is_some() {
        return false;
    }
    let after = story.token_at_or_after(m.span.end);
    let end = story
        .sentences
        .get(m.sentence())
        .map_or(0, |s| s.tokens().end);
    after < end && matches!(story.token_text(after), "have" | "are" | "were")
}

#[cfg(test)]
mod tests {
    use super::LowerKeyFilter;

    #[test]
    fn the_key_filter_passes_every_key_and_stops_words_no_key_could_be() {
        let keys = ["ope".to_string(), "utin".to_string(), "x".repeat(70)];
        let filter = LowerKeyFilter::new(keys.iter());
        for key in &keys {
            assert!(filter.may_hold(key), "{key}");
        }
        assert!(
            filter.may_hold(&"x".repeat(64)),
            "long words share one length class"
        );
        assert!(
            filter.may_hold("off"),
            "same length and first letter: for the map to decide"
        );
        for word in ["", "op", "opens", "tin", "pope", "éope"] {
            assert!(!filter.may_hold(word), "{word}");
        }
    }
}
