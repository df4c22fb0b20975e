//! Finding unnamed-source noun phrases: a source head ("officials", "a person") with its
//! determiner, modifiers and reduced post-modifier, standing in an attribution frame (subject
//! of a reporting verb, after an inverted "said", object of "according to").

use super::lexicon;
use super::mention::{Mention, NewMention};
use super::reasons::Reason;
use crate::attribution::{cues, phrase};
use crate::incremental::Memo;
use crate::lexicon::function_words as fw;
use crate::lexicon::verbs::{self, Form};
use crate::span::Span;
use crate::text::{Story, TextId, Token, TokenKind};
use aho_corasick::AhoCorasick;
use std::borrow::Cow;
use std::sync::Arc;

/// Function words that end a noun phrase when met on its left, besides the shared closed
/// classes listed in [`STOP_CLASSES`].
const OTHER_STOP: &[&str] = &[
    // Participles that take the phrase as object: "citing unnamed sources".
    "citing",
    "quoting",
    "over",
    "under",
    "during",
    "between",
    "within",
    "through",
    "nor",
    "so",
    "yet",
    "since",
    "whether",
    "that",
    "where",
    "being",
    "must",
    "not",
    "also",
    "however",
    "even",
    "only",
    "just",
    "now",
    "then",
    "there",
    "here",
    "still",
    "too",
    "very",
    "said",
    "says",
    "told",
    "like",
    "unlike",
    "than",
    "including",
    "following",
    "regarding",
    "concerning",
    "involving",
    "excluding",
    "saying",
    "telling",
    "according",
    "amid",
];

/// Modifiers ending in -ed or -ing that are adjectives, not verbs.
const PARTICIPLE_MODIFIERS: &[&str] = &[
    "retired",
    "elected",
    "unnamed",
    "unidentified",
    "appointed",
    "high-ranking",
    "ranking",
    "ruling",
    "governing",
    "leading",
    "serving",
    "outgoing",
    "incoming",
    "visiting",
    "longstanding",
    "trusted",
    "seasoned",
    "concerned",
    "embattled",
    "involved",
    "experienced",
    "registered",
];

/// Words allowed right after a source phrase in a prepositional or inverted frame: anything
/// else (a lower-case noun) means the head was a modifier ("an official statement").
const FOLLOW_OK: &[&str] = &[
    "who",
    "that",
    "which",
    "and",
    "but",
    "as",
    "in",
    "on",
    "at",
    "to",
    "for",
    "with",
    "from",
    "of",
    "by",
    "about",
    "after",
    "before",
    "during",
    "while",
    "when",
    "because",
    "since",
    "if",
    "said",
    "says",
    "say",
    "told",
    "tell",
    "also",
    "have",
    "has",
    "had",
    "were",
    "was",
    "are",
    "is",
    "this",
    "last",
    "earlier",
    "later",
    "who",
    "speaking",
    "familiar",
    "close",
    "briefed",
    "involved",
    "knowledgeable",
    "not",
    "or",
    "the",
    "a",
    "an",
];

pub struct Detector {
    extra_sources: Option<AhoCorasick>,
    /// The desk's source descriptions `extra_sources` was built from, in the key of every
    /// paragraph's kept mentions: a configuration reload keeps the document's memo.
    extra_patterns: Arc<[String]>,
}

/// What the source mentions of one paragraph are read from: its text, which gives its
/// sentences, tokens and which of them are quoted (a quotation carried in from an earlier
/// paragraph only marks the paragraph's own quote as continuing), and the desk's source
/// descriptions. Mentions are kept relative to the paragraph's start and first sentence.
#[derive(PartialEq, Eq, Hash)]
struct ParagraphKey {
    text: TextId,
    extra_patterns: Arc<[String]>,
}

/// The words of one sentence, lower-cased, with their tokens.
struct Words<'s> {
    story: &'s Story<'s>,
    first: usize,
    toks: &'s [Token],
    /// The words whose lower case this reader spells unlike the story's word view (which
    /// straightens curly apostrophes and lower-cases a capital sigma letter by letter): each
    /// one's index and where its spelling ends in `unlike_spellings`. Every other word is read
    /// from the view: a copy of each word of a sentence that runs to millions of words cost
    /// more than the story itself, and so did a `String` for each such word in a sentence of
    /// curly quotation marks.
    unlike_view: Vec<(usize, usize)>,
    /// The spellings of `unlike_view`, back to back.
    unlike_spellings: String,
}

impl Words<'_> {
    fn get(&self, i: usize) -> &str {
        if i >= self.toks.len() {
            return "";
        }
        if !self.unlike_view.is_empty() {
            if let Ok(k) = self.unlike_view.binary_search_by_key(&i, |&(at, _)| at) {
                let start = k
                    .checked_sub(1)
                    .map_or(0, |before| self.unlike_view[before].1);
                return self
                    .unlike_spellings
                    .get(start..self.unlike_view[k].1)
                    .unwrap_or("");
            }
        }
        self.story.lower(self.first + i)
    }
    fn len(&self) -> usize {
        self.toks.len()
    }
    fn is_word(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.kind() == TokenKind::Word)
    }
    fn is_cap(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.is_capitalised())
    }
    fn is_punct(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.kind() == TokenKind::Punct)
    }
    /// Past the sentence, false as every other reading here is: a sentence's mentions then
    /// depend on nothing outside it, which `Detector::detect_memoised` relies on.
    fn quoted(&self, i: usize) -> bool {
        i < self.toks.len() && self.story.is_token_quoted(self.first + i)
    }
    fn span(&self, a: usize, b: usize) -> Span {
        let start = self.toks.get(a).map(|t| t.span().start).unwrap_or(0);
        let end = self.toks.get(b).map(|t| t.span().end).unwrap_or(start);
        Span::new(start, end.max(start))
    }
    fn is_possessive(&self, i: usize) -> bool {
        is_possessive_word(self.get(i))
    }
    /// A word that may be part of a person's name.
    fn is_name_word(&self, i: usize) -> bool {
        self.is_word(i) && self.is_cap(i) && phrase::may_be_name_word(self.get(i))
    }
}

/// "Acme's", "the ministers'": a word written as a possessive.
fn is_possessive_word(w: &str) -> bool {
    w.ends_with("'s") || w.ends_with("’s") || w.ends_with("s'") || w.ends_with("s’")
}

/// Common verbs without an -ed ending: before a source noun they make it an object ("met
/// officials"), so the phrase stops there.
const BARE_VERBS: &[&str] = &[
    "met",
    "meet",
    "meets",
    "sent",
    "send",
    "sends",
    "took",
    "take",
    "takes",
    "gave",
    "give",
    "gives",
    "made",
    "make",
    "makes",
    "left",
    "put",
    "puts",
    "got",
    "get",
    "gets",
    "brought",
    "bring",
    "heard",
    "hear",
    "saw",
    "see",
    "sees",
    "let",
    "lets",
    "kept",
    "keep",
    "keeps",
    "held",
    "hold",
    "holds",
    "led",
    "lead",
    "leads",
    "paid",
    "pay",
    "pays",
    "won",
    "win",
    "lost",
    "lose",
    "fought",
    "sought",
    "seek",
    "seeks",
    "caught",
    "bought",
    "ran",
    "run",
    "runs",
    "began",
    "begin",
    "became",
    "become",
    "came",
    "come",
    "went",
    "go",
    "goes",
    "knew",
    "know",
    "knows",
    "spoke",
    "speak",
    "chose",
    "choose",
    "drew",
    "hit",
    "cut",
    "set",
    "sat",
    "stood",
    "hire",
    "hires",
    "fire",
    "fires",
    "urge",
    "ask",
    "need",
    "needs",
    "want",
    "wants",
    "help",
    "helps",
    "join",
    "joins",
    "told",
    "tell",
    "tells",
    "warn",
    "warns",
    "thank",
    "thanks",
    "include",
    "includes",
    "including",
    "leave",
    "leaves",
    "let's",
    "named",
    "name",
    "names",
    "quoted",
    "quote",
    "quotes",
    "interviewed",
    "interview",
    "cited",
    "cite",
    "cites",
    "blame",
    "blames",
    "accuse",
    "accuses",
    "convince",
    "convinces",
    "persuade",
    "urges",
];

/// Shared closed classes whose words end a noun phrase when met on its left.
const STOP_CLASSES: &[&[&str]] = &[
    fw::PERSONAL_PRONOUNS,
    fw::OBJECT_PRONOUNS,
    fw::BE_FORMS,
    fw::HAVE_FORMS,
    fw::DO_FORMS,
    fw::MODALS,
    fw::COORDINATORS,
    fw::PREPOSITIONS,
    fw::ADVERBIAL_PREPOSITIONS,
    fw::SUBORDINATORS,
    fw::WH_WORDS,
    fw::RELATIVE_PRONOUNS,
    OTHER_STOP,
];

fn stop(w: &str) -> bool {
    fw::in_any(STOP_CLASSES, w) || BARE_VERBS.contains(&w)
}

/// A lower-case word that can modify a source noun ("federal", "campaign", "law").
fn lower_modifier(w: &str) -> bool {
    if stop(w) || cues::is_frame_verb(w) || phrase::is_pronoun(w) {
        return false;
    }
    if w.ends_with("ly") && w != "early" {
        return false;
    }
    if matches!(
        w,
        "something" | "anything" | "nothing" | "everything" | "perhaps" | "maybe" | "someone"
    ) {
        return false;
    }
    // "-ed" words are mostly verbs ("met officials"); "-ing" words that are not reporting
    // verbs are mostly modifiers ("media buying sources", "ruling party officials").
    if w.ends_with("ed") && !PARTICIPLE_MODIFIERS.contains(&w) {
        return false;
    }
    w.chars()
        .all(|c| c.is_alphabetic() || matches!(c, '-' | '.' | '\'' | '’'))
}

fn is_time_word(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "past"
            | "recent"
            | "last"
            | "few"
            | "weeks"
            | "days"
            | "months"
            | "years"
            | "week"
            | "month"
            | "year"
            | "interviews"
            | "interview"
            | "private"
            | "separate"
            | "statement"
            | "statements"
            | "a"
            | "an"
            | "several"
            | "two"
            | "three"
            | "emailed"
            | "email"
            | "emails"
            | "recently"
            | "conversations"
            | "previous"
            | "earlier"
    )
}

/// Whether the phrase ending at `end` is followed by a name between commas (or closing the
/// sentence): ", Bruce Hale," / ", Bruce Hale."
fn named_apposition_after(w: &Words, end: usize) -> bool {
    if w.get(end + 1) != "," || !w.is_name_word(end + 2) {
        return false;
    }
    let mut k = end + 2;
    while k < w.len()
        && k < end + 8
        && (w.is_cap(k) || matches!(w.get(k), "." | "-" | "de" | "van" | "von" | "al"))
    {
        k += 1;
    }
    k >= w.len()
        || matches!(
            w.get(k),
            "," | "." | ";" | "who" | "—" | ")" | "said" | "says"
        )
}

/// Whether the coordination at `and` continues an appositive of a name: "Ann Lee, a lawyer
/// and …", or, when `bare_title` (a singular title after the "and"), "John Carter, chairman
/// and …".
fn appositive_of_name(w: &Words, and: usize, bare_title: bool) -> bool {
    let mut k = and;
    while k > 1 && k + 12 > and {
        k -= 1;
        if w.get(k) == "," {
            // The first conjunct must itself be an appositive: ", a lawyer and", or a bare
            // title of a few lower-case words (a list of sources would be plural: "Smith,
            // aides and advisers").
            let first = k + 1..and;
            let articled = matches!(w.get(k + 1), "a" | "an" | "the");
            let bare = bare_title
                && first.len() <= lexicon::MAX_BARE_TITLE_WORDS
                && first
                    .clone()
                    .all(|j| w.is_word(j) && !w.is_cap(j) && !lexicon::is_plural_form(w.get(j)));
            return k + 1 < and && (articled || bare) && w.is_name_word(k - 1);
        }
        if w.is_punct(k) && !matches!(w.get(k), "'" | "’" | "-") {
            return false;
        }
    }
    false
}

/// Whether the name whose last word is `last` comes straight after a speech verb: "said
/// Wang Li", "according to Ann Lee".
fn name_follows_speech_verb(w: &Words, last: usize) -> bool {
    let mut k = last;
    // Names run to a few words: "Mohammed bin Abdul Rahman al-Thani".
    while k > 0 && last - k < 6 && (w.is_name_word(k) || is_name_particle(w.get(k))) {
        k -= 1;
    }
    if k == last || w.is_name_word(k) {
        return false;
    }
    lexicon::is_speech_verb_beside_name(w.get(k))
        || (w.get(k) == "to" && k > 0 && w.get(k - 1) == "according")
}

/// "Ana Ruiz, its minister for trade added.": the named person, described,
/// speaks straight after the description. Not "Jane Lee, an aide said, was furious" (an aside
/// about her) nor "In New York, a senior official said" (a place).
fn speaks_after_description(w: &Words, last_name_word: usize, end: usize) -> bool {
    if !lexicon::is_speech_verb_beside_name(w.get(end + 1)) || w.get(end + 2) == "," {
        return false;
    }
    let mut k = last_name_word;
    while k > 0
        && last_name_word - k < 6
        && (w.is_name_word(k - 1) || is_name_particle(w.get(k - 1)))
        && !fw::PREPOSITIONS.contains(&w.get(k - 1))
    {
        k -= 1;
    }
    last_name_word > k && (k == 0 || !fw::PREPOSITIONS.contains(&w.get(k - 1)))
}

fn is_name_particle(w: &str) -> bool {
    matches!(
        w,
        "." | "-" | "de" | "van" | "von" | "al" | "bin" | "da" | "del"
    )
}

/// Whether the singular phrase from `start` with head word `head` is an office one person
/// holds, named by whose it is: "its chief executive", "Acme's chief operating officer", "the
/// city's most senior police officer", "the port's top official". Without the owner ("a chief
/// executive", "a top official") it could be anyone's.
fn is_sole_office(w: &Words, start: usize, head: usize, lemma: &str) -> bool {
    is_sole_office_of(|k| w.get(k), start, head, lemma)
}

/// [`is_sole_office`] over any word list: `word(k)` is word `k` in lower case.
pub(super) fn is_sole_office_of<'a>(
    word: impl Fn(usize) -> &'a str,
    start: usize,
    head: usize,
    lemma: &str,
) -> bool {
    if !matches!(lemma, "executive" | "officer" | "official") {
        return false;
    }
    let sole = |k: usize| {
        let w = word(k);
        (w == "chief" && lemma != "official")
            || w == "top"
            || w.starts_with("highest")
            || w == "senior-most"
            || (w == "most" && k + 1 < head && word(k + 1) == "senior")
    };
    let Some(mark) = (start..head).rev().take(3).find(|&k| sole(k)) else {
        return false;
    };
    let owner = word(mark.saturating_sub(1));
    mark > start && (matches!(owner, "its" | "their" | "his" | "her") || is_possessive_word(owner))
}

/// Whether word `k` can quantify a partitive "of": "two of", "a number of", "two-thirds of".
fn is_partitive_quantifier(w: &Words, k: usize) -> bool {
    let q = w.get(k);
    phrase::is_determiner(q)
        || phrase::is_count(q)
        || w.toks.get(k).is_some_and(|t| t.kind() == TokenKind::Number)
        || matches!(
            q,
            "number"
                | "half-dozen"
                | "majority"
                | "handful"
                | "couple"
                | "none"
                | "either"
                | "neither"
                | "hundreds"
                | "dozens"
                | "scores"
                | "percent"
                | "%"
        )
        || q.ends_with("-thirds")
        || q.ends_with("-quarters")
        || q.ends_with("-fifths")
}

/// Adjective endings, for coordinated modifiers ("federal and state officials").
fn looks_adjectival(w: &str) -> bool {
    [
        "al", "ic", "ian", "ive", "ary", "ous", "ern", "ish", "ese", "ior",
    ]
    .iter()
    .any(|suffix| w.ends_with(suffix))
}

enum Frame {
    Source,
    NotSource,
    /// The phrase is followed by a name in apposition: the source is named.
    Named,
}

impl Detector {
    pub fn new(extra_sources: &[String]) -> Detector {
        let patterns: Vec<String> = extra_sources
            .iter()
            .map(|p| p.trim().to_lowercase())
            .filter(|p| !p.is_empty())
            .collect();
        let extra_patterns: Arc<[String]> = patterns.clone().into();
        let extra_sources = if patterns.is_empty() {
            None
        } else {
            AhoCorasick::builder()
                .match_kind(aho_corasick::MatchKind::LeftmostLongest)
                .build(&patterns)
                .ok()
        };
        Detector {
            extra_sources,
            extra_patterns,
        }
    }

    pub fn detect(&self, story: &Story, out: &mut Vec<Mention>) {
        for index in 0..story.sentences.len() {
            if let Some(words) = words_of(story, index) {
                self.detect_sentence(&words, index, out);
            }
        }
    }

    /// [`Detector::detect`] for one more version of a document: each paragraph's mentions
    /// come from `memo` when a paragraph with the same [`ParagraphKey`] was read before. A
    /// sentence's reading looks at nothing outside the sentence.
    pub fn detect_memoised(&self, story: &Story, memo: &mut Memo, out: &mut Vec<Mention>) {
        let mut table = memo.table::<ParagraphKey, Vec<Mention>>();
        for (p, paragraph) in story.paragraphs.iter().enumerate() {
            let key = ParagraphKey {
                text: story.text_id(p),
                extra_patterns: Arc::clone(&self.extra_patterns),
            };
            let base = paragraph.span.start;
            let first_sentence = paragraph.sentences.start;
            let kept = table.get_or_compute(key, || {
                let mut own = Vec::new();
                for index in paragraph.sentences.clone() {
                    if let Some(words) = words_of(story, index) {
                        self.detect_sentence(&words, index, &mut own);
                    }
                }
                let back = |span: Span| {
                    Span::new(
                        span.start - base.min(span.start),
                        span.end - base.min(span.end),
                    )
                };
                // Moved in place: the list is collected into its own allocation.
                own.into_iter()
                    .map(|m| m.moved(back, |s| s - first_sentence.min(s)))
                    .collect()
            });
            out.extend(
                kept.iter()
                    .map(|m| m.clone().moved(|s| s.shifted(base), |s| s + first_sentence)),
            );
        }
    }

    /// Sources the story itself declares unnamed, whatever their noun: "the woman, who spoke
    /// on condition of anonymity", "a shop owner who declined to be named". `out` holds the
    /// mentions found so far; the new ones are added to it.
    pub fn detect_declared(&self, story: &Story, reasons: &[Reason], out: &mut Vec<Mention>) {
        let found = out.len();
        for reason in reasons {
            let clause = story.text(reason.span).to_ascii_lowercase();
            if !["anonym", "named", "identified", "withheld"]
                .iter()
                .any(|m| clause.contains(m))
            {
                continue;
            }
            let Some(w) = words_of(story, reason.sentence) else {
                continue;
            };
            if let Some(m) = declared_at(&w, reason) {
                // Taken, or the clause belongs to a source just before it: "the employee,
                // a registered nurse who spoke on condition of anonymity".
                // Both the detected and the declared mentions are in sentence order, so only
                // this sentence's are looked at.
                let (detected, declared) = out.split_at(found);
                let taken = [detected, declared].iter().any(|part| {
                    let first = part.partition_point(|o| o.sentence() < m.sentence());
                    part[first..]
                        .iter()
                        .take_while(|o| o.sentence() == m.sentence())
                        .any(|o| {
                            o.span().overlaps(m.span())
                                || (o.span().end <= m.span().start
                                    && m.span().start - o.span().end <= DECLARED_GAP)
                        })
                });
                if !taken {
                    out.push(m);
                }
            }
        }
    }

    fn detect_sentence(&self, w: &Words, sentence: usize, out: &mut Vec<Mention>) {
        let before = out.len();
        let mut i = 0;
        while i < w.len() {
            match self.mention_at(w, i, sentence) {
                Some((mention, end)) => {
                    out.push(mention);
                    i = end + 1;
                }
                None => i += 1,
            }
        }
        if let Some(ac) = &self.extra_sources {
            self.extra_mentions(ac, w, sentence, before, out);
        }
    }

    /// Desk-configured source descriptions ("a person in the room"), in an attribution frame.
    fn extra_mentions(
        &self,
        ac: &AhoCorasick,
        w: &Words,
        sentence: usize,
        before: usize,
        out: &mut Vec<Mention>,
    ) {
        let (Some(first), Some(last)) = (w.toks.first(), w.toks.last()) else {
            return;
        };
        let text = w.story.text(Span::new(first.span().start, last.span().end));
        let lower = text.to_ascii_lowercase();
        for m in ac.find_iter(&lower) {
            let (s, e) = (first.span().start + m.start(), first.span().start + m.end());
            let a = w.toks.partition_point(|t| t.span().start < s);
            let b = w.toks.partition_point(|t| t.span().end <= e);
            if a >= w.len() || b <= a || (a..b).any(|k| w.quoted(k)) {
                continue;
            }
            let span = w.span(a, b - 1);
            if out[before..].iter().any(|m| m.span().overlaps(span)) {
                continue;
            }
            if let Frame::Source = frame(w, a, b - 1, lexicon::is_plural_form(w.get(b - 1))) {
                let head = w.get(b - 1).to_string();
                out.push(Mention::from(NewMention {
                    span,
                    sentence,
                    plural: lexicon::is_plural_form(&head),
                    head: Cow::Owned(head),
                    counted: phrase::is_count(w.get(a)),
                    affiliated: true,
                    ..NewMention::default()
                }));
            }
        }
    }

    /// The source phrase whose head is word `i`, and the index of its last word.
    fn mention_at(&self, w: &Words, i: usize, sentence: usize) -> Option<(Mention, usize)> {
        if !w.is_word(i) || w.quoted(i) {
            return None;
        }
        let word = w.get(i);
        let mut needs_basis = false;
        let (lemma, needs_count) = match lexicon::head_lemma(word) {
            Some(l) => (l, false),
            None => match lexicon::basis_only_head_lemma(word) {
                Some(l) => {
                    needs_basis = true;
                    (l, false)
                }
                None => (lexicon::counted_head_lemma(word)?, true),
            },
        };
        if lemma == "source" && i > 0 && lexicon::THING_SOURCE_MODIFIERS.contains(&w.get(i - 1)) {
            return None;
        }
        // A lower-case head written capitalised mid-sentence belongs to a name ("Senate
        // Aides Association"); only the first word may be capitalised.
        if !needs_count && i > 0 && w.is_cap(i) && !w.is_punct(i - 1) {
            return None;
        }
        // Coordinated heads: "friends, aides and allies". A list of more heads than
        // MAX_COORDINATED_HEADS is no description of sources, and stopping there keeps a
        // sentence of thousands of comma-joined heads linear.
        let mut head_end = i;
        let mut heads = 1;
        'coordination: while heads < MAX_COORDINATED_HEADS
            && matches!(w.get(head_end + 1), "," | "and" | "or")
        {
            heads += 1;
            // "friends, aides and allies", "labor officials and political operatives"
            for gap in 0..3 {
                let k = head_end + 2 + gap;
                if w.quoted(k) {
                    break 'coordination;
                }
                if lexicon::head_lemma(w.get(k)).is_some() {
                    head_end = k;
                    continue 'coordination;
                }
                if !(lower_modifier(w.get(k)) || w.is_name_word(k)) || w.get(k) == "and" {
                    break 'coordination;
                }
            }
            break;
        }
        let start = expand_left(w, i);
        // Title followed by a name: "adviser Kellyanne Conway", "aide John Smith said".
        if w.is_name_word(head_end + 1) && w.get(head_end + 1) != "u.s." {
            return None;
        }
        let (end, basis, postmod) = expand_right(w, head_end);
        if (start..=end).any(|k| w.quoted(k)) || (needs_basis && basis.is_none()) {
            return None;
        }
        // "Almost three-quarters of aides said", "… of MPs' aides": a survey's share of its
        // respondents. "A survey of 200 members of staff": the respondents themselves.
        if lexicon::is_respondents(|k| w.get(k), start, i) {
            return None;
        }
        let modifiers: Vec<&str> = (start..i).map(|k| w.get(k)).collect();
        let counted = modifiers.iter().any(|m| phrase::is_count(m))
            || w.toks[start..i]
                .iter()
                .any(|t| t.kind() == TokenKind::Number);
        // Westminster heads need a number word ("one senior MP", "two ministers"): "a minister
        // added two clauses" is an act, and the shared layer's speech test reads the "a" ones.
        let article_counts = !lexicon::WESTMINSTER_HEADS.contains(&lemma);
        if needs_count
            && !modifiers.iter().any(|m| {
                phrase::is_count(m)
                    && !m.starts_with(|c: char| c.is_ascii_digit())
                    && (article_counts || !matches!(*m, "a" | "an"))
            })
        {
            return None;
        }
        // Lawmakers act in public: a bare "lawmakers said" is the body speaking, not a
        // hidden source. "Several senators", "one lawmaker", "members in swing districts" are.
        if lexicon::QUANTIFIED_HEADS.contains(&lemma)
            && !counted
            && !postmod
            && !modifiers.iter().any(|m| {
                matches!(
                    *m,
                    "some"
                        | "several"
                        | "other"
                        | "many"
                        | "few"
                        | "multiple"
                        | "most"
                        | "top"
                        | "senior"
                        | "leading"
                )
            })
        {
            return None;
        }
        let plural = lexicon::is_plural_form(w.get(head_end));
        let first = modifiers.first().copied().unwrap_or("");
        let has_possessive = (start..i).any(|k| w.is_possessive(k));
        let partitive_back = (start..i)
            .any(|k| w.get(k) == "of" && matches!(w.get(k + 1), "the" | "these" | "those"))
            && !has_possessive;
        let definite = partitive_back
            || (matches!(first, "the" | "that" | "this" | "these" | "those")
                && !has_possessive
                && !(start..i).any(|k| w.get(k) == "of"));
        // "the American people": the public, not a source.
        if word == "people"
            && i > start
            && w.is_cap(i - 1)
            && ["an", "ese", "ish", "ian", "ch"]
                .iter()
                .any(|s| w.get(i - 1).ends_with(s))
        {
            return None;
        }
        // "any person would": a hypothetical, not someone the reporter heard from.
        if first == "any" {
            return None;
        }
        // "People say" with nothing else is a vague attribution, not a source.
        if lemma == "person" && plural && basis.is_none() && !counted && !definite && !postmod {
            return None;
        }
        let affiliated = has_possessive
            || postmod
            || modifiers.iter().enumerate().any(|(k, m)| {
                let idx = start + k;
                !phrase::is_determiner(m)
                    && !lexicon::SENIORITY.contains(m)
                    && *m != "of"
                    && *m != "and"
                    && *m != ","
                    && (w.is_word(idx))
            });
        let has_possessive_determiner = (start..i)
            .any(|k| w.is_possessive(k) || matches!(w.get(k), "its" | "his" | "her" | "their"));
        // "Ms. Reyes, a senior adviser, said" or "said Tom Hale, organizer of the march,":
        // the phrase is an appositive of a name.
        if start >= 2 && w.get(start - 1) == "," && w.is_name_word(start - 2) && start - 2 > 0 {
            let closes = end + 1 >= w.len()
                || matches!(w.get(end + 1), "," | "." | ";" | "—" | "-" | ")" | "who");
            // "said Wang Li, an official from the bureau quoted in a newspaper": after the
            // speech verb the name is the speaker, whatever follows the description.
            if closes
                || name_follows_speech_verb(w, start - 2)
                || (!plural
                    && (has_possessive_determiner || postmod)
                    && speaks_after_description(w, start - 2, end))
            {
                return None;
            }
        }
        // "Lionel Sosa, a consultant and a longtime Republican who said", "John Carter,
        // chairman and chief executive said": the second of two appositives of a name.
        if start >= 1 && w.get(start - 1) == "and" && appositive_of_name(w, start - 1, !plural) {
            return None;
        }
        // "its chief executive", "the bank's chief financial officer", "the port's top
        // official": an office one person holds identifies them as surely as a name.
        if !plural && is_sole_office(w, start, i, lemma) {
            return None;
        }
        // Delegates are counted by the number in results ("24 delegates are awarded"); only
        // a word count makes one a source ("one delegate said").
        if lemma == "delegate"
            && w.toks[start..i]
                .iter()
                .any(|t| t.kind() == TokenKind::Number)
        {
            return None;
        }
        // "his best friend, Bruce Hale, said": named in apposition.
        if named_apposition_after(w, end) {
            return None;
        }
        let needs_antecedent = match frame(w, start, end, plural) {
            Frame::Source => false,
            Frame::NotSource if definite && !has_possessive && declines_after(w, end) => true,
            Frame::Named | Frame::NotSource => return None,
        };
        let attack_cue =
            following_cue(w, end, plural).is_some_and(|c| lexicon::ATTACK_VERBS.contains(w.get(c)));
        Some((
            Mention::from(NewMention {
                span: w.span(start, end),
                sentence,
                head: Cow::Borrowed(lemma),
                plural,
                counted,
                affiliated,
                basis,
                definite,
                partitive: partitive_back,
                postmodified: postmod,
                ordinal: modifiers
                    .iter()
                    .any(|m| matches!(*m, "second" | "third" | "fourth" | "other" | "another")),
                attack_cue,
                needs_antecedent,
                stand_in: None,
            }),
            end,
        ))
    }
}

/// The words of sentence `index`, lower-cased.
fn words_of<'s>(story: &'s Story<'s>, index: usize) -> Option<Words<'s>> {
    let sentence = story.sentences.get(index)?;
    let toks = story.tokens.get(sentence.tokens())?;
    let mut unlike_view = Vec::new();
    let mut unlike_spellings = String::new();
    for (i, t) in toks.iter().enumerate() {
        let text = story.text(t.span());
        if text.contains(['’', 'ʼ', 'Σ']) {
            // The whole word at once: a final capital sigma lower-cases unlike a medial one.
            unlike_spellings.push_str(&text.to_lowercase());
            unlike_view.push((i, unlike_spellings.len()));
        }
    }
    Some(Words {
        story,
        first: sentence.tokens().start,
        toks,
        unlike_view,
        unlike_spellings,
    })
}

/// Most heads read as one coordinated description ("friends, aides and allies").
const MAX_COORDINATED_HEADS: usize = 8;

/// How far (in bytes) a declared source may stand after another mention of its sentence and
/// still be that mention's appositive.
const DECLARED_GAP: usize = 60;

/// Verbs that open an anonymity relative clause: "who spoke on condition of anonymity",
/// "who asked not to be named".
const DECLARING_VERBS: &[&str] = &[
    "spoke",
    "speaks",
    "asked",
    "asks",
    "requested",
    "requests",
    "declined",
    "declines",
    "insisted",
    "would",
    "did",
    "was",
    "were",
    "talked",
];

/// The noun phrase that an anonymity relative clause in `reason` hangs on: "the woman, who
/// spoke on condition of anonymity" gives "the woman".
fn declared_at(w: &Words, reason: &Reason) -> Option<Mention> {
    let who = (0..w.len()).find(|&k| {
        w.toks[k].span().start >= reason.span.start.saturating_sub(1)
            && w.toks[k].span().start < reason.span.end
            && w.get(k) == "who"
            && DECLARING_VERBS.contains(&w.get(k + 1))
    })?;
    let noun = if w.get(who.checked_sub(1)?) == "," {
        who.checked_sub(2)?
    } else {
        who - 1
    };
    let word = w.get(noun);
    if !w.is_word(noun)
        || w.is_cap(noun)
        || w.quoted(noun)
        || stop(word)
        || phrase::is_pronoun(word)
        || phrase::is_determiner(word)
        || !word.chars().all(char::is_alphabetic)
        || cues::is_frame_verb(word)
    {
        return None;
    }
    let start = expand_left(w, noun);
    // "a shop that sells toys who …": a relative pronoun, not a demonstrative.
    if matches!(w.get(start), "that" | "this") && start + 1 < noun {
        return None;
    }
    // "Carl Ruiz, a nurse who asked not to be named": the source is named.
    if start >= 2 && w.get(start - 1) == "," && w.is_name_word(start - 2) {
        return None;
    }
    if start >= 1
        && w.get(start - 1) == "and"
        && appositive_of_name(w, start - 1, !lexicon::is_plural_form(word))
    {
        return None;
    }
    if (start..=noun).any(|k| w.quoted(k)) {
        return None;
    }
    let plural = lexicon::is_plural_form(word);
    let head = match word {
        "people" => "person".to_string(),
        _ if plural => word.trim_end_matches('s').to_string(),
        _ => word.to_string(),
    };
    let modifiers: Vec<&str> = (start..noun).map(|k| w.get(k)).collect();
    Some(Mention::from(NewMention {
        span: w.span(start, noun),
        sentence: reason.sentence,
        head: Cow::Owned(head),
        plural,
        counted: modifiers.iter().any(|m| phrase::is_count(m))
            || w.toks[start..noun]
                .iter()
                .any(|t| t.kind() == TokenKind::Number),
        affiliated: modifiers
            .iter()
            .any(|m| !phrase::is_determiner(m) && !lexicon::SENIORITY.contains(m)),
        ..NewMention::default()
    }))
}

/// Index of the first word of the phrase whose head is `head`.
fn expand_left(w: &Words, head: usize) -> usize {
    let mut start = head;
    let mut k = head;
    let mut steps = 0;
    while k > 0 && steps < 10 {
        let j = k - 1;
        steps += 1;
        if w.quoted(j) {
            break;
        }
        let word = w.get(j);
        let tok = w.toks[j];
        let take = match tok.kind() {
            TokenKind::Number => true,
            // "the A&E consultant": an ampersand inside a capitalised name.
            TokenKind::Punct => {
                (word == "&" && j > 0 && w.is_cap(j - 1) && w.is_cap(j + 1))
                    || phrase::in_bracketed_initials(w.story, w.first + j)
            }
            TokenKind::Word => {
                if word == "of" {
                    // Partitives: "two of the sources", "a number of officials".
                    j > 0 && is_partitive_quantifier(w, j - 1)
                } else if word == "and" {
                    // "current and former officials", "Federal and state officials"; but in
                    // "Mills and another aide" the "and" joins two phrases.
                    !phrase::is_determiner(w.get(j + 1)) && j > 0 && {
                        let q = w.get(j - 1);
                        (w.is_cap(j - 1) && phrase::may_be_name_word(q))
                            || lexicon::SENIORITY.contains(&q)
                            || (lower_modifier(q) && looks_adjectival(q))
                    }
                } else if matches!(word, "his" | "her" | "their" | "its" | "our") {
                    // A possessive begins the phrase, unless a partitive precedes it:
                    // "many of her aides".
                    start = j;
                    let partitive = j >= 2
                        && w.get(j - 1) == "of"
                        && (phrase::is_determiner(w.get(j - 2))
                            || w.toks[j - 2].kind() == TokenKind::Number);
                    if !partitive {
                        break;
                    }
                    true
                } else if matches!(word, "this" | "that" | "these" | "those") {
                    // "a market that one MP described": a relative "that" before a count.
                    if matches!(w.get(j + 1), "one" | "two" | "three" | "four" | "five") {
                        break;
                    }
                    // Demonstratives agree with the head ("that official"; "said that
                    // officials" is a conjunction) and begin the phrase.
                    let plural = lexicon::is_plural_form(w.get(head));
                    if plural != matches!(word, "these" | "those") {
                        break;
                    }
                    start = j;
                    // "one of those advisers": the partitive belongs to the phrase.
                    let partitive =
                        j >= 2 && w.get(j - 1) == "of" && is_partitive_quantifier(w, j - 2);
                    if !partitive {
                        break;
                    }
                    true
                } else if matches!(word, "a" | "an" | "the") && w.get(j + 1) != "&" {
                    // An article begins the phrase, unless a partitive precedes it:
                    // "two of the sources".
                    start = j;
                    let partitive =
                        j >= 2 && w.get(j - 1) == "of" && is_partitive_quantifier(w, j - 2);
                    let predeterminer =
                        matches!(w.get(j.saturating_sub(1)), "than" | "all" | "both" | "half");
                    if !(partitive || j >= 1 && predeterminer) {
                        break;
                    }
                    true
                } else if matches!(word, "than" | "at" | "least") && j + 1 == head {
                    // Only inside a count ("more than two officials"): "less credit than
                    // aides say" compares.
                    false
                } else if phrase::is_determiner(word) || word == "number" {
                    true
                } else if tok.is_capitalised() {
                    !phrase::is_calendar_word(word)
                        && !phrase::is_title(word)
                        && !stop(word)
                        && !phrase::is_pronoun(word)
                } else {
                    lower_modifier(word)
                }
            }
        };
        if !take {
            break;
        }
        start = j;
        k = j;
    }
    // Never start on a joining word.
    while start < head && matches!(w.get(start), "and" | "of" | ",") {
        start += 1;
    }
    start
}

/// The end of the phrase after its head: reduced post-modifiers such as "familiar with the
/// talks", "briefed on the matter", "close to him", "on the call", "in Texas". Returns the
/// last index, the basis-of-knowledge span if any, and whether any post-modifier was taken.
fn expand_right(w: &Words, head_end: usize) -> (usize, Option<Span>, bool) {
    let mut next = head_end + 1;
    // "people directly knowledgeable about", "a person closely involved in"
    if w.get(next).ends_with("ly") && lexicon::BASIS_STARTERS.contains(&w.get(next + 1)) {
        next += 1;
    }
    let word = w.get(next);
    if w.quoted(next) {
        return (head_end, None, false);
    }
    if lexicon::BASIS_STARTERS.contains(&word) {
        // "familiar with X", "close to X", "briefed on X", "involved in X".
        let mut k = next + 1;
        if matches!(
            w.get(k),
            "with" | "to" | "on" | "in" | "about" | "of" | "at" | "by"
        ) {
            k += 1;
        }
        let mut end = object_end(w, k).unwrap_or(k.saturating_sub(1).max(next));
        // The object may carry its own prepositional phrases: "familiar with the planning
        // for Thursday's meeting", "close to the leadership of the party".
        for _ in 0..3 {
            let preposition = matches!(
                w.get(end + 1),
                "for" | "of" | "at" | "in" | "on" | "about" | "between" | "with" | "inside"
            );
            if !preposition || phrase::is_calendar_word(w.get(end + 2)) {
                break;
            }
            match object_end(w, end + 2) {
                Some(e) if e > end => end = e,
                _ => break,
            }
        }
        return (end, Some(w.span(head_end + 1, end)), true);
    }
    if word == "with" {
        // "with (direct) knowledge of X".
        let mut k = next + 1;
        while matches!(
            w.get(k),
            "direct" | "firsthand" | "first-hand" | "intimate" | "detailed" | "some" | "close"
        ) {
            k += 1;
        }
        if lexicon::KNOWLEDGE_NOUNS.contains(&w.get(k)) {
            let mut end = k;
            if matches!(w.get(k + 1), "of" | "to" | "about") {
                end = object_end(w, k + 2).unwrap_or(k + 1);
            }
            return (end, Some(w.span(next, end)), true);
        }
    }
    if word == "who" && lexicon::BASIS_RELATIVE_VERBS.contains(&w.get(next + 1)) {
        // "a person who attended", "a source who was in the room".
        let verb = w.get(next + 1);
        let mut end = next + 1;
        let auxiliary = matches!(
            verb,
            "was" | "were" | "has" | "have" | "had" | "took" | "sat"
        );
        if auxiliary && !lexicon::BASIS_AFTER_AUXILIARY.contains(&w.get(next + 2)) {
            return (head_end, None, false);
        }
        if auxiliary {
            let mut k = next + 2;
            while k < w.len()
                && k < next + 8
                && w.is_word(k)
                && !cues::is_frame_verb(w.get(k))
                && w.get(k) != "and"
            {
                end = k;
                k += 1;
            }
            if end == next + 1 {
                return (head_end, None, false);
            }
        }
        return (end, Some(w.span(next, end)), true);
    }
    if matches!(
        word,
        "in" | "at" | "on" | "for" | "from" | "of" | "to" | "inside" | "within" | "with"
    ) {
        // A short prepositional post-modifier: "officials at the agency", "aides to Mr. Obama".
        if phrase::is_calendar_word(w.get(next + 1)) {
            return (head_end, None, false);
        }
        // "a prosecutor to investigate": an infinitive, not a post-modifier.
        let object_first = w.get(next + 1);
        if word == "to"
            && !w.is_cap(next + 1)
            && !phrase::is_determiner(object_first)
            && !matches!(object_first, "him" | "her" | "them")
        {
            return (head_end, None, false);
        }
        if let Some(end) = object_end(w, next + 1) {
            let place = w.get(end);
            let basis = (word == "on" || word == "in" || word == "at")
                && lexicon::BASIS_PLACES.contains(&place);
            return (end, basis.then(|| w.span(next, end)), true);
        }
    }
    (head_end, None, false)
}

/// The last index of a short object noun phrase starting at `k`, if there is one.
fn object_end(w: &Words, k: usize) -> Option<usize> {
    let mut end = None;
    let mut j = k;
    while j < w.len() && j < k + 7 {
        if w.quoted(j) {
            break;
        }
        let word = w.get(j);
        let ok = match w.toks[j].kind() {
            TokenKind::Number => true,
            // The period of a title before a name: "aides to Mr. Obama".
            TokenKind::Punct if word == "." => {
                j > k
                    && matches!(
                        w.get(j - 1),
                        "mr" | "mrs" | "ms" | "dr" | "sen" | "rep" | "gov" | "gen" | "lt" | "col"
                    )
                    && w.toks[j - 1].span().end == w.toks[j].span().start
                    && w.is_name_word(j + 1)
            }
            // A plural possessive: "Gates' work".
            TokenKind::Punct => {
                matches!(word, "'" | "’")
                    && j > k
                    && w.get(j - 1).ends_with('s')
                    && w.toks[j - 1].span().end == w.toks[j].span().start
                    && w.is_word(j + 1)
            }
            TokenKind::Word => {
                if word == "of" || word == "and" {
                    // only inside the phrase, with more to come
                    end.is_some()
                        && j + 1 < w.len()
                        && w.is_word(j + 1)
                        && !w.quoted(j + 1)
                        && !cues::is_frame_verb(w.get(j + 1))
                } else if w.is_cap(j) {
                    !stop(word)
                } else if end.is_some()
                    && j > k
                    && (phrase::is_determiner(w.get(j - 1))
                        || w.is_possessive(j - 1)
                        || w.toks[j - 1].kind() == TokenKind::Number)
                    && !stop(word)
                {
                    // After "the", "her" or "three" any word is the noun: "her thinking",
                    // "the reshuffling", "three states".
                    true
                } else if end.is_some()
                    && (word.ends_with("ing") || word.ends_with("ed"))
                    && !stop(word)
                    && (j + 1 >= w.len()
                        || w.is_punct(j + 1)
                        || cues::is_frame_verb(w.get(j + 1))
                        || cues::may_intervene(w.get(j + 1)))
                {
                    // A noun in -ing ending the phrase: "the closed-door meeting said".
                    true
                } else {
                    phrase::is_determiner(word)
                        || phrase::is_pronoun(word) && matches!(word, "him" | "her" | "them")
                        || (lower_modifier(word) && !(end.is_some() && verb_like_ing(w, j)))
                        || matches!(word, "his" | "her" | "their" | "its")
                }
            }
        };
        if !ok {
            break;
        }
        end = Some(j);
        j += 1;
    }
    // Do not end on a joining word.
    while let Some(e) = end {
        if matches!(w.get(e), "of" | "and") && e > k {
            end = Some(e - 1);
        } else {
            break;
        }
    }
    end
}

/// Whether the -ing word at `j` heads a verb phrase ("playing down the cost", "saying the
/// plan"), not a modifier ("housing agencies").
fn verb_like_ing(w: &Words, j: usize) -> bool {
    let next = w.get(j + 1);
    w.get(j).ends_with("ing")
        && (phrase::is_determiner(next) || matches!(next, "down" | "up" | "out" | "off" | "that"))
}

/// Whether the phrase `start..=end` stands as a source in its sentence.
fn frame(w: &Words, start: usize, end: usize, plural: bool) -> Frame {
    // "according to X", "interviews with X"
    if start >= 2 && cues::is_prepositional_cue(w.get(start - 2), w.get(start - 1)) {
        // "In interviews with donors, Mr. Biden said": the named speaker is the source.
        let speaker_follows = w.get(end + 1) == ","
            && (w.is_name_word(end + 2) || phrase::is_pronoun(w.get(end + 2)));
        let conversational =
            matches!(
                w.get(start - 2),
                "interviews" | "interview" | "conversations"
            ) && !(start >= 4 && w.get(start - 3) == "to" && w.get(start - 4) == "according");
        return if follow_ok(w, end) && !(conversational && speaker_follows) {
            Frame::Source
        } else {
            Frame::NotSource
        };
    }
    // "citing unnamed diplomatic sources", "quoting a senior official": the participle is
    // the cue and the phrase its source.
    if start >= 1 && matches!(w.get(start - 1), "citing" | "quoting" | "cited") {
        return if follow_ok(w, end) {
            Frame::Source
        } else {
            Frame::NotSource
        };
    }
    // "served as an adviser": a role, not a source; "as an aide put it", "as a senior
    // official said" are the source's words, the cue right after the phrase.
    if start >= 1 && w.get(start - 1) == "as" && matches!(w.get(start), "a" | "an") {
        return match following_cue(w, end, plural) {
            Some(c) if c == end + 1 => Frame::Source,
            _ => Frame::NotSource,
        };
    }
    // "as described by X", "provided to the AP by X"
    if start >= 1 && w.get(start - 1) == "by" {
        let from = start.saturating_sub(7);
        if (from..start - 1).any(|k| cues::is_passive_cue(w.get(k))) && follow_ok(w, end) {
            return Frame::Source;
        }
    }
    // `"…," said X` and `…, said X.`
    if start >= 1 && cues::is_invertible(w.get(start - 1)) {
        let before = start.checked_sub(2);
        // Not "The agency (WHO) said 700 people …": a closing parenthesis ends the subject.
        let after_punct = before.is_none_or(|b| w.is_punct(b) && !matches!(w.get(b), ")" | "]"));
        if after_punct && follow_ok(w, end) {
            return Frame::Source;
        }
    }
    // "less credit than aides say he deserves": a comparison whose clause is attributed.
    if start >= 1 && w.get(start - 1) == "than" {
        if let Some(c) = following_cue(w, end, plural) {
            if c == end + 1 && matches!(w.get(c), "say" | "says" | "said" | "believe" | "think") {
                return Frame::Source;
            }
        }
    }
    // The object of a preposition is not the subject of the verb that follows:
    // "feuded with fellow senators and bragged".
    if start >= 1
        && matches!(
            w.get(start - 1),
            "with"
                | "to"
                | "for"
                | "from"
                | "by"
                | "about"
                | "of"
                | "at"
                | "on"
                | "into"
                | "against"
                | "among"
                | "between"
                | "like"
                | "than"
                | "over"
                | "toward"
                | "towards"
                | "upon"
                | "without"
        )
    {
        // "with top aides to the mayor playing down the rift", "with officials saying":
        // an absolute clause whose subject speaks.
        let next = w.get(end + 1);
        let speaking = (next.ends_with("ing") && cues::is_frame_verb(next))
            || (next == "playing" && w.get(end + 2) == "down");
        if w.get(start - 1) == "with" && speaking {
            return Frame::Source;
        }
        return match following_cue(w, end, plural) {
            Some(usize::MAX) => Frame::Named,
            _ => Frame::NotSource,
        };
    }
    // "including an adviser acknowledging that …": an absolute clause whose subject speaks.
    if start >= 1 && w.get(start - 1) == "including" {
        let next = w.get(end + 1);
        if next.ends_with("ing") && cues::is_frame_verb(next) {
            return Frame::Source;
        }
    }
    // After a verb the phrase is its object: "met officials and said", "told aides that".
    if start >= 1 && w.is_word(start - 1) && !w.is_cap(start - 1) {
        let before = w.get(start - 1);
        let verb = BARE_VERBS.contains(&before)
            || cues::is_frame_verb(before)
            || (before.ends_with("ed") && !PARTICIPLE_MODIFIERS.contains(&before));
        if verb {
            return Frame::NotSource;
        }
    }
    // Headline style: "Insiders: the deal is off".
    // ("Source: NATO." is a credit line, not a person.)
    if start == 0 && w.get(end + 1) == ":" && !(start == end && w.get(start) == "source") {
        return Frame::Source;
    }
    match following_cue(w, end, plural) {
        Some(usize::MAX) => Frame::Named,
        Some(_) => Frame::Source,
        None => Frame::NotSource,
    }
}

/// Whether the phrase ending at `end` is the subject of a refusal: "the aide declined to
/// say", "the official would not elaborate". The phrase stands for a source, but says
/// nothing.
fn declines_after(w: &Words, end: usize) -> bool {
    let mut j = end + 1;
    while j < end + 3 && matches!(w.get(j), "also" | "later" | "again" | "then") {
        j += 1;
    }
    match w.get(j) {
        "declined" | "refused" | "declines" | "refuses" => w.get(j + 1) == "to",
        "would" | "did" | "could" | "will" | "does" => {
            matches!(w.get(j + 1), "not" | "n't")
                && matches!(
                    w.get(j + 2),
                    "say" | "elaborate" | "comment" | "specify" | "discuss" | "give" | "provide"
                )
        }
        _ => false,
    }
}

/// A lower-case noun right after a phrase means its head was a modifier.
fn follow_ok(w: &Words, end: usize) -> bool {
    let n = end + 1;
    if n >= w.len() || !w.is_word(n) || w.is_cap(n) {
        return true;
    }
    FOLLOW_OK.contains(&w.get(n)) || cues::is_frame_verb(w.get(n))
}

/// The index of the reporting verb the phrase is subject of, if any; `usize::MAX` when a
/// name in apposition shows the source is named.
fn following_cue(w: &Words, end: usize, plural_subject: bool) -> Option<usize> {
    let mut j = end + 1;
    let first_after = end + 1;
    let mut commas = 0;
    while j < w.len() {
        if w.quoted(j) {
            return None;
        }
        let word = w.get(j);
        if word == "who" && j == first_after {
            // A restrictive relative clause stands between a source and its verb: "an
            // official who spoke anonymously to discuss the plan said", "advisers who have
            // run the numbers argue". Its own verb may be the cue ("who told reporters").
            // A verb after an article or a gerund is a noun or an object ("granted a say",
            // "making calls").
            // "officials who … were mocked and criticized": passive, the officials are the
            // target, so the search ends there.
            let cue = (j + 1..w.len().min(j + 16))
                .take_while(|&k| w.is_word(k) && !w.quoted(k))
                .find(|&k| {
                    let passive =
                        matches!(w.get(k - 1), "was" | "were" | "been" | "be" | "is" | "are")
                            && w.get(k).ends_with("ed");
                    passive
                        || cues::is_frame_verb(w.get(k)) && {
                            let before = w.get(k - 1);
                            !phrase::is_determiner(before)
                                && !before.ends_with("ing")
                                && before != "to"
                        }
                })?;
            let passive = matches!(
                w.get(cue - 1),
                "was" | "were" | "been" | "be" | "is" | "are"
            ) && w.get(cue).ends_with("ed");
            return (!passive).then_some(cue);
        }
        if word == "," && commas < 2 {
            // An appositive or relative clause between commas: skip it, unless it is a name.
            // Anything else after a comma ("officials, he said") is another clause.
            commas += 1;
            let opener = w.get(j + 1);
            let appositive = w.is_name_word(j + 1)
                || opener.ends_with("ly")
                || phrase::is_determiner(opener)
                || matches!(
                    opener,
                    "who"
                        | "whom"
                        | "whose"
                        | "which"
                        | "speaking"
                        | "however"
                        | "meanwhile"
                        | "though"
                        | "too"
                        | "also"
                        | "including"
                        | "in"
                        | "on"
                        | "at"
                        | "like"
                        | "according"
                        | "citing"
                        | "asked"
                        | "requesting"
                        | "declining"
                        | "insisting"
                        | "both"
                        | "all"
                        | "for"
                        | "after"
                        | "when"
                        | "if"
                )
                || w.toks
                    .get(j + 1)
                    .is_some_and(|t| t.kind() == TokenKind::Number);
            if !appositive || phrase::is_pronoun(opener) && opener != "who" {
                return None;
            }
            let close = (j + 1..w.len().min(j + 30)).find(|&k| w.get(k) == ",")?;
            if close > j + 1 && w.is_name_word(j + 1) {
                let all_name = (j + 1..close).all(|k| {
                    w.is_cap(k) || matches!(w.get(k), "." | "-" | "de" | "van" | "von" | "al")
                });
                if all_name {
                    return Some(usize::MAX);
                }
            }
            // "officials, however, said"
            j = close + 1;
            continue;
        }
        if !w.is_word(j) {
            return None;
        }
        if matches!(word, "not" | "never" | "declined" | "refused" | "n't") {
            // "officials have not said", "aides declined to say": no information given.
            return None;
        }
        if cues::is_frame_verb(word) {
            // "a member of the budget drafting team": a gerund between two common nouns,
            // closing the clause, names a kind of thing; the phrase's last noun is no source.
            let next = w.get(j + 1);
            if j == first_after
                && word.ends_with("ing")
                && lexicon::head_lemma(w.get(end)).is_none()
                && !w.is_cap(end)
                && w.is_word(j + 1)
                && !w.is_cap(j + 1)
                && !phrase::is_determiner(next)
                && !phrase::is_pronoun(next)
                && !matches!(
                    next,
                    "that" | "to" | "and" | "or" | "not" | "of" | "in" | "on"
                )
                && !w.is_word(j + 2)
            {
                return None;
            }
            // A plural subject does not take "states", "reports", "claims": those are nouns
            // ("people in swing states", "the bloc's 12 member states": counted, the pair is
            // plural).
            let counted = end >= 1
                && phrase::is_count(w.get(end - 1))
                && !matches!(w.get(end - 1), "one" | "a" | "an");
            if (plural_subject || counted)
                && j == first_after
                && word.ends_with('s')
                && !word.ends_with("ss")
                && !matches!(word, "was" | "is" | "has" | "does")
            {
                return None;
            }
            // "Official reports show the debt rose": an "-s" word straight after the phrase,
            // then a verb that agrees with a plural, is the subject's own noun ("reports"),
            // which the phrase before it only modifies.
            if j == first_after
                && verbs::lookup(word).is_some_and(|v| v.form == Form::ThirdPerson)
                && w.is_word(j + 1)
                && !w.is_cap(j + 1)
                && verbs::lookup(next).is_some_and(|v| matches!(v.form, Form::Base | Form::Past))
            {
                return None;
            }
            // "officials accused of corruption own flats": a participle with "of" right after
            // it describes the phrase (they are the accused); the active verb takes an object
            // first ("accused the mayor of").
            if j == first_after
                && matches!(word, "accused" | "suspected" | "convicted")
                && w.get(j + 1) == "of"
            {
                return None;
            }
            // "prosecutors charged the officer": a legal act, not a claim.
            if matches!(word, "charged" | "charges" | "charge") && w.get(j + 1) != "that" {
                return None;
            }
            // "aides have asked for": a request, not information.
            if word == "asked" && w.get(j + 1) == "for" {
                return None;
            }
            // "asked the clerk to delete the files": a request, not information.
            if matches!(word, "asked" | "asks" | "ask" | "urged")
                && (phrase::is_determiner(w.get(j + 1)) || w.is_name_word(j + 1))
                && (j + 2..w.len().min(j + 8))
                    .take_while(|&k| w.is_word(k))
                    .any(|k| w.get(k) == "to" && !phrase::is_determiner(w.get(k + 1)))
            {
                return None;
            }
            // "told the driver to stop", "ordered him to shoot": an order, not information.
            // The infinitive must follow the one told at once ("told the BBC it was going to
            // close" reports a claim).
            if matches!(word, "told" | "tells" | "tell" | "ordered" | "orders")
                && cues::tells_an_order(|k| w.get(k), |k| w.is_cap(k), j + 1, w.len())
            {
                return None;
            }
            // "health officials found 12 cases", "discovered at least one case": a count of
            // things found, not a claim.
            if matches!(word, "found" | "find" | "finds" | "discovered" | "discover") {
                let number =
                    |k: usize| w.toks.get(k).is_some_and(|t| t.kind() == TokenKind::Number);
                let counted = number(j + 1)
                    || (w.get(j + 1) == "at" && w.get(j + 2) == "least")
                    || (matches!(w.get(j + 1), "over" | "nearly" | "about") && number(j + 2));
                if counted {
                    return None;
                }
            }
            // "agreed a settlement with the regulator": terms struck, not a view.
            if matches!(word, "agreed" | "agree" | "agrees")
                && cues::agrees_terms(w.get(j + 1), w.get(j + 2))
            {
                return None;
            }
            // "organizers added 160 guards", "added a new rule": an act, not a statement.
            if matches!(word, "added" | "adds" | "add")
                && (w
                    .toks
                    .get(j + 1)
                    .is_some_and(|t| t.kind() == TokenKind::Number)
                    || matches!(w.get(j + 1), "a" | "an" | "more" | "new" | "extra"))
            {
                return None;
            }
            return Some(j);
        }
        if matches!(word, "point" | "points" | "pointed") && w.get(j + 1) == "out" {
            return Some(j);
        }
        if matches!(word, "made" | "make" | "makes" | "making") && w.get(j + 1) == "clear" {
            return Some(j);
        }
        // "as one diplomat put it, …", "an aide put it bluntly: …"; not "put it at 40".
        if matches!(word, "put" | "puts")
            && w.get(j + 1) == "it"
            && (!w.is_word(j + 2) || w.get(j + 2).ends_with("ly") || w.get(j + 2) == "this")
        {
            return Some(j);
        }
        if matches!(
            word,
            "begun"
                | "began"
                | "started"
                | "start"
                | "starting"
                | "sought"
                | "tried"
                | "try"
                | "seemed"
                | "seem"
                | "appeared"
                | "going"
        ) && w.get(j + 1) == "to"
        {
            j += 2;
            continue;
        }
        if matches!(
            word,
            "were" | "are" | "was" | "is" | "been" | "remain" | "remained"
        ) {
            let mut k = j + 1;
            // "her advisers are not convinced": a view all the same.
            if w.get(k).ends_with("ly") || matches!(w.get(k), "still" | "also" | "all" | "not") {
                k += 1;
            }
            if cues::is_stance_adjective(w.get(k)) {
                return Some(k);
            }
        }
        if word == "in"
            && matches!(w.get(j + 1), "a" | "an" | "separate" | "recent")
            && matches!(
                w.get(j + 2),
                "statement" | "interview" | "interviews" | "email" | "emailed"
            )
        {
            j += 3;
            continue;
        }
        if matches!(word, "in" | "over" | "during" | "for") {
            // "in recent weeks", "in the past", "over the last few days", "in interviews"
            let mut k = j + 1;
            while k < w.len() && k <= j + 4 && is_time_word(w.get(k)) {
                k += 1;
            }
            if k > j + 1 && (k < w.len() && !is_time_word(w.get(k))) {
                j = k;
                continue;
            }
        }
        // "The employee first said", "officials initially insisted".
        if matches!(
            word,
            "first" | "initially" | "then" | "again" | "earlier" | "now" | "themselves"
        ) && j < end + 8
        {
            j += 1;
            continue;
        }
        if word == "and" && cues::is_frame_verb(w.get(j + 1)) {
            return Some(j + 1);
        }
        if cues::may_intervene(word) && j < end + 8 {
            j += 1;
            continue;
        }
        return None;
    }
    None
}

#[cfg(test)]
mod memo_tests {
    use super::*;
    use crate::text::SourceFormat;

    fn fresh(detector: &Detector, story: &Story) -> String {
        let mut out = Vec::new();
        detector.detect(story, &mut out);
        format!("{out:#?}")
    }

    fn memoised(detector: &Detector, story: &Story, memo: &mut Memo) -> String {
        let mut out = Vec::new();
        detector.detect_memoised(story, memo, &mut out);
        format!("{out:#?}")
    }

    #[test]
    fn kept_paragraphs_give_the_mentions_a_fresh_reading_gives() {
        let detector = Detector::new(&["a voice in the corridor".to_string()]);
        let mut memo = Memo::default();
        let mut text = String::from(
            "Two officials said the talks stalled.\n\n“A source close to the talks said it \
             was over,” he said.\n\nA voice in the corridor said the deal was dead, according \
             to people familiar with the plan.\n",
        );
        for (from, to) in [
            ("", ""),
            ("Two officials", "Two senior officials"),
            ("stalled.", "stalled.\n\nNo one spoke."),
            ("“A source", "A source"),
            ("Two senior", "The"),
        ] {
            text = text.replacen(from, to, 1);
            let story = Story::new(&text, SourceFormat::PlainText);
            assert_eq!(
                memoised(&detector, &story, &mut memo),
                fresh(&detector, &story),
                "after {from:?} → {to:?}"
            );
        }
        // Another desk's descriptions read the same paragraphs differently.
        let plain = Detector::new(&[]);
        let story = Story::new(&text, SourceFormat::PlainText);
        assert_eq!(memoised(&plain, &story, &mut memo), fresh(&plain, &story));
    }
}
