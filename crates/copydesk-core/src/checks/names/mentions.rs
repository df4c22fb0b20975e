//! Person mentions found without a model: runs of capitalised words, read with the cues that
//! mark a person (a given name, a title, a reporting verb, a possessive, an apposition) and the
//! ones that mark something else (an organisation word after the name, a place, a common word
//! that merely starts the sentence).

use super::lexicon::{with_lowercase, Lexicon};
use crate::incremental::Memo;
use crate::lexicon::reporting_verbs::is_reporting_verb;
use crate::span::{narrow, Span};
use crate::text::tokens::{Case, TokenKind};
use crate::text::{Story, TextId};
use foldhash::HashMap;
use smallvec::{smallvec, SmallVec};
use std::ops::Deref;
use std::sync::Arc;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Given,
    Initial,
    Middle,
    Particle,
    Surname,
    Suffix,
}

#[derive(Debug, Clone)]
pub struct Part {
    pub text: Spelling,
    pub role: Role,
    /// The span as a 32-bit start and a 16-bit length, so a part is 16 bytes: a part comes
    /// from tokens, which hold no more than 32 bits, and a story that repeats a name holds a
    /// part for every time it is written.
    start: u32,
    len: u16,
}

impl Part {
    pub fn new(text: Spelling, span: Span, role: Role) -> Part {
        Part {
            text,
            role,
            start: narrow(span.start),
            len: u16::try_from(span.len()).unwrap_or(u16::MAX),
        }
    }

    /// Where the part is written, with any dot of an initial or suffix.
    pub fn span(&self) -> Span {
        // A word of 64 KiB or more is no name a reader would see; its length is then read from
        // the spelling, which holds the written word.
        let len = match self.len {
            u16::MAX => self.text.len().max(usize::from(u16::MAX)),
            len => usize::from(len),
        };
        let start = self.start as usize;
        Span::new(start, start.saturating_add(len))
    }

    fn set_span(&mut self, span: Span) {
        self.start = narrow(span.start);
        self.len = u16::try_from(span.len()).unwrap_or(u16::MAX);
    }
}

/// A name word as written, shared by every mention that writes it the same way: a story that
/// repeats a name holds its spelling once, not one string per mention. A thin pointer (to a
/// `String`) keeps a part, and so a mention, small.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Spelling(Arc<String>);

impl Spelling {
    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }
}

impl Deref for Spelling {
    type Target = str;

    fn deref(&self) -> &str {
        self.0.as_str()
    }
}

impl PartialEq<&str> for Spelling {
    fn eq(&self, other: &&str) -> bool {
        self.0.as_str() == *other
    }
}

impl PartialEq<Spelling> for &str {
    fn eq(&self, other: &Spelling) -> bool {
        *self == other.0.as_str()
    }
}

impl std::fmt::Display for Spelling {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The spellings met so far in one reading of a story, keyed by the story's own text.
#[derive(Default)]
struct Spellings<'s> {
    seen: HashMap<&'s str, Spelling>,
}

impl<'s> Spellings<'s> {
    fn get(&mut self, text: &'s str) -> Spelling {
        self.seen
            .entry(text)
            .or_insert_with(|| Spelling(Arc::new(text.to_string())))
            .clone()
    }
}

/// The parts of one name, inline up to two.
pub type Parts = SmallVec<[Part; 2]>;

#[derive(Debug, Clone)]
pub struct Title {
    pub text: String,
    /// The title with its dot, if it has one.
    pub span: Span,
    pub courtesy: bool,
    pub dotted: bool,
}

#[derive(Debug, Clone)]
pub struct Mention {
    /// The name itself: no title, no possessive ending.
    pub span: Span,
    pub parts: Parts,
    /// Boxed: most mentions have none, and a story can hold a mention per name it repeats.
    pub title: Option<Box<Title>>,
    pub quoted: bool,
    pub headline: bool,
    /// A lower-case word in a person's slot, kept only to be compared with the roster.
    pub lowercase: bool,
    /// What the name's context says of it, a bit each ([`Signs`]): a story can hold a mention
    /// per name it repeats, and six more bytes made a mention 80 bytes instead of 72.
    signs: Signs,
    /// An index into the story's sentences, in 32 bits like the tokens it holds; the sentence
    /// knows its paragraph, so a mention need not hold that too.
    sentence: u32,
}

/// The [`Mention`] facts kept as bits.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Signs(u8);

impl Signs {
    /// Ends in a possessive ("Cruz’s").
    const POSSESSIVE: Signs = Signs(1);
    /// The name is the first word of its sentence, where every word is capitalised.
    const SENTENCE_INITIAL: Signs = Signs(1 << 1);
    /// A grammatical cue says this is a person: title, possessive, reporting verb, apposition.
    const CUE: Signs = Signs(1 << 2);
    /// "the Trump administration": the name modifies a noun after a determiner.
    const AFTER_DETERMINER: Signs = Signs(1 << 3);
    /// Preceded by "the", ends in -s: "the Clintons".
    const MAYBE_FAMILY_PLURAL: Signs = Signs(1 << 4);
    /// The first name is not in the given-name list; a title or verb made it a full name.
    const UNLISTED_GIVEN: Signs = Signs(1 << 5);

    /// `self` with `sign` set as `on` says.
    fn with(self, sign: Signs, on: bool) -> Signs {
        if on {
            Signs(self.0 | sign.0)
        } else {
            Signs(self.0 & !sign.0)
        }
    }

    fn has(self, sign: Signs) -> bool {
        self.0 & sign.0 != 0
    }
}

impl Mention {
    pub fn possessive(&self) -> bool {
        self.signs.has(Signs::POSSESSIVE)
    }

    pub fn sentence_initial(&self) -> bool {
        self.signs.has(Signs::SENTENCE_INITIAL)
    }

    pub fn cue(&self) -> bool {
        self.signs.has(Signs::CUE)
    }

    pub fn after_determiner(&self) -> bool {
        self.signs.has(Signs::AFTER_DETERMINER)
    }

    pub fn maybe_family_plural(&self) -> bool {
        self.signs.has(Signs::MAYBE_FAMILY_PLURAL)
    }

    pub fn unlisted_given(&self) -> bool {
        self.signs.has(Signs::UNLISTED_GIVEN)
    }

    pub fn sentence(&self) -> usize {
        self.sentence as usize
    }

    pub fn paragraph(&self, story: &Story) -> usize {
        story
            .sentences
            .get(self.sentence())
            .map_or(0, |sentence| sentence.paragraph())
    }

    pub fn given(&self) -> Option<&Part> {
        self.parts.iter().find(|p| p.role == Role::Given)
    }

    pub fn surname(&self) -> Option<&Part> {
        self.parts.iter().rev().find(|p| p.role == Role::Surname)
    }

    /// A given name (or initials) and a surname: a full-name reference.
    pub fn is_full(&self) -> bool {
        self.surname().is_some()
            && self
                .parts
                .first()
                .is_some_and(|p| matches!(p.role, Role::Given | Role::Initial))
    }

    /// The name words, particles included, without initials and suffixes.
    pub fn words(&self) -> impl Iterator<Item = &Part> {
        self.parts
            .iter()
            .filter(|p| !matches!(p.role, Role::Initial | Role::Suffix))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ItemKind {
    Word,
    Initial,
    Particle,
    Suffix,
    Title { courtesy: bool, dotted: bool },
}

#[derive(Debug, Clone)]
struct Item<'s> {
    token: usize,
    /// Borrowed from the story: a run is read at every capitalised word, and most are no name.
    text: &'s str,
    span: Span,
    kind: ItemKind,
}

const PARTICLES: &[&str] = &[
    "bin", "ibn", "van", "von", "der", "den", "de", "del", "della", "di", "da", "dos", "das", "du",
    "la", "le", "al", "el", "ter", "ten", "y", "zu",
];

const CUE_VERBS: &[&str] = &[
    "fired",
    "pushed",
    "warned",
    "countered",
    "posted",
    "responded",
    "joined",
    "testified",
    "resigned",
    "has",
    "had",
    "have",
    "was",
    "is",
    "will",
    "would",
    "could",
    "should",
    "can",
    "did",
    "does",
    "also",
    "who",
    "whose",
    "then",
    "later",
    "himself",
    "herself",
    "never",
    "argued",
    "wants",
    "wanted",
    "met",
    "called",
    "urged",
    "spoke",
    "praised",
    "criticized",
    "criticised",
    "signed",
    "won",
    "lost",
    "announced",
    "campaigned",
    "tweeted",
    "voted",
    "declined",
];

/// Nouns a person's name modifies: "the Quimby administration", "Quimby aides".
const PERSON_NOUNS: &[&str] = &[
    "administration",
    "campaign",
    "presidency",
    "government",
    "aides",
    "aide",
    "camp",
    "supporters",
    "allies",
    "spokesman",
    "spokeswoman",
    "family",
    "era",
    "adviser",
    "advisers",
    "advisor",
    "advisors",
    "associates",
    "loyalists",
    "backers",
    "allies",
    "staff",
];

const DETERMINERS: &[&str] = &["the", "a", "an", "this", "that", "these", "those"];

/// Finds the person mentions of a story, in document order.
pub fn find_mentions(story: &Story, lex: &Lexicon) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut spellings = Spellings::default();
    for paragraph in 0..story.paragraphs.len() {
        paragraph_mentions(story, lex, paragraph, &mut spellings, &mut out);
    }
    finish_mentions(story, out)
}

/// [`find_mentions`] for one more version of a document: each paragraph's mentions come from
/// `memo` when a paragraph with the same [`ParagraphKey`] was read before.
pub fn find_mentions_memoised(story: &Story, lex: &Lexicon, memo: &mut Memo) -> Vec<Mention> {
    let mut table = memo.table::<ParagraphKey, Vec<Mention>>();
    let mut out = Vec::new();
    let mut spellings = Spellings::default();
    for (index, paragraph) in story.paragraphs.iter().enumerate() {
        let Some(key) = ParagraphKey::of(story, index) else {
            paragraph_mentions(story, lex, index, &mut spellings, &mut out);
            continue;
        };
        let base = paragraph.span.start;
        let first_sentence = paragraph.sentences.start;
        let kept = table.get_or_compute(key, || {
            let mut own = Vec::new();
            paragraph_mentions(story, lex, index, &mut spellings, &mut own);
            for mention in &mut own {
                move_mention(mention, |span| {
                    Span::new(
                        span.start - base.min(span.start),
                        span.end - base.min(span.end),
                    )
                });
                mention.sentence -= narrow(first_sentence).min(mention.sentence);
            }
            own
        });
        out.extend(kept.iter().map(|mention| {
            let mut mention = mention.clone();
            move_mention(&mut mention, |span| span.shifted(base));
            mention.sentence = mention.sentence.saturating_add(narrow(first_sentence));
            mention
        }));
    }
    finish_mentions(story, out)
}

/// Everything the mentions of one paragraph are read from: its text (which gives its tokens
/// and which of them are quoted: a quotation carried in from an earlier paragraph only marks
/// the paragraph's own quote as continuing) and the few facts about the tokens on either side
/// that [`paragraph_mentions`] looks at. Mentions are kept relative to the paragraph's start
/// and first sentence.
#[derive(PartialEq, Eq, Hash)]
struct ParagraphKey {
    text: TextId,
    /// `EDGE_*` bits.
    edges: u8,
}

/// The token before the paragraph is a figure ("5 mln Dlrs").
const EDGE_FIGURE_BEFORE: u8 = 1;
/// The token after the paragraph is a figure.
const EDGE_FIGURE_AFTER: u8 = 2;
/// The token after the paragraph can be part of a name (a title before it is then a title).
const EDGE_NAME_WORD_AFTER: u8 = 4;

impl ParagraphKey {
    /// None when the paragraph's reading would reach further into its neighbours than the key
    /// holds: a dot run on to the paragraph's last word. Such a paragraph is read afresh.
    fn of(story: &Story, paragraph: usize) -> Option<ParagraphKey> {
        let p = story.paragraphs.get(paragraph)?;
        let tokens = p.tokens.clone();
        if tokens.end > tokens.start && dot_follows(story, tokens.end - 1) {
            return None;
        }
        let mut edges = 0;
        if tokens.start > 0 && is_figure(story, tokens.start - 1) {
            edges |= EDGE_FIGURE_BEFORE;
        }
        if is_figure(story, tokens.end) {
            edges |= EDGE_FIGURE_AFTER;
        }
        if is_name_word(story, tokens.end) {
            edges |= EDGE_NAME_WORD_AFTER;
        }
        Some(ParagraphKey {
            text: story.text_id(paragraph),
            edges,
        })
    }
}

/// Applies `f` to every span of the mention.
fn move_mention(mention: &mut Mention, f: impl Fn(Span) -> Span) {
    mention.span = f(mention.span);
    for part in &mut mention.parts {
        part.set_span(f(part.span()));
    }
    if let Some(title) = &mut mention.title {
        title.span = f(title.span);
    }
}

/// The mentions of one paragraph, before the story-level reading of headlines
/// ([`finish_mentions`]). Reads the paragraph's tokens, which of them are quoted, and of its
/// neighbours only what [`ParagraphKey`] holds.
fn paragraph_mentions<'s>(
    story: &'s Story,
    lex: &Lexicon,
    paragraph: usize,
    spellings: &mut Spellings<'s>,
    out: &mut Vec<Mention>,
) {
    let Some(p) = story.paragraphs.get(paragraph) else {
        return;
    };
    let mut items = Vec::new();
    for sentence_index in p.sentences.clone() {
        let range = story.sentences[sentence_index].tokens();
        let mut k = range.start;
        while k < range.end {
            let next = read_run(story, lex, k, range.end, &mut items);
            if items.is_empty() {
                k = next.max(k + 1);
                continue;
            }
            if let Some(mut mention) =
                interpret(story, lex, &items, range.start, range.end, spellings)
            {
                mention.sentence = narrow(sentence_index);
                out.push(mention);
            }
            k = next.max(k + 1);
        }
        lowercase_slips(story, lex, sentence_index, spellings, out);
    }
}

/// Marks the mentions that stand in headlines, drops the names a title-case headline runs
/// together, and puts the mentions in document order.
fn finish_mentions(story: &Story, mut out: Vec<Mention>) -> Vec<Mention> {
    let headlines = headline_paragraphs(story);
    let mut lines = HeadlineLines::new(story.prose());
    out.retain_mut(|mention| {
        mention.headline = !mention.lowercase
            && (headlines
                .get(mention.paragraph(story))
                .copied()
                .unwrap_or(false)
                || lines.is_headline(mention.span.start));
        // Title-case headlines run words together: trust only "First Last" there.
        let words = mention
            .parts
            .iter()
            .filter(|p| p.role != Role::Initial)
            .count();
        !(mention.headline && mention.is_full() && words > 2)
    });
    // Slips were appended per sentence after its runs: restore document order. Most stories
    // have none, and a stable sort would still set aside half the list to merge into.
    if !out.is_sorted_by_key(|m| m.span.start) {
        out.sort_by_key(|m| m.span.start);
    }
    out
}

/// Lower-case words in a person's slot ("allon said", "Mr. bama", "the bama administration"):
/// a surname whose capital letter was lost. The roster only ever compares them with people.
fn lowercase_slips<'s>(
    story: &'s Story,
    lex: &Lexicon,
    sentence_index: usize,
    spellings: &mut Spellings<'s>,
    out: &mut Vec<Mention>,
) {
    let Some(sentence) = story.sentences.get(sentence_index) else {
        return;
    };
    let range = sentence.tokens();
    for k in range.clone() {
        let token = story.tokens[k];
        let (stem, possessive) = strip_possessive(story.text(token.span()));
        // "smith-Hay said": a double-barrelled surname that lost its first capital only.
        let barrel_lost_capital = token.case() == Case::Mixed && lost_first_capital(stem);
        if token.kind() != TokenKind::Word || !(token.case() == Case::Lower || barrel_lost_capital)
        {
            continue;
        }
        if stem.chars().count() < 3
            || !(barrel_lost_capital || stem.chars().all(char::is_alphabetic))
            || lex.is_common_word(stem)
            || is_reporting_verb(stem)
            || PARTICLES.contains(&stem)
            || is_title_case_break(stem)
        {
            continue;
        }
        let next = next_word(story, k, range.end);
        // "Mr haw": a British title takes no dot.
        let titled = (k > range.start && lex.is_courtesy_title(text_of(story, k - 1)))
            || k >= range.start + 2
                && text_of(story, k - 1) == "."
                && (lex.is_courtesy_title(text_of(story, k - 2))
                || lex.is_office_title(text_of(story, k - 2))
                // "Vladimir V. utin": the surname slot after a middle initial.
                || is_capital_initial(text_of(story, k - 2)));
        // "Rhodes, hodes, Panetta": a slot in a row of names.
        let cap = |j: usize| {
            story
                .tokens
                .get(j)
                .is_some_and(|t| t.is_word() && t.is_capitalised())
        };
        let in_row = k >= range.start + 2
            && text_of(story, k - 1) == ","
            && cap(k - 2)
            && k + 2 < range.end
            && matches!(text_of(story, k + 1), "," | "and")
            && cap(k + 2);
        // "…,” lunt said": the speaker's slot right after a closing quotation mark.
        let after_quote = k > range.start
            && matches!(text_of(story, k - 1), "”" | "\"" | "''")
            && k >= range.start + 2
            && matches!(text_of(story, k - 2), "," | "?" | "!");
        // "said asey, who …": the speaker's slot after the verb; and a sentence that opens in
        // lower case has lost the capital of its first word, often a name's.
        let after_verb = k > range.start && is_reporting_verb(text_of(story, k - 1));
        let opens_sentence = (range.start..k)
            .all(|j| !is_word(story, j) && story.tokens[j].kind() != TokenKind::Number)
            && !story.is_token_quoted(k);
        let cue = possessive
            || titled
            || in_row
            || after_quote
            || after_verb
            || opens_sentence
            || next.is_some_and(|w| {
                is_reporting_verb(w) || CUE_VERBS.contains(&w) || PERSON_NOUNS.contains(&w)
            });
        // "Mr kilroy-Silk": the title already made it a mention the roster compares.
        if !cue
            || barrel_lost_capital
                && out
                    .iter()
                    .rev()
                    .take_while(|m| m.sentence() == sentence_index)
                    .any(|m| m.title.is_some() && m.span.overlaps(token.span()))
        {
            continue;
        }
        // "enrollment is expected": an ordinary word, not a name that lost its capital. Asked
        // last, of the few words in a person's slot.
        if crate::lexicon::english::is_word(stem) {
            continue;
        }
        out.push(Mention {
            span: Span::new(token.span().start, token.span().start + stem.len()),
            parts: smallvec![Part::new(
                spellings.get(stem),
                Span::new(token.span().start, token.span().start + stem.len()),
                Role::Surname,
            )],
            title: None,
            quoted: story.is_token_quoted(k),
            headline: false,
            lowercase: true,
            signs: Signs::CUE.with(Signs::POSSESSIVE, possessive),
            sentence: narrow(sentence_index),
        });
    }
}

/// "smith-Hay": a lower-case word, then capitalised words after hyphens, the first no
/// prefix ("anti-Trump", "ex-Labour") or particle ("al-Assad").
fn lost_first_capital(word: &str) -> bool {
    let mut parts = word.split('-');
    let Some(head) = parts.next() else {
        return false;
    };
    let mut rest = parts.peekable();
    rest.peek().is_some()
        && head.len() >= 2
        && head.chars().all(|c| c.is_lowercase())
        && !WORD_PREFIXES.contains(&head)
        && !PARTICLES.contains(&head)
        && rest.all(|part| {
            let mut chars = part.chars();
            chars.next().is_some_and(char::is_uppercase) && chars.all(char::is_lowercase)
        })
}

/// Paragraphs that read as headlines: the first one when short, and any short line that does
/// not end like a sentence (a repeated headline, a caption, a subhead).
fn headline_paragraphs(story: &Story) -> Vec<bool> {
    let many = story.paragraphs.len() >= 2;
    story
        .paragraphs
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let text = story.text(p.span).trim_end();
            // A paragraph broken off at a comma or semicolon is a sentence split by the page
            // it was copied from, not a headline. Counted last: most paragraphs end a
            // sentence, and counting words would read every one of them.
            let unfinished = !ends_sentence(text);
            many && (i == 0 || unfinished) && !more_words_than(text, 25)
        })
        .collect()
}

/// More than `limit` words, counted no further than the one past it.
fn more_words_than(text: &str, limit: usize) -> bool {
    text.split_whitespace().nth(limit).is_some()
}

fn ends_sentence(line: &str) -> bool {
    line.trim_end()
        .ends_with(['.', '!', '?', '”', '"', '’', '\'', ':', ')', ';', ','])
}

/// Which lines read as headlines, each line judged once: a name on a line of a megabyte must
/// not rescan the line (or the one before it) for every mention, or a long paragraph without
/// line breaks costs time quadratic in its length.
struct HeadlineLines<'p> {
    prose: &'p str,
    /// Byte offsets of every line break, in order.
    breaks: Vec<usize>,
    /// The line judged last (its start) and the verdict; mentions come in document order.
    last: Option<(usize, bool)>,
}

impl<'p> HeadlineLines<'p> {
    fn new(prose: &'p str) -> Self {
        HeadlineLines {
            prose,
            breaks: prose.match_indices('\n').map(|(i, _)| i).collect(),
            last: None,
        }
    }

    fn is_headline(&mut self, offset: usize) -> bool {
        if offset > self.prose.len() {
            return false;
        }
        let idx = self.breaks.partition_point(|&b| b < offset);
        let start = idx.checked_sub(1).map_or(0, |i| self.breaks[i] + 1);
        let end = self.breaks.get(idx).copied().unwrap_or(self.prose.len());
        if let Some((line, verdict)) = self.last {
            if line == start {
                return verdict;
            }
        }
        let verdict = headline_line(self.prose, start, end);
        self.last = Some((start, verdict));
        verdict
    }
}

/// A line inside a paragraph that reads as a headline: a repeated title or a caption above the
/// lede. Short, unpunctuated, between a finished line and one that starts with a capital, so
/// hard-wrapped prose (lines broken mid-sentence) does not qualify. `start..end` is the line,
/// without its break.
fn headline_line(prose: &str, start: usize, end: usize) -> bool {
    let Some(line) = prose.get(start..end) else {
        return false;
    };
    // The cheap tests first: a line that ends a sentence (most prose) is not read word by word.
    if ends_sentence(line) || end >= prose.len() || more_words_than(line, 25) {
        return false;
    }
    // A sentence that ends inside the line ("… in full. Daniel") makes it wrapped prose; a
    // lower-case word before the mark keeps titles ("Mr.") and initials out of it.
    if line.split_whitespace().rev().skip(1).any(|w| {
        w.chars().next().is_some_and(char::is_lowercase)
            && w.ends_with(['.', '!', '?'])
            && !w[..w.len() - 1].contains('.')
    }) {
        return false;
    }
    let previous_done = prose[..start]
        .trim_end()
        .lines()
        .next_back()
        .is_none_or(|l| ends_sentence(l) || !more_words_than(l, 25));
    let next_capital = prose[end..]
        .trim_start()
        .chars()
        .next()
        .is_some_and(char::is_uppercase);
    previous_done && next_capital
}

fn is_capital_initial(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.next().is_none()
}

fn text_of<'s>(story: &'s Story<'_>, token: usize) -> &'s str {
    story.token_text(token)
}

fn is_word(story: &Story, token: usize) -> bool {
    story
        .tokens
        .get(token)
        .is_some_and(|t| t.kind() == TokenKind::Word)
}

fn dot_follows(story: &Story, token: usize) -> bool {
    match (story.tokens.get(token), story.tokens.get(token + 1)) {
        (Some(t), Some(n)) => n.span().start == t.span().end && story.text(n.span()) == ".",
        _ => false,
    }
}

pub(super) fn strip_possessive(text: &str) -> (&str, bool) {
    for ending in ["’s", "'s", "ʼs"] {
        if let Some(stem) = text.strip_suffix(ending) {
            if !stem.is_empty() {
                return (stem, true);
            }
        }
    }
    (text, false)
}

/// A word that can be part of a name: capitalised, or a particle-prefixed surname ("al-Assad").
fn is_name_word(story: &Story, token: usize) -> bool {
    let Some(t) = story.tokens.get(token) else {
        return false;
    };
    if t.kind() != TokenKind::Word {
        return false;
    }
    let text = story.text(t.span());
    let (stem, _) = strip_possessive(text);
    // Contractions ("We’ve") are no names; O'Neill keeps a capital after the apostrophe.
    if stem
        .split(['’', '\'', 'ʼ'])
        .skip(1)
        .any(|rest| rest.chars().next().is_some_and(char::is_lowercase))
    {
        return false;
    }
    // Codes ("M1", "F-16") are no names, nor is an abbreviation without a vowel next to a
    // figure ("5 mln Dlrs", "Pct 12"); elsewhere a vowel-less word may be a name that lost
    // its vowel ("Bndt" for Bandt).
    let vowelless = stem.chars().count() >= 2
        && stem.chars().all(|c| c.is_ascii_alphabetic())
        && !stem
            .chars()
            .any(|c| matches!(c.to_ascii_lowercase(), 'a' | 'e' | 'i' | 'o' | 'u' | 'y'));
    let near_figure = |k: Option<usize>| k.is_some_and(|k| is_figure(story, k));
    if stem.chars().any(|c| c.is_ascii_digit())
        || (vowelless && (near_figure(token.checked_sub(1)) || near_figure(Some(token + 1))))
    {
        return false;
    }
    // "Windsor-born", "London-based", "Labour-led": a compound adjective before a name
    // describes the person and is no part of their name.
    if stem
        .rsplit_once('-')
        .is_some_and(|(_, last)| COMPOUND_ADJECTIVE_ENDS.contains(&last))
    {
        return false;
    }
    // Acronyms with a possessive ("NBC's") and words run together ("BassettFlagShare").
    let capitals = stem.chars().filter(|c| c.is_uppercase()).count();
    if capitals > 2 && !stem.contains(['-', '.']) {
        return false;
    }
    match t.case() {
        Case::Capitalised => true,
        // Initials such as "J.M." or a single capital; all-capital words are acronyms.
        Case::Upper => text.contains('.') || text.chars().count() == 1,
        Case::Mixed => particle_prefixed(text),
        _ => false,
    }
}

/// A number, or a unit word that stands with one ("mln", "pct").
fn is_figure(story: &Story, token: usize) -> bool {
    story.tokens.get(token).is_some_and(|t| {
        t.kind() == TokenKind::Number || {
            let w = story.text(t.span()).to_lowercase();
            matches!(w.as_str(), "mln" | "bln" | "billion" | "million" | "pct")
        }
    })
}

fn particle_prefixed(text: &str) -> bool {
    let Some((prefix, rest)) = text.split_once(['-', '’', '\'']) else {
        return false;
    };
    let lower_head = !prefix.is_empty()
        && prefix.chars().all(|c| c.is_lowercase())
        && rest.chars().next().is_some_and(char::is_uppercase);
    // "kilroy-Silk": a double-barrelled surname that lost its first capital. Word prefixes
    // ("anti-", "post-", "mid-") make an ordinary compound, not a name.
    lower_head
        && (prefix.len() <= 3
            || (prefix.chars().count() >= 4
                && text.contains('-')
                && !WORD_PREFIXES.contains(&prefix)
                && !Lexicon::get().is_common_word(prefix)))
}

/// Lower-case roles that stand right before a person's name ("Victorian senator Hume",
/// "Spanish right-back Montoya"): a cue that a short capitalised word is a surname. Only
/// nouns that name a person; adjectives that are also titles ("former", "chief") are left out.
const ROLE_NOUNS: &[&str] = &[
    "senator",
    "minister",
    "president",
    "governor",
    "mayor",
    "secretary",
    "chancellor",
    "premier",
    "judge",
    "ambassador",
    "envoy",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "coach",
    "director",
    "commissioner",
    "inspector",
    "detective",
    "sheriff",
    "professor",
    "bishop",
    "rabbi",
    "imam",
    "adviser",
    "advisor",
    "chairman",
    "chairwoman",
    "congressman",
    "congresswoman",
    "lawmaker",
    "striker",
    "midfielder",
    "defender",
    "goalkeeper",
    "right-back",
    "left-back",
    "winger",
    "leader",
    "founder",
    "lawyer",
    "attorney",
    "captain",
    "manager",
    "activist",
    "campaigner",
];

/// The second halves of compound adjectives a place or body forms before a name
/// ("Windsor-born", "Moscow-backed").
const COMPOUND_ADJECTIVE_ENDS: &[&str] = &[
    "born",
    "based",
    "bred",
    "raised",
    "educated",
    "trained",
    "led",
    "backed",
    "owned",
    "run",
    "funded",
    "controlled",
    "allied",
    "aligned",
    "sponsored",
    "supported",
    "listed",
    "registered",
    "headquartered",
    "friendly",
    "style",
];

/// Short titles British style writes without a dot before a name.
const UNDOTTED_TITLES: &[&str] = &["Dr", "Prof", "Rev", "Sgt", "Insp", "Supt", "Det"];

/// Prefixes that join an ordinary word to a capitalised one ("anti-Brexit", "mid-March",
/// "Franco-German" written "franco-German", "ex-Labour").
const WORD_PREFIXES: &[&str] = &[
    "anti", "post", "semi", "multi", "inter", "ultra", "over", "under", "counter", "quasi", "self",
    "well", "trans", "pseudo", "super", "mega", "cross", "extra", "intra", "once", "then", "soon",
    "would", "never", "long", "half", "much", "more", "most", "less", "late", "early", "near",
    "pre", "all", "non", "pro", "mid", "neo", "pan", "un", "ex", "de", "re", "co", "sub", "far",
    "hard", "soft", "arch", "mini", "euro", "afro", "franco", "anglo", "sino", "russo", "indo",
    "mock", "faux", "crypto", "cyber", "micro", "macro", "upper", "lower", "north", "south",
    "east", "west", "central", "greater", "new", "old", "great", "grand", "step", "former", "vice",
    "short",
];

/// Reads one run of name-like tokens starting at `start` into `items` (emptied first: one
/// buffer serves every run of a story); returns the token index after the run.
fn read_run<'s>(
    story: &'s Story,
    lex: &Lexicon,
    start: usize,
    end: usize,
    items: &mut Vec<Item<'s>>,
) -> usize {
    items.clear();
    let mut k = start;
    while k < end {
        let text = text_of(story, k);
        let span = story.tokens[k].span();
        if is_name_word(story, k) {
            let (stem, possessive) = strip_possessive(text);
            // Title-case headlines capitalise verbs and small words: they end a name.
            if !items.is_empty() && is_title_case_break(stem) {
                break;
            }
            let stem_span = Span::new(span.start, span.start + stem.len());
            let dotted = dot_follows(story, k);
            let single_letter = stem.chars().count() == 1;
            if (stem == "Jr" || stem == "Sr") && !items.is_empty() {
                let end_span = if dotted {
                    story.tokens[k + 1].span().end
                } else {
                    span.end
                };
                items.push(Item {
                    token: k,
                    text: stem,
                    span: Span::new(span.start, end_span),
                    kind: ItemKind::Suffix,
                });
                k += if dotted { 2 } else { 1 };
                break;
            }
            if !possessive && lex.is_courtesy_title(stem) {
                items.push(Item {
                    token: k,
                    text: stem,
                    span: if dotted {
                        Span::new(span.start, span.end + 1)
                    } else {
                        span
                    },
                    kind: ItemKind::Title {
                        courtesy: true,
                        dotted,
                    },
                });
                k += if dotted { 2 } else { 1 };
                continue;
            }
            if !possessive && dotted && !single_letter && lex.is_office_title(stem) {
                items.push(Item {
                    token: k,
                    text: stem,
                    span: Span::new(span.start, span.end + 1),
                    kind: ItemKind::Title {
                        courtesy: false,
                        dotted: true,
                    },
                });
                k += 2;
                continue;
            }
            if single_letter && dotted && stem.chars().all(char::is_uppercase) {
                items.push(Item {
                    token: k,
                    text: stem,
                    span: Span::new(span.start, span.end + 1),
                    kind: ItemKind::Initial,
                });
                k += 2;
                continue;
            }
            // "U.S. Helicopters": a dotted abbreviation of a country reads like initials
            // but names no one, so it ends the run before the name.
            if stem.contains('.') && lex.is_place(stem.trim_end_matches('.')) {
                break;
            }
            if stem.contains('.') {
                items.push(Item {
                    token: k,
                    text: stem,
                    span: stem_span,
                    kind: ItemKind::Initial,
                });
                k += 1;
                continue;
            }
            // Undotted abbreviations are names: "Gen Nakatani" is not "Gen. Nakatani"; the
            // few British copy writes without a dot ("Dr Felton", "Prof Ames") are titles.
            let kind = if !possessive
                && (stem.chars().count() >= 4 || UNDOTTED_TITLES.contains(&stem))
                && lex.is_office_title(stem)
                && is_name_word(story, k + 1)
            {
                ItemKind::Title {
                    courtesy: false,
                    dotted: false,
                }
            } else {
                ItemKind::Word
            };
            items.push(Item {
                token: k,
                text: stem,
                span: stem_span,
                kind,
            });
            k += 1;
            if possessive || dotted {
                break;
            }
            continue;
        }
        let lower_particle = story.tokens[k].case() == Case::Lower && PARTICLES.contains(&text);
        if lower_particle
            && !items.is_empty()
            && (is_name_word(story, k + 1)
                || (k + 1 < end && PARTICLES.contains(&text_of(story, k + 1))))
        {
            items.push(Item {
                token: k,
                text,
                span,
                kind: ItemKind::Particle,
            });
            k += 1;
            continue;
        }
        if text == "," && !items.is_empty() && k + 1 < end {
            let next = text_of(story, k + 1);
            if next == "Jr" || next == "Jr." || next == "Sr" || next == "Sr." {
                k += 1;
                continue;
            }
        }
        break;
    }
    // Particles cannot end a run.
    while items.last().is_some_and(|i| i.kind == ItemKind::Particle) {
        items.pop();
    }
    k
}

fn interpret<'s>(
    story: &Story,
    lex: &Lexicon,
    items: &[Item<'s>],
    sentence_start: usize,
    sentence_end: usize,
    spellings: &mut Spellings<'s>,
) -> Option<Mention> {
    // The name follows the last title that has a name word after it.
    let title_at = items
        .iter()
        .rposition(|i| matches!(i.kind, ItemKind::Title { .. }));
    let (title, mut name): (Option<&Item>, &[Item]) = match title_at {
        Some(t) if t + 1 < items.len() => (items.get(t), &items[t + 1..]),
        Some(_) => return None,
        None => (None, items),
    };
    // Capitalised words before the name that are not names: "White", "Texas", "When".
    let first_word = sentence_first_word(story, sentence_start);
    // "Pierre Vaillaud said", "Laura Castle, 32,": a first name that is also a place, or a
    // surname that is also a building, still names a person when the sentence treats the
    // pair as one.
    let given_and_surname = |name: &[Item]| match name {
        [.., given, surname] => {
            given.kind == ItemKind::Word
                && surname.kind == ItemKind::Word
                && lex.is_given_name(given.text)
                && !lex.is_given_name(surname.text)
                && !lex.is_place(surname.text)
                && person_cue_near(story, items, sentence_start, sentence_end)
        }
        _ => false,
    };
    // "Photograph: Bell Stephen/Reuters": a credit sorted by surname keeps its surname even
    // when it is an ordinary word or a place, so the reversal can be matched to the person.
    let in_credit = items
        .last()
        .and_then(|i| story.tokens.get(i.token + 1))
        .is_some_and(|t| story.text(t.span()) == "/");
    let surname_then_given = |name: &[Item]| match name {
        [surname, given] => {
            in_credit
                && surname.kind == ItemKind::Word
                && given.kind == ItemKind::Word
                && lex.is_given_name(given.text)
        }
        _ => false,
    };
    while name.len() > 1
        && name[0].kind == ItemKind::Word
        && ((is_descriptor(lex, name[0].text)
            && !(name.len() == 2 && (given_and_surname(name) || surname_then_given(name))))
            || (name[0].token == first_word && is_verb_like(name[0].text)))
    {
        name = &name[1..];
    }
    let last_word = name.iter().rev().find(|i| i.kind == ItemKind::Word)?;
    // More than four name words is a title-case headline or a list run together.
    let word_count = name.iter().filter(|i| i.kind == ItemKind::Word).count();
    if (lex.is_org_word(last_word.text) && !given_and_surname(name)) || word_count > 4 {
        return None;
    }
    let last_token = items.last().map(|i| i.token)?;
    if lex.is_org_word(next_word(story, last_token, sentence_end).unwrap_or_default()) {
        return None;
    }
    // A given name followed by a surname starts a full name; descriptors before it go.
    let given_at = name.iter().enumerate().position(|(n, item)| {
        item.kind == ItemKind::Word
            && lex.is_given_name(item.text)
            && !(item.token == first_word && is_verb_like(item.text))
            && name[n + 1..].iter().any(|i| i.kind == ItemKind::Word)
    });
    if let Some(g) = given_at {
        if name[..g].iter().all(|i| i.kind == ItemKind::Word) {
            name = &name[g..];
        }
        // "Quimby Hints Wrenfield …": past three words, every middle word must be a first
        // name ("Andrés Manuel López Obrador") or the run is title-case text.
        let words: Vec<&Item> = name.iter().filter(|i| i.kind == ItemKind::Word).collect();
        if words.len() > 3
            && !words[1..words.len() - 2]
                .iter()
                .all(|w| lex.is_given_name(w.text))
        {
            return None;
        }
    }
    let first_token = name.first()?.token;
    let sentence_initial = starts_sentence(story, first_token, sentence_start, title.is_some());
    if name.len() == 1 && name[0].kind == ItemKind::Word {
        let word = &name[0].text;
        let courtesy =
            title.is_some_and(|t| matches!(t.kind, ItemKind::Title { courtesy: true, .. }));
        if (lex.is_place(word) && !courtesy) || (lex.is_common_word(word) && title.is_none()) {
            return None;
        }
    }
    if name.iter().all(|i| i.kind != ItemKind::Word) {
        return None;
    }
    // An unlisted first name ("Odile Marchetti") is still a full name when a title or a
    // reporting verb vouches for a person and the first word is no ordinary word.
    let words_in_name: Vec<&Item> = name.iter().filter(|i| i.kind == ItemKind::Word).collect();
    let unlisted_given = given_at.is_none()
        && words_in_name.len() == 2
        && name.first().is_some_and(|i| i.kind == ItemKind::Word)
        && (title.is_some() || (cue_hint(story, lex, items, sentence_start, sentence_end)))
        && !is_descriptor(lex, words_in_name[0].text)
        && !lex.is_org_word(words_in_name[0].text)
        && !lex.is_given_name(words_in_name[1].text);
    let mut parts = build_parts(lex, name, given_at.is_some() || unlisted_given, spellings);
    if unlisted_given {
        if let Some(first) = parts.first_mut() {
            first.role = Role::Given;
        }
    }
    // "Will Congress", "May Britain": a first word that is also an ordinary word or a place,
    // opening a sentence before a place, is no first name. One that is only a first name
    // ("Jim Jordan demands papers") names the person, as it would anywhere else, and so does
    // one the sentence treats as a person ("Bill French said", "Bill French, the owner,", a
    // headline's "Bill French: I'd run").
    let speaker_colon = name
        .last()
        .is_some_and(|last| story.token_text(last.token + 1) == ":");
    if parts.first().is_some_and(|p| {
        p.role == Role::Given && (lex.is_common_word(&p.text) || lex.is_place(&p.text))
    }) && sentence_initial
        && parts
            .iter()
            .rev()
            .find(|p| p.role == Role::Surname)
            .is_some_and(|p| lex.is_place(&p.text))
        && !person_cue_near(story, name, sentence_start, sentence_end)
        && !speaker_colon
    {
        parts.remove(0);
    }
    let span = Span::new(name.first()?.span.start, name.last()?.span.end);
    let possessive = {
        let token = story.tokens.get(last_token)?;
        strip_possessive(story.text(token.span())).1
    };
    let prev = previous_words(story, first_token, sentence_start, title.is_some());
    let after_determiner = title.is_none()
        && prev
            .first()
            .is_some_and(|w| with_lowercase(w, |w| DETERMINERS.contains(&w)));
    let next = next_word(story, last_token, sentence_end);
    let cue = title.is_some()
        || possessive
        || next.is_some_and(|w| {
            is_reporting_verb(w) || CUE_VERBS.contains(&w) || PERSON_NOUNS.contains(&w)
        })
        || prev
            .first()
            .is_some_and(|w| is_reporting_verb(w) || ROLE_NOUNS.contains(w))
        || (prev.first() == Some(&",") && prev.get(1).is_some_and(|w| is_reporting_verb(w)))
        || (prev.first() == Some(&"to") && prev.get(1) == Some(&"according"))
        || apposition_follows(story, last_token, sentence_end);
    let maybe_family_plural = prev
        .first()
        .is_some_and(|w| with_lowercase(w, |w| matches!(w, "the" | "both" | "two")))
        && parts.len() == 1
        && parts[0].text.ends_with('s');
    Some(Mention {
        span,
        parts,
        title: title.map(|t| {
            let ItemKind::Title { courtesy, dotted } = t.kind else {
                unreachable!("title_at only finds titles")
            };
            Box::new(Title {
                text: t.text.to_string(),
                span: t.span,
                courtesy,
                dotted,
            })
        }),
        quoted: story.is_token_quoted(first_token),
        headline: false,
        lowercase: false,
        signs: Signs::default()
            .with(Signs::POSSESSIVE, possessive)
            .with(Signs::SENTENCE_INITIAL, sentence_initial)
            .with(Signs::CUE, cue)
            .with(Signs::AFTER_DETERMINER, after_determiner)
            .with(Signs::MAYBE_FAMILY_PLURAL, maybe_family_plural)
            .with(Signs::UNLISTED_GIVEN, unlisted_given),
        sentence: 0,
    })
}

/// Words a title-case headline capitalises that never continue a name ("Quimby Says …").
fn is_title_case_break(word: &str) -> bool {
    with_lowercase(word, |lower| {
        is_reporting_verb(lower)
            || matches!(
                lower,
                "to" | "of"
                    | "for"
                    | "in"
                    | "on"
                    | "and"
                    | "the"
                    | "with"
                    | "at"
                    | "from"
                    | "by"
                    | "as"
                    | "vs"
                    | "after"
                    | "before"
                    | "over"
                    | "into"
                    | "amid"
                    | "is"
                    | "was"
                    | "will"
                    | "would"
                    | "could"
                    | "has"
                    | "have"
                    | "had"
                    | "a"
                    | "an"
                    | "not"
            )
    })
}

/// "Said Ellis" and "Will Congress" start sentences with a verb, not a given name.
fn is_verb_like(word: &str) -> bool {
    with_lowercase(word, |lower| {
        is_reporting_verb(lower) || matches!(lower, "will" | "may" | "can" | "must" | "hope")
    })
}

fn sentence_first_word(story: &Story, sentence_start: usize) -> usize {
    let mut k = sentence_start;
    while k < story.tokens.len() && !is_word(story, k) {
        k += 1;
    }
    k
}

/// A reporting verb right after the run, or an apposition, with the run mid-sentence.
fn cue_hint(
    story: &Story,
    lex: &Lexicon,
    items: &[Item],
    sentence_start: usize,
    sentence_end: usize,
) -> bool {
    let _ = lex;
    let (Some(first), Some(last)) = (items.first(), items.last()) else {
        return false;
    };
    // At a sentence start any word is capitalised, so a verb after two capitalised words
    // says little; a description set off after them ("Anote Tong, the former president")
    // still names a person.
    if starts_sentence(story, first.token, sentence_start, false) {
        return apposition_follows(story, last.token, sentence_end);
    }
    person_cue_near(story, items, sentence_start, sentence_end)
}

/// Whether the words around `items` treat them as a person: a role noun right before ("union
/// leader Chidi Okonkwo"), a reporting verb right after, or a description set off after them.
fn person_cue_near(
    story: &Story,
    items: &[Item],
    sentence_start: usize,
    sentence_end: usize,
) -> bool {
    let (Some(first), Some(last)) = (items.first(), items.last()) else {
        return false;
    };
    let role_before =
        first.token > sentence_start && ROLE_NOUNS.contains(&text_of(story, first.token - 1));
    role_before
        || next_word(story, last.token, sentence_end).is_some_and(is_reporting_verb)
        || apposition_follows(story, last.token, sentence_end)
}

fn is_descriptor(lex: &Lexicon, word: &str) -> bool {
    lex.is_place(word) || (lex.is_common_word(word) && !lex.is_given_name(word))
}

fn build_parts<'s>(
    lex: &Lexicon,
    name: &[Item<'s>],
    has_given: bool,
    spellings: &mut Spellings<'s>,
) -> Parts {
    let last_word = name.iter().rposition(|i| i.kind == ItemKind::Word);
    let mut parts = Parts::new();
    let mut given_done = !has_given;
    for (n, item) in name.iter().enumerate() {
        let role = match item.kind {
            ItemKind::Initial => Role::Initial,
            ItemKind::Particle => Role::Particle,
            ItemKind::Suffix => Role::Suffix,
            ItemKind::Title { .. } => continue,
            ItemKind::Word if !given_done && lex.is_given_name(item.text) => {
                given_done = true;
                Role::Given
            }
            ItemKind::Word if Some(n) == last_word => Role::Surname,
            ItemKind::Word if has_given => Role::Middle,
            // Without a given name every word may be a surname ("Moore Capito").
            ItemKind::Word => Role::Surname,
        };
        parts.push(Part::new(spellings.get(item.text), item.span, role));
    }
    parts
}

fn starts_sentence(story: &Story, token: usize, sentence_start: usize, titled: bool) -> bool {
    if titled {
        return false;
    }
    if (sentence_start..token)
        .all(|k| !is_word(story, k) && story.tokens[k].kind() != TokenKind::Number)
    {
        return true;
    }
    // Capitalised by position after an opening quotation mark or a colon.
    token > sentence_start
        && matches!(
            text_of(story, token - 1),
            "“" | "\"" | "‘" | "'" | ":" | "—" | "(" | "["
        )
}

/// Up to two tokens before the name (and its title), nearest first.
fn previous_words<'s>(
    story: &'s Story<'_>,
    first_token: usize,
    sentence_start: usize,
    titled: bool,
) -> Vec<&'s str> {
    let mut k = first_token;
    if titled {
        // Step back over the title and its dot.
        while k > sentence_start && !is_word(story, k - 1) {
            k -= 1;
        }
        k = k.saturating_sub(1);
    }
    let mut out = Vec::new();
    while k > sentence_start && out.len() < 2 {
        k -= 1;
        out.push(text_of(story, k));
    }
    out
}

fn next_word<'s>(story: &'s Story<'_>, last_token: usize, sentence_end: usize) -> Option<&'s str> {
    let mut k = last_token + 1;
    // Step over the dot of a suffix or initial.
    while k < sentence_end && text_of(story, k) == "." {
        k += 1;
    }
    (k < sentence_end).then(|| text_of(story, k))
}

fn apposition_follows(story: &Story, last_token: usize, sentence_end: usize) -> bool {
    let k = last_token + 1;
    if k + 1 >= sentence_end || text_of(story, k) != "," {
        return false;
    }
    // "Ruth Castle, 44, denied the charge": an age set off after the name.
    let next = text_of(story, k + 1);
    let age = (1..=3).contains(&next.len())
        && next.bytes().all(|b| b.is_ascii_digit())
        && matches!(text_of(story, k + 2), "," | ")");
    age || matches!(
        next,
        "who" | "whose" | "a" | "an" | "the" | "his" | "her" | "its"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::SourceFormat;

    /// A story can hold a mention every few words (a name repeated 600,000 times in 10 MB): a
    /// field added carelessly costs megabytes there. On 64-bit targets a mention is 80 bytes.
    #[test]
    #[cfg(target_pointer_width = "64")]
    fn a_mention_stays_compact() {
        assert!(std::mem::size_of::<Part>() <= 16);
        assert!(std::mem::size_of::<Mention>() <= 72);
    }

    #[test]
    fn a_mention_knows_its_paragraph_and_sentence() {
        let story = Story::new(
            "Opening words here.\n\nLater on, Dana Whitcombe said so. Then Whitcombe left.",
            SourceFormat::PlainText,
        );
        let found = find_mentions(&story, Lexicon::get());
        let placed: Vec<(String, usize, usize)> = found
            .iter()
            .filter(|m| story.text(m.span).contains("Whitcombe"))
            .map(|m| {
                (
                    story.text(m.span).to_string(),
                    m.paragraph(&story),
                    m.sentence(),
                )
            })
            .collect();
        assert_eq!(
            placed,
            vec![
                ("Dana Whitcombe".to_string(), 1, 1),
                ("Whitcombe".to_string(), 1, 2)
            ]
        );
        let full = found
            .iter()
            .find(|m| m.is_full())
            .expect("the full name is a mention");
        let part = &full.parts[1];
        assert_eq!(story.text(part.span()), "Whitcombe");
    }

    fn mentions(text: &str) -> Vec<String> {
        let story = Story::new(text, SourceFormat::PlainText);
        find_mentions(&story, Lexicon::get())
            .into_iter()
            .map(|m| {
                let mut s = story.text(m.span).to_string();
                if m.is_full() {
                    s.push_str(" [full]");
                }
                if let Some(t) = m.title {
                    s = format!("{}: {s}", t.text);
                }
                s
            })
            .collect()
    }

    #[test]
    fn a_paragraph_without_line_breaks_is_read_in_one_pass() {
        // Every mention sits on one long line: each line is judged once, not per mention.
        let text = "John Smith said ".repeat(20_000);
        let story = Story::new(&text, SourceFormat::PlainText);
        let found = find_mentions(&story, Lexicon::get());
        assert_eq!(found.len(), 20_000);
    }

    #[test]
    fn a_full_name_across_a_soft_line_break_is_one_name() {
        assert_eq!(
            mentions(
                "Okafor, the finance director, said the fund was safe. Daniel\nOkafor told \
                 reporters it was audited.\nMr. Okafor left."
            ),
            ["Okafor", "Daniel\nOkafor [full]", "Mr: Okafor"]
        );
    }

    #[test]
    fn full_names_titles_and_surnames() {
        assert_eq!(
            mentions("Sen. Marla Quimby met Gov. Tobias Wrenfield on Monday. Quimby said the talks went well."),
            ["Sen: Marla Quimby [full]", "Gov: Tobias Wrenfield [full]", "Quimby"]
        );
    }

    #[test]
    fn organisations_and_places_are_not_people() {
        assert_eq!(
            mentions("They gave to the Quimby Foundation and met at Wrenfield Tower in Georgia."),
            Vec::<String>::new()
        );
    }

    #[test]
    fn particles_initials_and_suffixes_stay_in_the_name() {
        assert_eq!(
            mentions("The envoy, Hamid al-Rashidi, met Pieter van der Voort and Carla J. Montes Jr. in Oslo."),
            [
                "Hamid al-Rashidi [full]",
                "Pieter van der Voort [full]",
                "Carla J. Montes Jr. [full]"
            ]
        );
    }

    #[test]
    fn sentence_starts_and_possessives() {
        assert_eq!(
            mentions(
                "When Quimby arrived, Wrenfield’s aides left. After that, the Quimbys went home."
            ),
            ["Quimby", "Wrenfield", "Quimbys"]
        );
    }
}
