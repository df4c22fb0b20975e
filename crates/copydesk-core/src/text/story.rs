//! The prose structure every check shares: paragraphs, sentences, tokens and quotations.

use super::extract::{extract, Extracted, SourceFormat, Unchecked};
use super::quotes::{find_quotes, Quote};
use super::sentences::split_sentences;
use super::tokens::{tokenize, Token};
use crate::span::{narrow, NarrowSpan, Span};
use std::borrow::Cow;
use std::ops::Range;
use std::sync::atomic::{AtomicU64, Ordering};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    pub span: Span,
    pub sentences: Range<usize>,
    pub tokens: Range<usize>,
    pub quotes: Range<usize>,
}

/// A sentence, in 20 bytes: its span, paragraph and tokens in 32-bit offsets and indices.
#[derive(Clone, PartialEq, Eq)]
pub struct Sentence {
    span: NarrowSpan,
    paragraph: u32,
    first_token: u32,
    end_token: u32,
}

// A story of short sentences holds one of these per sentence: a regression costs MiB.
const _: () = assert!(std::mem::size_of::<Sentence>() <= 20);

impl std::fmt::Debug for Sentence {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Sentence")
            .field("span", &self.span())
            .field("paragraph", &self.paragraph())
            .field("tokens", &self.tokens())
            .finish()
    }
}

impl Sentence {
    /// Offsets and indices past 32 bits saturate (see [`crate::span::narrow`]).
    fn new(span: Span, paragraph: usize, tokens: Range<usize>) -> Sentence {
        Sentence {
            span: NarrowSpan::new(span),
            paragraph: narrow(paragraph),
            first_token: narrow(tokens.start),
            end_token: narrow(tokens.end),
        }
    }

    pub fn span(&self) -> Span {
        self.span.get()
    }

    /// The index of the paragraph the sentence lies in.
    pub fn paragraph(&self) -> usize {
        self.paragraph as usize
    }

    /// The indices of the sentence's tokens in the story's token table.
    pub fn tokens(&self) -> Range<usize> {
        self.first_token as usize..self.end_token as usize
    }
}

/// A story read for checking. Built once per analysis; checks only read it.
///
/// All spans index the original source. Text is read through [`Story::text`], which reads the
/// *prose* copy: identical to the source where it is prose, blanks elsewhere.
#[derive(Debug, Clone)]
pub struct Story<'a> {
    source: &'a str,
    /// Borrows the source when extraction blanked nothing (plain prose, most stories): a
    /// second copy of a large document would be held for the whole analysis.
    prose: Cow<'a, str>,
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Sentence>,
    pub tokens: Vec<Token>,
    /// Sorted by start; they never overlap.
    pub quotes: Vec<Quote>,
    /// For each token, whether it lies inside a direct quotation.
    quoted: TokenSet,
    /// Text hidden from the checks by a code fence or comment that never closes.
    pub unchecked: Vec<Unchecked>,
    /// The word view, built once so no check lower-cases again: every token lower-cased with
    /// curly apostrophes made straight, written over a copy of the prose at the token's own
    /// offsets, so that a word is read at its token's span and the view needs no table of
    /// where each word lies (four bytes a token).
    ///
    /// A lower-cased word is nearly always as long as its token. One that is shorter
    /// ("officials’" → "officials'") is padded with NUL, which no word contains; one that is
    /// longer (rare: "İ" → "i̇") leaves NUL over the whole token and is kept in `longer`, by
    /// the token's start. Only a NUL token reads NUL in both texts.
    lowered: String,
    /// The word view is the prose itself (a story with no capital and no curly apostrophe):
    /// `lowered` is then dropped rather than held as a second copy of the story.
    lowered_is_prose: bool,
    longer: Vec<(u32, Box<str>)>,
    top_matter_end: usize,
    /// For each paragraph, the name of its text: see [`TextId`].
    text_ids: Vec<TextId>,
}

/// Names a paragraph's text (with whether a quotation is carried into it) for as long as a
/// document's cache holds that text, so the checks file their kept pieces under eight bytes
/// rather than a copy of the text to hash and compare on every keystroke. Equal ids mean equal
/// text; a paragraph read without a cache gets an id of its own that nothing else will have.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TextId(u64);

impl TextId {
    pub(crate) fn fresh() -> TextId {
        static NEXT: AtomicU64 = AtomicU64::new(0);
        TextId(NEXT.fetch_add(1, Ordering::Relaxed))
    }
}

impl<'a> Story<'a> {
    pub fn new(source: &'a str, format: SourceFormat) -> Story<'a> {
        Story::build(source, format, &mut ReadEveryParagraph(None))
    }

    /// Builds the story, taking each paragraph's structure from `paragraphs`, which may
    /// remember it from an earlier version of the same document (the `incremental` module). The
    /// paragraphs themselves and everything that spans them (extraction, top matter, which
    /// tokens are quoted) are read afresh.
    pub fn build(
        source: &'a str,
        format: SourceFormat,
        paragraphs: &mut dyn ParagraphReader,
    ) -> Story<'a> {
        Story::build_extracted(source, extract(source, format), paragraphs)
    }

    /// [`Story::build`] from `source`'s extraction, made already (the `incremental` module
    /// splices an edit into the last one).
    pub fn build_extracted(
        source: &'a str,
        extracted: Extracted,
        paragraphs: &mut dyn ParagraphReader,
    ) -> Story<'a> {
        // Compared before the tables are built, so the copy is gone by the time they are.
        let prose = if extracted.prose == source {
            Cow::Borrowed(source)
        } else {
            Cow::Owned(extracted.prose)
        };
        let mut story = Story {
            source,
            prose: Cow::Borrowed(""),
            paragraphs: Vec::new(),
            sentences: Vec::new(),
            tokens: Vec::new(),
            quotes: Vec::new(),
            quoted: TokenSet::default(),
            unchecked: extracted.unchecked,
            lowered: String::with_capacity(prose.len()),
            lowered_is_prose: false,
            longer: Vec::new(),
            top_matter_end: 0,
            text_ids: Vec::new(),
        };
        let mut quote_open = false;
        for para in paragraph_spans(&prose, &extracted.block_starts) {
            let index = story.paragraphs.len();
            let first_sentence = story.sentences.len();
            let first_token = story.tokens.len();
            let first_quote = story.quotes.len();
            let text = para.text(&prose);
            let base = para.start;
            // The word view lies over the prose: what is between paragraphs goes in as it is.
            story
                .lowered
                .push_str(prose.get(story.lowered.len()..base).unwrap_or(""));
            let text_id = match paragraphs.read_owned(text, quote_open) {
                Some(read) if Story::can_take(para.end) => {
                    quote_open = read.quote_open_after;
                    story.take_paragraph(read, base, index);
                    TextId::fresh()
                }
                Some(read) => {
                    quote_open = read.quote_open_after;
                    story.copy_paragraph(&read, base, index);
                    TextId::fresh()
                }
                None => {
                    let (read, text_id) = paragraphs.read(text, quote_open);
                    quote_open = read.quote_open_after;
                    story.copy_paragraph(read, base, index);
                    text_id
                }
            };
            story.text_ids.push(text_id);
            story.paragraphs.push(Paragraph {
                span: para,
                sentences: first_sentence..story.sentences.len(),
                tokens: first_token..story.tokens.len(),
                quotes: first_quote..story.quotes.len(),
            });
        }
        story
            .lowered
            .push_str(prose.get(story.lowered.len()..).unwrap_or(""));
        if story.lowered == *prose {
            story.lowered = String::new();
            story.lowered_is_prose = true;
        }
        story.quoted = mark_quoted(&story.tokens, &story.quotes);
        // The tables grew by doubling and are held for the whole analysis: a long story would
        // otherwise carry up to half as much again as it uses, tokens most of all.
        story.paragraphs.shrink_to_fit();
        story.text_ids.shrink_to_fit();
        story.sentences.shrink_to_fit();
        story.tokens.shrink_to_fit();
        story.quotes.shrink_to_fit();
        story.longer.shrink_to_fit();
        // The headline ends at a lone CR too, as it does for every other stage.
        story.top_matter_end = top_matter_end(&super::extract::lone_cr_as_lf(source));
        story.prose = prose;
        story
    }

    /// Adds a paragraph's structure read at `base`, copying it.
    fn copy_paragraph(&mut self, read: &ParagraphStructure, base: usize, index: usize) {
        self.push_quotes(read, base);
        let counted = read
            .sentences
            .iter()
            .map(|&(_, count)| count)
            .sum::<usize>();
        let own = &read.tokens[..counted.min(read.tokens.len())];
        match Token::shifted_all(own, base) {
            Some(shifted) => {
                let mut start = self.tokens.len();
                self.tokens.extend(shifted);
                for &(span, token_count) in &read.sentences {
                    let end = (start + token_count).min(self.tokens.len());
                    self.sentences
                        .push(Sentence::new(span.shifted(base), index, start..end));
                    start = end;
                }
            }
            // Past 32-bit offsets: the tokens that cannot move are dropped, as they would not
            // have been read there.
            None => {
                let mut own_tokens = own.iter();
                for &(span, token_count) in &read.sentences {
                    let start = self.tokens.len();
                    self.tokens.extend(
                        own_tokens
                            .by_ref()
                            .take(token_count)
                            .filter_map(|t| t.shifted(base)),
                    );
                    self.sentences.push(Sentence::new(
                        span.shifted(base),
                        index,
                        start..self.tokens.len(),
                    ));
                }
            }
        }
        self.lowered.push_str(&read.words.lowered);
        self.longer.extend(
            read.words
                .longer
                .iter()
                .filter_map(|(start, word)| Some((shifted_u32(*start, base)?, word.clone()))),
        );
    }

    /// Whether [`Story::take_paragraph`] gives the same story as [`Story::copy_paragraph`]:
    /// within 32-bit offsets every token moves as it is, none dropped.
    fn can_take(paragraph_end: usize) -> bool {
        u32::try_from(paragraph_end).is_ok()
    }

    /// [`Story::copy_paragraph`] for a structure read afresh, whose tables become the story's
    /// own where they are the larger part: a story of one giant paragraph would otherwise be
    /// held twice while it is built.
    fn take_paragraph(&mut self, read: ParagraphStructure, base: usize, index: usize) {
        let ParagraphStructure {
            mut quotes,
            sentences,
            mut tokens,
            words,
            ..
        } = read;
        for quote in &mut quotes {
            *quote = quote.shifted(base);
        }
        append_to_larger(&mut self.quotes, quotes);
        let mut start = self.tokens.len();
        for (span, token_count) in sentences {
            let end = start + token_count;
            self.sentences
                .push(Sentence::new(span.shifted(base), index, start..end));
            start = end;
        }
        for token in &mut tokens {
            if let Some(shifted) = token.shifted(base) {
                *token = shifted;
            }
        }
        append_to_larger(&mut self.tokens, tokens);
        // The story's word view is sized for the whole prose up front, but a paragraph larger
        // than all before it is kept and they go in front: copied, it would be held twice
        // until the paragraph is dropped.
        if words.lowered.len() > self.lowered.len() {
            let room = self.lowered.capacity();
            let mut joined = words.lowered;
            joined.insert_str(0, &self.lowered);
            joined.reserve_exact(room.saturating_sub(joined.len()));
            self.lowered = joined;
        } else {
            self.lowered.push_str(&words.lowered);
        }
        self.longer.extend(
            words
                .longer
                .into_vec()
                .into_iter()
                .filter_map(|(start, word)| Some((shifted_u32(start, base)?, word))),
        );
    }

    fn push_quotes(&mut self, read: &ParagraphStructure, base: usize) {
        self.quotes
            .extend(read.quotes.iter().map(|q| q.shifted(base)));
    }

    /// The file as read.
    pub fn source(&self) -> &'a str {
        self.source
    }

    /// The prose copy: same length as the source, non-prose blanked.
    pub fn prose(&self) -> &str {
        &self.prose
    }

    /// Text under `span`, read from the prose copy.
    pub fn text(&self, span: Span) -> &str {
        span.text(&self.prose)
    }

    pub fn token_text(&self, index: usize) -> &str {
        self.tokens
            .get(index)
            .map(|t| t.span().text(&self.prose))
            .unwrap_or("")
    }

    pub fn sentence_tokens(&self, sentence: usize) -> &[Token] {
        self.sentences
            .get(sentence)
            .map(|s| &self.tokens[s.tokens()])
            .unwrap_or(&[])
    }

    pub fn paragraph_sentences(&self, paragraph: usize) -> &[Sentence] {
        self.paragraphs
            .get(paragraph)
            .map(|p| &self.sentences[p.sentences.clone()])
            .unwrap_or(&[])
    }

    pub fn paragraph_quotes(&self, paragraph: usize) -> &[Quote] {
        self.paragraphs
            .get(paragraph)
            .map(|p| &self.quotes[p.quotes.clone()])
            .unwrap_or(&[])
    }

    /// The word view over the whole prose (see `lowered`).
    fn word_view(&self) -> &str {
        match self.lowered_is_prose {
            true => &self.prose,
            false => &self.lowered,
        }
    }

    /// Whether token `index` lies inside a direct quotation.
    pub fn is_token_quoted(&self, index: usize) -> bool {
        self.quoted.contains(index)
    }

    /// The sentence containing `offset`, if any.
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        find_containing(&self.sentences, offset, |s| s.span())
    }

    pub fn paragraph_at(&self, offset: usize) -> Option<usize> {
        find_containing(&self.paragraphs, offset, |p| p.span)
    }

    /// The quotation containing `offset` (marks included), if any.
    pub fn quote_at(&self, offset: usize) -> Option<&Quote> {
        find_containing(&self.quotes, offset, |q| q.span()).map(|i| &self.quotes[i])
    }

    /// Whether any part of `span` lies inside a quotation.
    pub fn in_quote(&self, span: Span) -> bool {
        let i = self.quotes.partition_point(|q| q.span().end <= span.start);
        self.quotes.get(i).is_some_and(|q| q.span().overlaps(span))
    }

    /// Index of the first token starting at or after `offset`.
    pub fn token_at_or_after(&self, offset: usize) -> usize {
        self.tokens.partition_point(|t| t.span().start < offset)
    }

    /// Token `index` lower-cased, with ’ and ʼ written ' ("officials’" → "officials'"); ""
    /// out of range.
    #[inline]
    pub fn lower(&self, index: usize) -> &str {
        let Some(token) = self.tokens.get(index) else {
            return "";
        };
        let span = token.span();
        let Some(word) = self.word_view().get(span.range()) else {
            return "";
        };
        if !word.ends_with('\0') {
            return word;
        }
        self.padded_word(span, word)
    }

    /// The word of the token at `span`, whose view `word` ends in NUL (see `lowered`).
    #[cold]
    fn padded_word<'s>(&'s self, span: Span, word: &'s str) -> &'s str {
        if self.prose.get(span.range()) == Some(word) {
            return word;
        }
        let trimmed = word.trim_end_matches('\0');
        if !trimmed.is_empty() {
            return trimmed;
        }
        let Ok(start) = u32::try_from(span.start) else {
            return "";
        };
        self.longer
            .binary_search_by_key(&start, |(s, _)| *s)
            .map_or("", |i| &self.longer[i].1)
    }

    /// The end (byte offset) of the story's top matter: the leading run of short lines that
    /// do not end like a sentence (headline, standfirst, dateline, byline, credits), followed
    /// by prose. 0 when the story starts with prose.
    pub fn top_matter_end(&self) -> usize {
        self.top_matter_end
    }

    /// The name of paragraph `paragraph`'s text, under which the checks keep what they read
    /// from it (the `incremental` module).
    pub fn text_id(&self, paragraph: usize) -> TextId {
        self.text_ids
            .get(paragraph)
            .copied()
            .unwrap_or_else(TextId::fresh)
    }

    /// Whether `offset` lies in the top matter.
    pub fn in_top_matter(&self, offset: usize) -> bool {
        offset < self.top_matter_end
    }

    /// Words of prose, counted the way the corpus counts them (whitespace-separated).
    pub fn word_count(&self) -> usize {
        self.prose.split_whitespace().count()
    }
}

/// One paragraph's structure, with offsets from the paragraph's start: quotations, sentences,
/// tokens and their lower-case words. Quotes, sentences and tokens are read from the
/// paragraph's own text and nothing around it, so the structure is a function of that text and
/// of whether a quotation was left open before it; a cache keyed by both can keep it across
/// edits elsewhere in the story.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParagraphStructure {
    quotes: Vec<Quote>,
    quote_open_after: bool,
    /// Each sentence's span and how many of `tokens` it holds, in order.
    sentences: Vec<(Span, usize)>,
    tokens: Vec<Token>,
    words: ParagraphWords,
}

/// A paragraph's word view, at offsets from its start: see `Story::lowered`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct ParagraphWords {
    lowered: String,
    longer: Box<[(u32, Box<str>)]>,
}

impl ParagraphStructure {
    pub fn read(text: &str, quote_open_before: bool) -> ParagraphStructure {
        let whole = Span::new(0, text.len());
        let mut quotes = Vec::new();
        let quote_open_after = find_quotes(text, whole, quote_open_before, &mut quotes);
        let mut sentence_spans = Vec::new();
        split_sentences(text, whole, &mut sentence_spans);
        let mut tokens = Vec::new();
        let sentences = sentence_spans
            .into_iter()
            .map(|span| {
                let before = tokens.len();
                tokenize(text, span, &mut tokens);
                (span, tokens.len() - before)
            })
            .collect();
        let words = word_view(text, &tokens);
        ParagraphStructure {
            quotes,
            quote_open_after,
            sentences,
            tokens,
            words,
        }
    }

    /// Whether the paragraph ends inside a quotation carried into the next one.
    pub fn quote_open_after(&self) -> bool {
        self.quote_open_after
    }
}

/// Where [`Story::build`] gets each paragraph's structure.
pub trait ParagraphReader {
    /// The paragraph's structure, and the name of its text: the same id for the same text and
    /// carried quotation while the reader remembers them.
    fn read(&mut self, text: &str, quote_open_before: bool) -> (&ParagraphStructure, TextId);

    /// The paragraph's structure for the story to keep, when the reader does not keep it
    /// itself; `None` sends [`Story::build`] to [`ParagraphReader::read`].
    fn read_owned(&mut self, _text: &str, _quote_open_before: bool) -> Option<ParagraphStructure> {
        None
    }
}

/// Reads every paragraph afresh: [`Story::new`].
struct ReadEveryParagraph(Option<ParagraphStructure>);

impl ParagraphReader for ReadEveryParagraph {
    fn read(&mut self, text: &str, quote_open_before: bool) -> (&ParagraphStructure, TextId) {
        let read = self
            .0
            .insert(ParagraphStructure::read(text, quote_open_before));
        (read, TextId::fresh())
    }

    fn read_owned(&mut self, text: &str, quote_open_before: bool) -> Option<ParagraphStructure> {
        Some(ParagraphStructure::read(text, quote_open_before))
    }
}

/// Appends `own` to `story`, moving the smaller of the two: when a paragraph outweighs all the
/// story before it, its table is kept and the story's few entries go in front.
fn append_to_larger<T>(story: &mut Vec<T>, mut own: Vec<T>) {
    if own.len() > story.len() {
        own.splice(0..0, std::mem::take(story));
        *story = own;
    } else {
        story.append(&mut own);
    }
}

fn word_view(text: &str, tokens: &[Token]) -> ParagraphWords {
    let mut lowered = String::with_capacity(text.len());
    let mut longer = Vec::new();
    for t in tokens {
        let span = t.span();
        let (Some(between), Some(original)) =
            (text.get(lowered.len()..span.start), text.get(span.range()))
        else {
            continue;
        };
        lowered.push_str(between);
        let start = lowered.len();
        // Most words are ASCII, whose only apostrophe is already the plain one: lower-cased in
        // place, not char by char (this view is built for every token of every story).
        if original.is_ascii() {
            lowered.push_str(original);
            lowered[start..].make_ascii_lowercase();
            continue;
        }
        for c in original.chars() {
            if super::tokens::is_apostrophe(c) {
                lowered.push('\'');
            } else {
                lowered.extend(c.to_lowercase());
            }
        }
        let written = lowered.len() - start;
        if written > original.len() {
            let word = lowered[start..].into();
            lowered.truncate(start);
            if let Ok(at) = u32::try_from(span.start) {
                longer.push((at, word));
            }
        }
        let pad = start + original.len() - lowered.len();
        lowered.extend(std::iter::repeat_n('\0', pad));
    }
    lowered.push_str(text.get(lowered.len()..).unwrap_or(""));
    ParagraphWords {
        lowered,
        longer: longer.into_boxed_slice(),
    }
}

/// `start` moved `by` bytes later, if it still fits in 32 bits.
fn shifted_u32(start: u32, by: usize) -> Option<u32> {
    u32::try_from(start as usize + by).ok()
}

/// The most words a headline-like line may have.
const HEADLINE_MAX_WORDS: usize = 25;

/// The most lines the top matter (headline, standfirst, dateline, byline, a repeated headline,
/// a credit) may run to.
const TOP_MATTER_MAX_LINES: usize = 8;

/// Lines, not paragraphs: syndicated copy runs a dateline, the repeated headline and the lede
/// together in one paragraph.
fn top_matter_end(source: &str) -> usize {
    let mut offset = 0;
    let mut headlines = 0;
    for line in source.split_inclusive('\n').take(TOP_MATTER_MAX_LINES) {
        let text = line.trim();
        if text.is_empty() {
            offset += line.len();
            continue;
        }
        if !headline_like(text) {
            return if headlines > 0 { offset } else { 0 };
        }
        headlines += 1;
        offset += line.len();
    }
    0
}

/// A short line with no sentence-ending punctuation, or a headline in title case that some
/// systems end with a full stop ("Council Delays Vote Amid Claims of Fraud.").
fn headline_like(line: &str) -> bool {
    let words = line.split_whitespace().count();
    let ending = line
        .trim_end_matches(['"', '\'', '”', '’', ')'])
        .chars()
        .last();
    let sentence_like = ending.is_none_or(|c| matches!(c, '.' | '!' | '?' | ':' | ';' | ','));
    words <= HEADLINE_MAX_WORDS && (!sentence_like || (ending == Some('.') && title_case(line)))
}

/// Every word of four letters or more capitalised, and at least four such words: a sentence
/// capitalises its first word and its names, a headline in title case all of its long words.
fn title_case(line: &str) -> bool {
    let long: Vec<&str> = line
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .collect();
    long.len() >= 4
        && long
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

fn find_containing<T>(items: &[T], offset: usize, span: impl Fn(&T) -> Span) -> Option<usize> {
    let i = items.partition_point(|item| span(item).end <= offset);
    items
        .get(i)
        .filter(|item| span(item).start <= offset)
        .map(|_| i)
}

fn mark_quoted(tokens: &[Token], quotes: &[Quote]) -> TokenSet {
    let mut quoted = TokenSet::with_len(tokens.len());
    let mut q = 0;
    for (index, t) in tokens.iter().enumerate() {
        while q < quotes.len() && quotes[q].span().end <= t.span().start {
            q += 1;
        }
        if quotes
            .get(q)
            .is_some_and(|quote| quote.span().covers(t.span()))
        {
            quoted.insert(index);
        }
    }
    quoted
}

/// A set of token indexes, a bit each: the story keeps one flag per token.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct TokenSet(Vec<u64>);

impl TokenSet {
    fn with_len(len: usize) -> TokenSet {
        TokenSet(vec![0; len.div_ceil(64)])
    }

    fn insert(&mut self, index: usize) {
        if let Some(word) = self.0.get_mut(index / 64) {
            *word |= 1 << (index % 64);
        }
    }

    fn contains(&self, index: usize) -> bool {
        self.0
            .get(index / 64)
            .is_some_and(|word| word & (1 << (index % 64)) != 0)
    }
}

/// Paragraphs: runs of non-blank lines, also broken where the format starts a new block.
fn paragraph_spans(prose: &str, block_starts: &[usize]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut current: Option<(usize, usize)> = None;
    let mut pos = 0;
    let mut next_block = 0;
    for line in prose.split_inclusive('\n') {
        let line_start = pos;
        pos += line.len();
        let content = line.trim();
        if content.is_empty() {
            if let Some((s, e)) = current.take() {
                out.push(Span::new(s, e));
            }
            continue;
        }
        let content_start = line_start + (line.len() - line.trim_start().len());
        let content_end = content_start + content.len();
        while next_block < block_starts.len() && block_starts[next_block] < line_start {
            next_block += 1;
        }
        let new_block = block_starts
            .get(next_block)
            .is_some_and(|&b| b <= content_start);
        match current {
            Some((s, _)) if new_block => {
                out.push(Span::new(s, current.map(|c| c.1).unwrap_or(s)));
                current = Some((content_start, content_end));
            }
            Some((s, _)) => current = Some((s, content_end)),
            None => current = Some((content_start, content_end)),
        }
    }
    if let Some((s, e)) = current {
        out.push(Span::new(s, e));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A reader that keeps every paragraph, as the incremental cache does, so the story copies
    /// each one instead of taking it.
    struct KeepEveryParagraph(Vec<ParagraphStructure>);

    impl ParagraphReader for KeepEveryParagraph {
        fn read(&mut self, text: &str, quote_open_before: bool) -> (&ParagraphStructure, TextId) {
            self.0
                .push(ParagraphStructure::read(text, quote_open_before));
            (&self.0[self.0.len() - 1], TextId::fresh())
        }
    }

    #[test]
    fn a_story_that_takes_its_paragraphs_equals_one_that_copies_them() {
        // Paragraphs smaller and larger than all before them, so both sides of each join are
        // taken; a quotation carried over a paragraph; curly apostrophes and a capital sigma,
        // which change the word view's length.
        let src = "Short head\n\n“A quote that runs on, said O’Neill of ΣΙΣΥΦΟΣ,\n\nand on,” \
                   she said. Then a much longer paragraph follows, with many more words than \
                   everything before it put together, said the envoy’s aide on Tuesday.\n\n\
                   Tiny.\n\nThe end of the story comes here, with a figure of 4.2%.\n";
        let taken = Story::new(src, SourceFormat::PlainText);
        let copied = Story::build(
            src,
            SourceFormat::PlainText,
            &mut KeepEveryParagraph(Vec::new()),
        );
        assert_eq!(taken.paragraphs, copied.paragraphs);
        assert_eq!(taken.sentences, copied.sentences);
        assert_eq!(taken.tokens, copied.tokens);
        assert_eq!(taken.quotes, copied.quotes);
        assert_eq!(taken.word_view(), copied.word_view());
        assert_eq!(taken.longer, copied.longer);
        assert_eq!(taken.quoted, copied.quoted);
        assert_eq!(taken.paragraphs.len(), 5);
    }

    #[test]
    fn paragraphs_sentences_and_quotes_fit_together() {
        let src = "Headline about the envoy\n\nThe envoy will visit Minsk, two people familiar with the plan said. “It is a first step,” one said.\n\nNo date is set.\n";
        let story = Story::new(src, SourceFormat::PlainText);
        assert_eq!(story.paragraphs.len(), 3);
        assert_eq!(story.sentences.len(), 4);
        assert_eq!(story.quotes.len(), 1);
        let quote = story.quotes[0];
        assert_eq!(story.paragraph_at(quote.span().start), Some(1));
        let first = story.token_at_or_after(quote.inner().start);
        assert!(story.is_token_quoted(first));
        assert_eq!(story.token_text(first), "It");
        assert!(!story.is_token_quoted(0));
    }

    #[test]
    fn a_quote_carried_into_a_later_paragraph_is_marked_as_continuing() {
        let src = "Intro paragraph.\n\n“We will appeal,” she said. “We have the facts.\n\n“And the law.”\n";
        let story = Story::new(src, SourceFormat::PlainText);
        let last = story.quotes.last().expect("quotes");
        assert!(last.continues_previous());
        assert_eq!(story.text(last.inner()), "And the law.");
    }

    #[test]
    fn crlf_and_markdown_blocks() {
        let src = "# A heading\r\nFirst line of text.\r\n\r\nSecond paragraph.\r\n";
        let story = Story::new(src, SourceFormat::Markdown);
        let texts: Vec<&str> = story
            .paragraphs
            .iter()
            .map(|p| story.text(p.span))
            .collect();
        assert_eq!(
            texts,
            ["A heading", "First line of text.", "Second paragraph."]
        );
    }

    #[test]
    fn a_story_with_nothing_to_lower_case_keeps_no_copy_for_its_words() {
        let story = Story::new(
            "the council met on friday, and said it would vote.\n\nit did.",
            SourceFormat::PlainText,
        );
        assert!(story.lowered_is_prose && story.lowered.is_empty());
        assert_eq!(story.lower(1), "council");
        let capital = Story::new("The council met.", SourceFormat::PlainText);
        assert!(!capital.lowered_is_prose);
        assert_eq!(capital.lower(0), "the");
    }

    #[test]
    fn every_word_reads_as_lowered_char_by_char_whatever_its_length_in_lower_case() {
        // Lower-cased shorter ("’", "ẞ"), longer ("İ"), the same; NUL, which pads the view,
        // as a token of its own; and a longer word in a later paragraph, whose place moves.
        let src = "O’Neill met İlkay and STRAẞE \0 officials’ ΣΟΦΙΑ.\n\n\
                   Then İİİ said \u{0}\u{0} Ǆemal’s ﬁle.\n";
        for story in [
            Story::new(src, SourceFormat::PlainText),
            Story::build(
                src,
                SourceFormat::PlainText,
                &mut KeepEveryParagraph(Vec::new()),
            ),
        ] {
            for (i, token) in story.tokens.iter().enumerate() {
                let expected: String = token
                    .text(story.prose())
                    .chars()
                    .flat_map(|c| {
                        let straight = if crate::text::tokens::is_apostrophe(c) {
                            '\''
                        } else {
                            c
                        };
                        straight.to_lowercase()
                    })
                    .collect();
                assert_eq!(story.lower(i), expected, "token {i}");
            }
            assert_eq!(story.word_view().len(), story.prose().len());
            assert_eq!(
                story.longer.len(),
                2,
                "İlkay and İİİ are longer in lower case"
            );
        }
    }

    #[test]
    fn the_word_view_is_lower_case_with_straight_apostrophes() {
        let story = Story::new("The Minister’s AIDES said.", SourceFormat::PlainText);
        let words: Vec<&str> = (0..story.tokens.len()).map(|i| story.lower(i)).collect();
        assert_eq!(words, ["the", "minister's", "aides", "said", "."]);
        assert_eq!(story.lower(99), "");
    }

    #[test]
    fn top_matter_ends_at_the_same_place_with_any_line_ends() {
        let lf = "Minister to quit, allies say\nBy A Reporter\n\nThe minister will quit, two allies said.\n";
        let expected = Story::new(lf, SourceFormat::PlainText).top_matter_end();
        assert!(expected > 0);
        for other in [lf.replace('\n', "\r"), lf.replace('\n', "\r\n")] {
            let story = Story::new(&other, SourceFormat::PlainText);
            let lf_offset = other[..story.top_matter_end()].replace("\r\n", "\n").len();
            assert_eq!(lf_offset, expected, "{other:?}");
        }
    }

    #[test]
    fn top_matter_is_the_leading_run_of_headline_lines() {
        let src = "Minister to quit, allies say\nBy A Reporter\n\nThe minister will quit, two allies said.\n";
        let story = Story::new(src, SourceFormat::PlainText);
        assert_eq!(
            story.top_matter_end(),
            src.find("The minister").unwrap_or(0)
        );
        assert!(story.in_top_matter(3));
        let prose = Story::new("It rained. Then it stopped.", SourceFormat::PlainText);
        assert_eq!(prose.top_matter_end(), 0);
    }

    #[test]
    fn a_title_case_headline_may_end_with_a_full_stop() {
        let src = "Harbour Board Delays Vote Amid Claims of Waste.

The board delayed its vote.
";
        let story = Story::new(src, SourceFormat::PlainText);
        assert_eq!(story.top_matter_end(), src.find("The board").unwrap_or(0));
        // A sentence capitalises only its first word and its names.
        let lede = "Mayor Ann Lee Delayed the vote on Tuesday.

She said more.
";
        assert_eq!(
            Story::new(lede, SourceFormat::PlainText).top_matter_end(),
            0
        );
    }

    #[test]
    fn lookups_outside_the_text_are_none() {
        let story = Story::new("One sentence.", SourceFormat::PlainText);
        assert_eq!(story.sentence_at(1000), None);
        assert_eq!(story.quote_at(3), None);
        assert!(!story.in_quote(Span::new(0, 13)));
    }
}
