//! The attribution scope model: which sentences, paragraphs and quotations of a story are
//! tied to a source.
//!
//! News attributes by scope, not sentence by sentence: "X said" opening a paragraph covers
//! the sentences after it, a closing "he said" covers the quoted sentences before it, and a
//! quotation carried over several paragraphs keeps its speaker. The checks of this family ask
//! this model, built once per story in one linear pass, whether a claim or a quote is covered.
//! The cues themselves are the shared attribution layer's ([`Attributions`]): this model only
//! says how far each one reaches.

use super::lexicon;
use crate::attribution::{Attributions, CueKind, SourceKind};
use crate::incremental::Memo;
use crate::lexicon::verbs::VerbClass;
use crate::span::Span;
use crate::text::{Story, TextId, TokenKind};
use std::ops::{Bound, Deref, RangeBounds};
use std::sync::LazyLock;

/// A word lower-cased with ’ written ', borrowed from the story's word view when that view
/// spells it the same way, so reading a sentence's words allocates nothing per word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lower<'a>(Spelling<'a>);

#[derive(Debug, Clone, PartialEq, Eq)]
enum Spelling<'a> {
    Borrowed(&'a str),
    Owned(Box<str>),
}

impl Lower<'_> {
    pub fn as_str(&self) -> &str {
        match &self.0 {
            Spelling::Borrowed(text) => text,
            Spelling::Owned(text) => text,
        }
    }
}

impl Deref for Lower<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl std::fmt::Display for Lower<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq<str> for Lower<'_> {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Lower<'_> {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// One token of a sentence, with what the checks ask of it at hand.
///
/// Made when a rule asks for it ([`Words`]), never kept for a whole sentence: the span and the
/// lower-case spelling are read from the story when asked for instead of being stored per word.
#[derive(Clone, Copy)]
pub struct Word<'a> {
    story: &'a Story<'a>,
    token: u32,
    pub kind: TokenKind,
    /// Inside a direct quotation.
    pub quoted: bool,
    /// Starts with a capital letter.
    pub cap: bool,
    /// The story's word view spells this word differently (see [`Word::lower`]).
    spelled_out: bool,
}

impl<'a> Word<'a> {
    #[inline]
    pub fn span(&self) -> Span {
        self.story
            .tokens
            .get(self.token as usize)
            .map(|t| t.span())
            .unwrap_or_default()
    }

    /// The word lower-cased with ’ written '. The story's word view lower-cases the same way
    /// but per character, and also straightens ʼ; where either makes a difference (ʼ, or a
    /// capital sigma, whose lower case depends on its place in the word) the word is spelt out
    /// here instead, which allocates: such words are rare.
    #[inline]
    pub fn lower(&self) -> Lower<'a> {
        if self.spelled_out {
            self.spell_out()
        } else {
            Lower(Spelling::Borrowed(self.story.lower(self.token as usize)))
        }
    }

    /// Kept apart so the common case above stays small enough to inline: the rules ask every
    /// word for its spelling many times.
    #[cold]
    #[inline(never)]
    fn spell_out(&self) -> Lower<'a> {
        let spelled = self
            .story
            .text(self.span())
            .to_lowercase()
            .replace('’', "'");
        Lower(Spelling::Owned(spelled.into_boxed_str()))
    }

    #[inline]
    pub fn is(&self, w: &str) -> bool {
        lexicon::same_word(&self.lower(), w)
    }

    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }

    #[inline]
    pub fn in_list(&self, list: &(impl lexicon::Words + ?Sized)) -> bool {
        lexicon::contains(list, &self.lower())
    }

    /// Whether the word is one of [`lexicon::NP_BREAKERS`].
    pub fn is_np_breaker(&self) -> bool {
        lexicon::is_np_breaker(&self.lower())
    }

    /// Whether the word is one of [`lexicon::NOUN_MARKERS`].
    pub fn is_noun_marker(&self) -> bool {
        lexicon::is_noun_marker(&self.lower())
    }
}

impl std::fmt::Debug for Word<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Word")
            .field("span", &self.span())
            .field("lower", &self.lower())
            .field("kind", &self.kind)
            .field("quoted", &self.quoted)
            .field("cap", &self.cap)
            .finish()
    }
}

/// The words of one sentence, each read from the story's token table when it is asked for.
///
/// A sentence can run to millions of tokens (a story with no sentence end), and a vector of
/// its words, built in turn by every rule that reads the sentence, was the largest allocation
/// of the whole analysis; this view holds two indices. Indexing out of range panics, as
/// slicing the vector did.
#[derive(Clone, Copy)]
pub struct Words<'s> {
    story: &'s Story<'s>,
    /// Token indices, within the story's token table.
    start: usize,
    end: usize,
}

impl<'s> Words<'s> {
    fn of_sentence(story: &'s Story<'s>, sentence: usize) -> Words<'s> {
        let tokens = story.sentences.get(sentence).map_or(0..0, |s| s.tokens());
        let end = tokens.end.min(story.tokens.len());
        Words {
            story,
            start: tokens.start.min(end),
            end,
        }
    }

    /// No words (the sentence before the first).
    pub fn none(story: &'s Story<'s>) -> Words<'s> {
        Words {
            story,
            start: 0,
            end: 0,
        }
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// Word `i` of the sentence; panics past its end.
    #[inline]
    pub fn at(&self, i: usize) -> Word<'s> {
        assert!(i < self.len(), "word {i} of {}", self.len());
        word(self.story, self.start + i)
    }

    #[inline]
    pub fn get(&self, i: usize) -> Option<Word<'s>> {
        (i < self.len()).then(|| word(self.story, self.start + i))
    }

    pub fn first(&self) -> Option<Word<'s>> {
        self.get(0)
    }

    pub fn last(&self) -> Option<Word<'s>> {
        self.len().checked_sub(1).and_then(|i| self.get(i))
    }

    pub fn iter(
        &self,
    ) -> impl DoubleEndedIterator<Item = Word<'s>> + ExactSizeIterator + Clone + 's {
        let story = self.story;
        (self.start..self.end).map(move |i| word(story, i))
    }

    /// The words in `range` (indices within this view); panics where slicing would.
    pub fn slice(&self, range: impl RangeBounds<usize>) -> Words<'s> {
        let from = match range.start_bound() {
            Bound::Included(&i) => i,
            Bound::Excluded(&i) => i + 1,
            Bound::Unbounded => 0,
        };
        let to = match range.end_bound() {
            Bound::Included(&i) => i + 1,
            Bound::Excluded(&i) => i,
            Bound::Unbounded => self.len(),
        };
        assert!(
            from <= to && to <= self.len(),
            "words {from}..{to} of {}",
            self.len()
        );
        Words {
            story: self.story,
            start: self.start + from,
            end: self.start + to,
        }
    }
}

/// Token `i` of the story as a [`Word`]; `i` is within the token table.
#[inline]
fn word<'s>(story: &'s Story<'s>, i: usize) -> Word<'s> {
    let t = story.tokens[i];
    let span = t.span();
    // Nearly every word is ASCII, and its bytes say so without the text's boundary checks.
    let ascii = story
        .prose()
        .as_bytes()
        .get(span.range())
        .is_none_or(|bytes| bytes.is_ascii());
    Word {
        story,
        // Within 32 bits: every token starts at a distinct 32-bit offset.
        token: i as u32,
        kind: t.kind(),
        quoted: story.is_token_quoted(i),
        cap: t.is_capitalised(),
        spelled_out: !ascii && story.text(span).contains(['ʼ', 'Σ']),
    }
}

/// The tokens of one sentence as [`Word`]s.
/// Longest parenthesis read as a picture's placing: "(second from left)", "(artist's
/// illustration shown)".
const MAX_PICTURE_MARK_WORDS: usize = 5;

/// Whether sentence `s` is a photo caption: it places a picture "(left)", "(pictured)",
/// "(artist's illustration shown)". A caption restates the body beside it, whose reporting
/// carries the sourcing, as a headline does.
pub fn is_photo_caption(story: &Story, s: usize) -> bool {
    let Some(sentence) = story.sentences.get(s) else {
        return false;
    };
    // Most sentences hold no bracket: one search of the text spares a look at every token.
    if !story.text(sentence.span()).contains('(') {
        return false;
    }
    let tokens = sentence.tokens();
    tokens.clone().any(|open| {
        if story.token_text(open) != "(" {
            return false;
        }
        let inside = open + 1..(open + 2 + MAX_PICTURE_MARK_WORDS).min(tokens.end);
        let Some(close) = inside.clone().find(|&k| story.token_text(k) == ")") else {
            return false;
        };
        let words = open + 1..close;
        !words.is_empty()
            && words.clone().all(|k| {
                let w = story.lower(k);
                lexicon::PICTURE_MARKS.contains(w) || lexicon::PICTURE_PLACING.contains(w)
            })
            && words
                .clone()
                .any(|k| lexicon::PICTURE_MARKS.contains(story.lower(k)))
    })
}

pub fn words<'s>(story: &'s Story<'s>, sentence: usize) -> Words<'s> {
    Words::of_sentence(story, sentence)
}

/// The same words as [`words`], one at a time.
pub fn each_word<'s>(story: &'s Story<'s>, sentence: usize) -> impl Iterator<Item = Word<'s>> {
    Words::of_sentence(story, sentence).iter()
}

/// Where and how a sentence is attributed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cue {
    pub span: Span,
    /// A plain speech cue ("said", "told", "according to"), as opposed to the stances,
    /// framings and agentless forms that also attribute ("believes", "is understood to").
    pub core: bool,
    /// Who speaks, as the attribution layer read it (none for an agentless cue).
    pub source: Option<Span>,
    pub kind: SourceKind,
    /// What is said, as the layer read it.
    pub content: Option<Span>,
}

/// The attribution scope of a whole story.
#[derive(Debug)]
pub struct Scope<'a> {
    /// Every attribution cue outside quotation marks, per sentence.
    pub sentence_cues: SentenceCues<'a>,
    /// Per paragraph: the first cue, if any.
    pub paragraph_cue: Vec<Option<Cue>>,
    /// Per paragraph: it reads like a headline, dateline or label (one sentence, no final
    /// punctuation).
    pub headline_like: Vec<bool>,
    /// Per paragraph: the text ends with a colon introducing what follows.
    pub ends_with_colon: Vec<bool>,
    /// Per paragraph: not the reporter's prose but boilerplate addressed to the reader
    /// (disclaimers, subscription notes): it speaks as "we" and "you" outside quotations.
    pub boilerplate: Vec<bool>,
    /// Per paragraph: a speaker is in force at its end — the paragraph attributes, or it is
    /// a quotation carried on from a paragraph that had one (a run of quote paragraphs).
    pub speaker_in_force: Vec<bool>,
    /// Per paragraph: commentator nouns in the singular that stand next to a name ("Jane Roe,
    /// an analyst at …"), so "analysts say" in the same paragraph has a named member.
    pub named_commentators: Vec<Vec<String>>,
    /// Per paragraph: a named association, chamber, federation or charity speaks there ("The
    /// Harwick Chamber of Commerce said"), so "business groups say" nearby has a named member.
    pub named_associations: Vec<bool>,
    /// Per sentence: an artifact that can carry a quotation is named outside quotes ("in a
    /// tweet", "the indictment", "under state law").
    pub artifact: Vec<bool>,
    /// The first sentence that speaks of a study outside quotations ("a new study", "the
    /// research, published in…"): from there on "the researchers" are its authors.
    pub first_study: Option<usize>,
}

/// The cues of every sentence, back to back, as indexes into the attribution layer's items: a
/// list per sentence cost a heap block each, and a copy of each cue four times the room. A
/// story attributes nearly every sentence, and one that does nothing else holds a cue for every
/// few words.
#[derive(Debug)]
pub struct SentenceCues<'a> {
    attributions: &'a Attributions,
    /// The item's index, with [`CORE`] set for a plain speech cue. Items are fewer than tokens,
    /// which are counted in 32 bits, so the top bit is free.
    cues: Vec<u32>,
    /// Where each sentence's cues end in `cues`; they start where the previous one's end.
    ends: Vec<u32>,
}

const CORE: u32 = 1 << 31;

/// One sentence's cues, read out of [`SentenceCues`] as [`Cue`]s.
#[derive(Clone, Copy)]
pub struct CueList<'a> {
    attributions: &'a Attributions,
    cues: &'a [u32],
}

impl CueList<'_> {
    pub fn is_empty(&self) -> bool {
        self.cues.is_empty()
    }

    pub fn first(&self) -> Option<Cue> {
        self.cues.first().and_then(|&c| self.cue(c))
    }

    pub fn iter(&self) -> impl Iterator<Item = Cue> + '_ {
        self.cues.iter().filter_map(|&c| self.cue(c))
    }

    fn cue(&self, stored: u32) -> Option<Cue> {
        let a = self.attributions.get((stored & !CORE) as usize)?;
        Some(Cue {
            span: a.cue(),
            core: stored & CORE != 0,
            source: a.source(),
            kind: a.kind,
            content: a.content(),
        })
    }
}

impl<'a> SentenceCues<'a> {
    fn new(attributions: &'a Attributions) -> Self {
        SentenceCues {
            attributions,
            cues: Vec::new(),
            ends: Vec::new(),
        }
    }

    fn push(&mut self, cues: impl IntoIterator<Item = (usize, bool)>) {
        self.cues.extend(cues.into_iter().map(|(item, core)| {
            let index = u32::try_from(item).unwrap_or(u32::MAX) & !CORE;
            if core {
                index | CORE
            } else {
                index
            }
        }));
        self.ends
            .push(u32::try_from(self.cues.len()).unwrap_or(u32::MAX));
    }

    /// The cues of sentence `s`, if the story has that sentence.
    pub fn get(&self, s: usize) -> Option<CueList<'_>> {
        let end = *self.ends.get(s)? as usize;
        let start = s
            .checked_sub(1)
            .map_or(0, |before| self.ends[before] as usize);
        self.cues.get(start..end).map(|cues| CueList {
            attributions: self.attributions,
            cues,
        })
    }
}

/// Whether the sentence quotes someone by name and firm: `said Ann Lee of Fenwick Partners`,
/// `Ann Lee of Fenwick Partners said`.
fn speaks_for_firm(w: &Words) -> bool {
    let said = |x: &Word| !x.quoted && matches!(x.lower().as_str(), "said" | "says" | "added");
    let name_word = |x: &Word| x.cap && x.is_word() && !x.quoted && x.lower() != "the";
    (0..w.len()).any(|of| {
        if !w.at(of).is("of") || w.at(of).quoted {
            return false;
        }
        // The firm: capitalised words after "of", perhaps after "the".
        let firm_at = if w.get(of + 1).is_some_and(|x| x.is("the")) {
            of + 2
        } else {
            of + 1
        };
        let firm_end = (firm_at..w.len())
            .take_while(|&k| name_word(&w.at(k)))
            .last();
        let Some(firm_end) = firm_end else {
            return false;
        };
        // The person: two or three capitalised words before "of".
        let name_start = (of.saturating_sub(3)..of)
            .find(|&k| (k..of).all(|j| name_word(&w.at(j))))
            .filter(|&k| of - k >= 2);
        let Some(name_start) = name_start else {
            return false;
        };
        let inverted = name_start > 0 && said(&w.at(name_start - 1));
        let plain = w.get(firm_end + 1).is_some_and(|x| said(&x))
            && (name_start == 0 || !w.at(name_start - 1).is_word());
        inverted || plain
    })
}

/// What the scope reads from one paragraph's own words: a function of the paragraph's text
/// alone (its sentences, tokens and which of them are quoted are read from that text; a
/// quotation carried in from before marks only whether its quote continues), so a document's
/// memo keeps it under the text and an edit elsewhere reuses it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct ParagraphWords {
    /// Per sentence of the paragraph: see [`Scope::artifact`].
    artifact: Vec<bool>,
    /// The first of its sentences, counted from the paragraph's first, that speaks of a study.
    first_study: Option<usize>,
    /// See [`Scope::named_commentators`].
    named_commentators: Vec<String>,
    /// Words addressing the reader ("we", "you") outside quotations.
    reader_address: usize,
    /// Its last sentence is written in title case.
    title_case: bool,
}

#[derive(Hash, PartialEq, Eq)]
struct ParagraphWordsKey {
    text: TextId,
}

impl ParagraphWords {
    fn read(story: &Story, paragraph: &crate::text::Paragraph) -> ParagraphWords {
        let mut own = ParagraphWords::default();
        for (k_sentence, i) in paragraph.sentences.clone().enumerate() {
            let w = words(story, i);
            // One pass over the words for every fact: each word is made afresh from the token
            // table when read, and a sentence can run to millions of them.
            let mut artifact = false;
            let mut study = false;
            let mut reader_address = 0;
            // Counted, not collected: a sentence can run to millions of words.
            let (mut content, mut capitalised) = (0usize, 0usize);
            for (k, x) in w.iter().enumerate() {
                let lower = x.lower();
                if !x.quoted {
                    artifact = artifact || lexicon::contains(&lexicon::ARTIFACT_NOUNS, &lower);
                    study = study
                        || own.first_study.is_none()
                            && lexicon::contains(&lexicon::STUDY_NOUNS, &lower);
                    // "US" is the country ("a US law", "the US market"), not the reader.
                    let pronoun_us = lower == "us" && story.text(x.span()) != "US";
                    if pronoun_us || matches!(lower.as_str(), "we" | "our" | "you" | "your") {
                        reader_address += 1;
                    }
                }
                if x.is_word() && lower.len() > 3 {
                    content += 1;
                    capitalised += usize::from(x.cap);
                }
                if x.quoted || !is_singular_commentator(&lower) {
                    continue;
                }
                let near_name = (k.saturating_sub(5)..(k + 6).min(w.len())).any(|j| {
                    let y = w.at(j);
                    j != k
                        && j > 0
                        && y.cap
                        && y.is_word()
                        && !y.quoted
                        && !matches!(
                            y.lower().as_str(),
                            "i" | "mr." | "ms." | "mrs." | "dr." | "the"
                        )
                });
                if near_name && !own.named_commentators.iter().any(|n| lower == **n) {
                    own.named_commentators.push(lower.to_string());
                }
            }
            own.artifact.push(artifact);
            if study {
                own.first_study = Some(k_sentence);
            }
            // Wire copy quotes its analysts as "said Ann Lee of Fenwick Partners", with no
            // "analyst" noun: the person speaking for a firm answers the lede's "analysts said".
            if speaks_for_firm(&w) && !own.named_commentators.iter().any(|n| n == "analyst") {
                own.named_commentators.push("analyst".to_string());
            }
            own.reader_address += reader_address;
            own.title_case = content >= 3 && capitalised * 10 >= content * 7;
        }
        own
    }
}

impl<'a> Scope<'a> {
    pub fn build(story: &Story, attributions: &'a Attributions) -> Scope<'a> {
        Scope::build_with(story, attributions, None)
    }

    /// [`Scope::build`], taking what each paragraph's own words say from `memo` when a
    /// paragraph with the same text was read before. The cues still come from `attributions`
    /// and the story-level passes below run afresh: they are linear in paragraphs, not words.
    pub fn build_with(
        story: &Story,
        attributions: &'a Attributions,
        memo: Option<&mut Memo>,
    ) -> Scope<'a> {
        let mut scope = Scope {
            sentence_cues: SentenceCues::new(attributions),
            paragraph_cue: Vec::new(),
            headline_like: Vec::new(),
            ends_with_colon: Vec::new(),
            boilerplate: Vec::new(),
            speaker_in_force: Vec::new(),
            named_commentators: Vec::new(),
            named_associations: vec![false; story.paragraphs.len()],
            artifact: Vec::new(),
            first_study: None,
        };
        for a in attributions
            .iter()
            .filter(|a| a.kind == SourceKind::NamedOrganisation)
        {
            let association = a.source().is_some_and(|source| {
                story
                    .text(source)
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|word| lexicon::ASSOCIATION_WORDS.contains(&word.to_lowercase()))
            });
            let paragraph = story.sentences.get(a.sentence()).map(|s| s.paragraph());
            if let (true, Some(p)) = (association, paragraph) {
                if let Some(named) = scope.named_associations.get_mut(p) {
                    *named = true;
                }
            }
        }
        let mut reader_address = vec![0usize; story.paragraphs.len()];
        let mut title_case = vec![false; story.paragraphs.len()];
        for i in 0..story.sentences.len() {
            scope.sentence_cues.push(cues_of(story, attributions, i));
        }
        let mut table = memo.map(|memo| memo.table::<ParagraphWordsKey, ParagraphWords>());
        scope.artifact.reserve_exact(story.sentences.len());
        scope
            .named_commentators
            .reserve_exact(story.paragraphs.len());
        for (p, para) in story.paragraphs.iter().enumerate() {
            let fresh;
            let own = match table.as_mut() {
                Some(table) => table.get_or_compute(
                    ParagraphWordsKey {
                        text: story.text_id(p),
                    },
                    || ParagraphWords::read(story, para),
                ),
                None => {
                    fresh = ParagraphWords::read(story, para);
                    &fresh
                }
            };
            scope.artifact.extend_from_slice(&own.artifact);
            if scope.first_study.is_none() {
                scope.first_study = own.first_study.map(|k| para.sentences.start + k);
            }
            scope
                .named_commentators
                .push(own.named_commentators.clone());
            reader_address[p] = own.reader_address;
            title_case[p] = own.title_case;
        }
        scope
            .named_commentators
            .resize(story.paragraphs.len(), Vec::new());
        scope.boilerplate = reader_address.iter().map(|&n| n >= 2).collect();
        for (p, para) in story.paragraphs.iter().enumerate() {
            let opens_with_quote = story
                .paragraph_quotes(p)
                .first()
                .is_some_and(|q| q.span().start <= para.span.start);
            let carried = p >= 1
                && opens_with_quote
                && scope.speaker_in_force.get(p - 1).copied().unwrap_or(false);
            let own = para
                .sentences
                .clone()
                .any(|s| scope.sentence_cues.get(s).is_some_and(|c| !c.is_empty()));
            scope.speaker_in_force.push(own || carried);
        }
        for (p, para) in story.paragraphs.iter().enumerate() {
            let cue = para
                .sentences
                .clone()
                .find_map(|s| scope.sentence_cues.get(s).and_then(|c| c.first()));
            scope.paragraph_cue.push(cue);
            let text = story.text(para.span).trim_end();
            let last = text.chars().last();
            scope.ends_with_colon.push(last == Some(':'));
            let one_sentence = para.sentences.len() <= 1;
            let unterminated = !matches!(
                last,
                Some('.' | '!' | '?' | '"' | '”' | '’' | '\'' | ')' | '…' | ':')
            );
            scope.headline_like.push(
                (one_sentence && (unterminated || title_case.get(p).copied().unwrap_or(false)))
                    || (p == 0 && unterminated && text.len() < 200),
            );
        }
        scope
    }

    pub fn sentence_attributed(&self, sentence: usize) -> bool {
        self.sentence_cues
            .get(sentence)
            .is_some_and(|c| !c.is_empty())
    }

    pub fn paragraph_attributed(&self, paragraph: usize) -> bool {
        self.paragraph_cue
            .get(paragraph)
            .is_some_and(Option::is_some)
    }

    pub fn is_headline_like(&self, paragraph: usize) -> bool {
        self.headline_like.get(paragraph).copied().unwrap_or(false)
    }

    pub fn is_boilerplate(&self, paragraph: usize) -> bool {
        self.boilerplate.get(paragraph).copied().unwrap_or(false)
    }

    /// Whether sentence `s` has a plain speech cue ("said", "according to") outside `phrase`
    /// whose words take `phrase` in: "X is thought to be ill, an aide said" reports the aide's
    /// words, but in "it is feared X, and Mr Roe said Y" the fear is nobody's. A cue whose words
    /// the layer could not delimit takes in the whole sentence.
    pub fn core_cue_outside(&self, s: usize, phrase: Span) -> bool {
        self.sentence_cues.get(s).is_some_and(|cues| {
            cues.iter().any(|c| {
                c.core
                    && !c.span.overlaps(phrase)
                    && c.content.is_none_or(|content| content.overlaps(phrase))
            })
        })
    }

    /// The cue that gives quote `q` of the story its speaker, or `None` when nothing near
    /// does: not its sentences, not its paragraph, not the paragraph it continues.
    pub fn quote_speaker(&self, story: &Story, q: usize) -> Option<QuoteSource> {
        let quote = story.quotes.get(q)?;
        let p = story.paragraph_at(quote.span().start)?;
        if quote.continues_previous() {
            return Some(QuoteSource::Continues);
        }
        if let Some(cue) = self.paragraph_cue.get(p).copied().flatten() {
            return Some(QuoteSource::Cue(cue));
        }
        let artifact = story.sentence_at(quote.span().start).is_some_and(|first| {
            story.sentences[first..]
                .iter()
                .enumerate()
                .take_while(|(_, s)| s.span().start < quote.span().end)
                .any(|(k, _)| self.artifact.get(first + k).copied().unwrap_or(false))
        });
        if artifact {
            return Some(QuoteSource::Artifact);
        }
        if (quote.open_ended() && self.block_attributed_later(story, p))
            || self.next_paragraph_names_speaker(story, p)
        {
            return Some(QuoteSource::Later);
        }
        let prev = p.checked_sub(1)?;
        let para = story.paragraphs.get(p)?;
        let opens_paragraph = quote.span().start <= para.span.start;
        if self.ends_with_colon.get(prev).copied().unwrap_or(false) {
            return Some(QuoteSource::Continues);
        }
        let prev_speaks = self.speaker_in_force.get(prev).copied().unwrap_or(false);
        if opens_paragraph && prev_speaks && !self.is_headline_like(prev) {
            return Some(QuoteSource::Continues);
        }
        None
    }
}

impl Scope<'_> {
    /// The paragraph after `p` is a short attribution line: "— Jane Roe, 34, a nurse" or
    /// "That was how the mayor put it, she said."
    fn next_paragraph_names_speaker(&self, story: &Story, p: usize) -> bool {
        let Some(next) = story.paragraphs.get(p + 1) else {
            return false;
        };
        let text = story.text(next.span).trim_start();
        if text.starts_with(['—', '―', '–', '-']) {
            return true;
        }
        let first = next.sentences.start;
        let short = story
            .sentences
            .get(first)
            .is_some_and(|s| story.text(s.span()).split_whitespace().count() <= 15);
        short
            && self
                .sentence_cues
                .get(first)
                .is_some_and(|c| c.iter().any(|c| c.core))
    }

    /// A quote left open at the end of paragraph `p` whose continuation, a paragraph or few
    /// later, names the speaker.
    fn block_attributed_later(&self, story: &Story, p: usize) -> bool {
        for next in p + 1..(p + 4).min(story.paragraphs.len()) {
            let continues = story
                .paragraph_quotes(next)
                .first()
                .is_some_and(|q| q.continues_previous());
            if !continues {
                return false;
            }
            if self.paragraph_attributed(next) {
                return true;
            }
        }
        false
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuoteSource {
    /// The quote block runs on into a later paragraph that names the speaker.
    Later,
    /// A reporting cue in the quote's own paragraph.
    Cue(Cue),
    /// The quote carries on the previous paragraph's speaker.
    Continues,
    /// The sentence names a document, post or law the words come from.
    Artifact,
}

/// A singular noun that, next to a name, makes that person a member of a commentator group:
/// "Jane Roe, an analyst", "Professor Tom Reyes", "lead researcher Ana Ortiz".
fn is_singular_commentator(word: &str) -> bool {
    SINGULAR_COMMENTATORS.contains(word)
        || matches!(
            word,
            "professor" | "lecturer" | "epidemiologist" | "author" | "activist"
        )
}

/// The singulars of the commentator groups ("analyst" for "analysts"), made once: every word of
/// every paragraph is asked whether it is one.
static SINGULAR_COMMENTATORS: LazyLock<foldhash::HashSet<&str>> = LazyLock::new(|| {
    lexicon::COMMENTATOR_GROUPS
        .iter()
        .filter_map(|group| group.strip_suffix('s'))
        .collect()
});

/// The sentence's attribution cues with a source, as the shared layer read them. An agentless
/// phrase in a sentence that also carries a plain speech cue is part of someone's reported
/// speech.
fn cues_of<'s>(
    story: &'s Story,
    attributions: &'s Attributions,
    sentence: usize,
) -> impl Iterator<Item = (usize, bool)> + 's {
    let range = attributions.sentence_range(sentence);
    attributions
        .in_sentence(sentence)
        .zip(range)
        // An agentless cue leaves the sentence unattributed ("is accused of"), and so does a
        // source that declines to speak; a speech verb whose speaker the layer could not
        // delimit still has one.
        .filter(|(a, _)| {
            (a.source().is_some() || matches!(a.cue_kind, CueKind::Verb(_)))
                // "The senator sought a recount": a deed, not a word the claim could lean on.
                && a.cue_kind != CueKind::Verb(VerbClass::Action)
                // "His claims were false": the noun names someone's saying, but what the
                // sentence asserts about it is the writer's.
                && !(a.cue_kind == CueKind::Nominal && a.content().is_none())
                && !a.is_refusal(story)
        })
        .map(|(a, item)| (item, a.is_speech(story)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::SourceFormat;

    fn story(text: &str) -> Story<'_> {
        Story::new(text, SourceFormat::PlainText)
    }

    #[test]
    fn a_paragraph_opened_by_a_speaker_covers_what_follows() {
        let s = story("The mayor said the bridge would close. Repairs will take a year.\n\nTraffic will move to the ferry.\n");
        let attributions = Attributions::read(&s);
        let scope = Scope::build(&s, &attributions);
        assert!(scope.paragraph_attributed(0));
        assert!(!scope.sentence_attributed(1));
        assert!(!scope.paragraph_attributed(1));
    }

    #[test]
    fn refusals_and_nouns_are_not_attribution() {
        let s = story("She declined to say how much. His claims were false.");
        let attributions = Attributions::read(&s);
        let scope = Scope::build(&s, &attributions);
        assert!(!scope.paragraph_attributed(0));
    }

    #[test]
    fn a_quote_block_keeps_its_speaker() {
        let s = story("“We are done here,” the coach said.\n\n“Nobody in this room wants another season like that one.”\n\nThe team flew home.\n");
        let attributions = Attributions::read(&s);
        let scope = Scope::build(&s, &attributions);
        assert!(scope.quote_speaker(&s, 0).is_some());
        assert_eq!(scope.quote_speaker(&s, 1), Some(QuoteSource::Continues));
    }

    #[test]
    fn boilerplate_and_artifacts() {
        let s = story("Prices rose.\n\nWe may update this page; you should check it often.\n\nIn a letter to staff, the dean wrote at length.\n");
        let attributions = Attributions::read(&s);
        let scope = Scope::build(&s, &attributions);
        assert!(!scope.is_boilerplate(0));
        assert!(scope.is_boilerplate(1));
        assert!(scope.artifact[2]);
    }

    #[test]
    fn the_country_us_does_not_address_the_reader() {
        let s = story("Prices rose.\n\nA US law gave the exporters access to the US market, which the US Senate extended.\n\nTell us what you think; we read every letter.\n");
        let attributions = Attributions::read(&s);
        let scope = Scope::build(&s, &attributions);
        assert!(!scope.is_boilerplate(1));
        assert!(scope.is_boilerplate(2));
    }

    #[test]
    fn a_run_of_quote_paragraphs_keeps_the_speaker() {
        let s = story("The coach said the season was over.\n\n“We lost too many games this year.”\n\n“Next year will be different for all of us.”\n");
        let attributions = Attributions::read(&s);
        let scope = Scope::build(&s, &attributions);
        assert_eq!(scope.quote_speaker(&s, 1), Some(QuoteSource::Continues));
    }

    #[test]
    fn a_quote_alone_has_no_speaker() {
        let s = story(
            "The plant closed in May.\n\n“Nobody in this town will forget what happened here.”\n",
        );
        let attributions = Attributions::read(&s);
        let scope = Scope::build(&s, &attributions);
        assert_eq!(scope.quote_speaker(&s, 0), None);
    }
}
